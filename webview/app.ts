/**
 * The dashboard page: header, the chart sections (drawn again on every new summary) and the explorer
 * (kept across summaries, so its list, selection and scroll survive live updates).
 */
import type { DashboardSummary } from '../src/core/dashboard/model';
import type { ExplorerQuery } from '../src/core/dashboard/query';
import type { ToHost, ToWebview } from '../src/shared/dashboardProtocol';
import { restoreViewState, type DashboardViewState } from '../src/shared/dashboardState';
import type { Backend } from './backend';
import { button, h, replaceChildren } from './dom';
import { Explorer } from './explorer/explorer';
import { fmtInt, fmtScore } from './format';
import type { QueryPatch, SectionContext } from './sections/context';
import { conversationSection } from './sections/conversations';
import { fileRankingSection } from './sections/files';
import { confidenceSection, crossMatrixSection, poolCoverageSection, tagDistributionSection, unmappedSection } from './sections/labeling';
import { overviewSection } from './sections/overview';
import { scoringSections, thinkingSection } from './sections/scoring';

type Reply<T extends ToWebview['type']> = Extract<ToWebview, { type: T }>;

const STATE_SAVE_DELAY_MS = 250;

export class App {
  private state: DashboardViewState;
  private summary: DashboardSummary | undefined;
  private version = -1;
  private capabilities = { open: false, export: false, refresh: false };
  private nextRequest = 1;
  private readonly pending = new Map<number, (m: ToWebview) => void>();
  private readonly titleEl = h('h1', { class: 'title' }, 'SFT dashboard');
  private readonly pillsEl = h('div', { class: 'pills' });
  private readonly actionsEl = h('div', { class: 'header-actions' });
  private readonly statusEl = h('p', { class: 'status-line', attrs: { id: 'status-line', 'aria-live': 'polite' } }, 'Loading…');
  private readonly noticeEl = h('div', { class: 'notices', attrs: { role: 'status' } });
  private readonly sectionsEl = h('div', { class: 'sections' });
  private readonly explorerEl: HTMLElement;
  private readonly explorer: Explorer;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    root: HTMLElement,
    private readonly backend: Backend,
  ) {
    this.state = restoreViewState(backend.loadState());
    this.explorer = new Explorer(
      {
        fetchPage: (query, offset, limit) =>
          this.request<'page'>({ type: 'query', requestId: 0, query, offset, limit }).then((m) => ({ total: m.total, rows: m.rows })),
        fetchDetail: (file, id) => this.request<'detail'>({ type: 'detail', requestId: 0, file, id }),
        open: (row) => this.backend.post({ type: 'open', file: row.file, line: row.line, id: row.id }),
        canOpen: () => this.capabilities.open,
        onStateChange: (change) => {
          if (change.query) this.state.query = change.query;
          if (change.scrollTop !== undefined) this.state.scrollTop = change.scrollTop;
          if (change.selected !== undefined) this.state.selected = change.selected;
          this.saveSoon();
        },
      },
      this.state.query,
      this.state.selected,
      this.state.scrollTop,
    );
    this.explorerEl = h(
      'section',
      { class: 'panel explorer-panel', attrs: { id: 'panel-explorer', 'aria-labelledby': 'explorer-title' } },
      h('header', { class: 'panel-header' }, h('h2', { attrs: { id: 'explorer-title' } }, 'Sample explorer')),
      h('div', { class: 'panel-body' }, this.explorer.element),
    );
    replaceChildren(
      root,
      h('header', { class: 'page-header' }, h('div', { class: 'title-row' }, this.titleEl, this.actionsEl), this.pillsEl, this.statusEl),
      this.noticeEl,
      this.sectionsEl,
      this.explorerEl,
    );
  }

  start(): void {
    this.backend.onMessage((m) => this.receive(m));
    window.addEventListener('scroll', () => {
      this.state.pageScroll = window.scrollY;
      this.saveSoon();
    }, { passive: true });
    this.backend.post({ type: 'ready' });
  }

  /** Shows a message above the sections (dismissable). */
  notice(level: 'info' | 'warning' | 'error', message: string): void {
    const item = h('div', { class: `notice ${level}` }, h('span', {}, message));
    item.append(button('×', () => item.remove(), { class: 'chip-remove', attrs: { 'aria-label': 'Dismiss' } }));
    this.noticeEl.append(item);
  }

  private request<T extends 'page' | 'detail'>(message: Extract<ToHost, { type: 'query' | 'detail' }>): Promise<Reply<T>> {
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      this.pending.set(requestId, (m) => resolve(m as Reply<T>));
      this.backend.post({ ...message, requestId });
    });
  }

  private receive(m: ToWebview): void {
    switch (m.type) {
      case 'loading':
        this.statusEl.textContent = `Reading ${m.label}: ${fmtInt(m.filesDone)} of ${fmtInt(m.filesTotal)} files, ${fmtInt(m.samples)} samples…`;
        return;
      case 'summary':
        this.onSummary(m);
        return;
      case 'page':
      case 'detail': {
        const resolve = this.pending.get(m.requestId);
        this.pending.delete(m.requestId);
        resolve?.(m);
        return;
      }
      case 'notice':
        this.notice(m.level, m.message);
        return;
    }
  }

  private onSummary(m: Reply<'summary'>): void {
    const first = this.summary === undefined;
    const changed = m.version !== this.version;
    this.summary = m.summary;
    this.version = m.version;
    this.capabilities = m.capabilities;
    if (m.scopeRef) this.state.scopeRef = m.scopeRef;
    // A query saved for another scope may name a file that is not there any more.
    if (this.state.query.file !== null && this.state.query.file >= m.summary.files.length) {
      this.state.query = { ...this.state.query, file: null };
      this.explorer.setQuery(this.state.query);
    }
    this.renderHeader();
    this.renderSections();
    this.explorer.setSummary(m.summary, changed);
    // After a reload the page comes back where it was; later summaries keep the current position.
    if (first) window.scrollTo(0, this.state.pageScroll);
    this.saveSoon();
  }

  private renderHeader(): void {
    const s = this.summary!;
    const o = s.overview;
    this.titleEl.textContent = `SFT dashboard · ${s.scope.label}`;
    const pill = (label: string, value: string) => h('span', { class: 'pill' }, h('span', { class: 'pill-label' }, label), value);
    replaceChildren(
      this.pillsEl,
      pill('Files', fmtInt(s.files.length)),
      pill('Samples', fmtInt(o.samples)),
      pill('Labeled', fmtInt(o.labeled)),
      pill('Scored', fmtInt(o.scored)),
      s.scoring ? pill('Mean value', fmtScore(s.scoring.histograms.value.mean)) : null,
    );
    replaceChildren(
      this.actionsEl,
      this.capabilities.refresh ? button('Refresh', () => this.backend.post({ type: 'refresh' }), { class: 'secondary-button', attrs: { 'data-action': 'refresh' } }) : null,
      this.capabilities.export ? button('Export HTML…', () => this.backend.post({ type: 'export' }), { class: 'secondary-button', attrs: { 'data-action': 'export' } }) : null,
    );
    const time = new Date(s.generatedAt).toLocaleTimeString();
    this.statusEl.textContent = this.capabilities.refresh ? `Updated ${time}; follows label runs as they write.` : `Report written ${new Date(s.generatedAt).toLocaleString()}.`;
  }

  private context(): SectionContext {
    return {
      summary: this.summary!,
      state: this.state,
      drill: (patch) => this.drill(patch),
      setView: (patch) => {
        Object.assign(this.state, patch);
        this.saveSoon();
        this.renderSections();
      },
      isCollapsed: (id) => this.state.collapsed.includes(id),
      setCollapsed: (id, collapsed) => {
        this.state.collapsed = collapsed ? [...new Set([...this.state.collapsed, id])] : this.state.collapsed.filter((c) => c !== id);
        this.saveSoon();
      },
      fileName: (i) => this.summary?.files[i]?.path ?? `file ${i}`,
    };
  }

  private renderSections(): void {
    const ctx = this.context();
    replaceChildren(
      this.sectionsEl,
      overviewSection(ctx),
      tagDistributionSection(ctx),
      confidenceSection(ctx),
      crossMatrixSection(ctx),
      poolCoverageSection(ctx),
      unmappedSection(ctx),
      thinkingSection(ctx),
      ...scoringSections(ctx),
      conversationSection(ctx),
      fileRankingSection(ctx),
    );
  }

  /** Applies a drill-down to the explorer's query and brings the explorer into view. */
  private drill(patch: QueryPatch): void {
    const q: ExplorerQuery = structuredClone(this.explorer.getQuery());
    const { tags, ranges, conversation, ...rest } = patch;
    if (tags) q.tags = [...new Set([...q.tags, ...tags])];
    if (ranges) q.ranges = { ...q.ranges, ...ranges };
    if (conversation) q.conversation = { ...q.conversation, ...conversation };
    Object.assign(q, rest);
    this.explorer.setQuery(q);
    this.explorerEl.scrollIntoView({ block: 'start' });
  }

  private saveSoon(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.backend.saveState(this.state), STATE_SAVE_DELAY_MS);
  }
}
