/**
 * The sample explorer: filter bar, a virtualised result list paged from the data side, and the detail of
 * the selected sample. Keyboard: arrows move the selection, Enter opens the sample in the editor.
 */
import type { DashboardSummary, SampleDetail, SampleRow } from '../../src/core/dashboard/model';
import type { ExplorerQuery } from '../../src/core/dashboard/query';
import { button, h, replaceChildren } from '../dom';
import { fmtInt, fmtScore } from '../format';
import { renderDetail } from './detailView';
import { renderFilterBar } from './filterBar';
import { VirtualList, type PageAnswer } from './virtualList';

/** Row height in pixels (two text lines); the CSS uses the same value. */
export const ROW_HEIGHT = 52;
const PAGE_SIZE = 100;
const TAGS_PER_ROW = 4;

export interface ExplorerDeps {
  fetchPage(query: ExplorerQuery, offset: number, limit: number): Promise<PageAnswer<SampleRow>>;
  fetchDetail(file: number, id: string): Promise<{ detail: SampleDetail | null; error: string | null }>;
  open(row: { file: number; line: number; id: string }): void;
  /** False when samples cannot be opened in an editor (standalone report). */
  canOpen(): boolean;
  /** The explorer's part of the remembered state changed. */
  onStateChange(change: { query?: ExplorerQuery; scrollTop?: number; selected?: { file: number; id: string } | null }): void;
}

export class Explorer {
  readonly element: HTMLElement;
  private readonly filterSlot = h('div', { class: 'filter-slot' });
  private readonly countText = h('span', { class: 'result-count', attrs: { 'aria-live': 'polite', id: 'explorer-count' } });
  private readonly detailSlot = h('div', { class: 'detail-pane', attrs: { 'aria-label': 'Sample detail', tabindex: '-1' } });
  private readonly list: VirtualList<SampleRow>;
  private summary: DashboardSummary | undefined;
  private selectedIndex = -1;
  private detailRequest = 0;
  /** Scroll position to restore when the first summary arrives. */
  private readonly initialScroll: number;
  private started = false;

  constructor(
    private readonly deps: ExplorerDeps,
    private query: ExplorerQuery,
    private selected: { file: number; id: string } | null,
    scrollTop: number,
  ) {
    this.list = new VirtualList<SampleRow>({
      rowHeight: ROW_HEIGHT,
      pageSize: PAGE_SIZE,
      overscan: 8,
      label: 'Samples',
      fetch: (offset, limit) => this.deps.fetchPage(this.query, offset, limit),
      renderRow: (row, index) => this.renderRow(row, index),
      onScroll: (top) => this.deps.onStateChange({ scrollTop: top }),
      onTotal: (total) => {
        this.countText.textContent = `${fmtInt(total)} sample${total === 1 ? '' : 's'}`;
      },
      onPage: () => this.selectPending(),
    });
    this.list.element.addEventListener('keydown', (ev) => this.onKey(ev));
    replaceChildren(this.detailSlot, h('p', { class: 'note' }, 'Select a sample to see its labels, scores and conversation.'));
    this.element = h(
      'div',
      { class: 'explorer' },
      this.filterSlot,
      h('div', { class: 'explorer-status' }, this.countText),
      h('div', { class: 'explorer-body' }, h('div', { class: 'list-pane' }, this.list.element), this.detailSlot),
    );
    this.initialScroll = scrollTop;
  }

  /** A new summary: draws the filters; `changed` says the rows changed, so loaded pages are stale. */
  setSummary(summary: DashboardSummary, changed: boolean): void {
    this.summary = summary;
    this.renderFilters();
    if (!this.started) {
      this.started = true;
      this.list.reset(this.initialScroll);
      if (this.selected) this.showDetail(this.selected.file, this.selected.id);
    } else if (changed) {
      this.list.reset(this.list.element.scrollTop);
      if (this.selected) this.showDetail(this.selected.file, this.selected.id);
    }
  }

  getQuery(): ExplorerQuery {
    return this.query;
  }

  setQuery(query: ExplorerQuery): void {
    this.query = query;
    this.selectedIndex = -1;
    this.deps.onStateChange({ query, scrollTop: 0 });
    this.renderFilters();
    this.list.reset(0);
  }

  private renderFilters(): void {
    if (!this.summary) return;
    replaceChildren(
      this.filterSlot,
      renderFilterBar({ summary: this.summary, query: this.query, fileName: (i) => this.fileName(i), setQuery: (q) => this.setQuery(q) }),
    );
  }

  private fileName(i: number): string {
    return this.summary?.files[i]?.path ?? `file ${i}`;
  }

  private renderRow(row: SampleRow | undefined, index: number): HTMLElement {
    if (!row) return h('div', { class: 'vrow loading', attrs: { role: 'option', 'aria-busy': 'true' } }, h('span', { class: 'muted' }, '…'));
    const isSelected = this.selected?.file === row.file && this.selected.id === row.id;
    if (isSelected) this.selectedIndex = index;
    const tags = row.tags.slice(0, TAGS_PER_ROW).map((t) => h('span', { class: 'chip' }, t.slice(t.indexOf(':') + 1)));
    const scores = row.scores
      ? h('span', { class: 'vrow-scores' }, `V ${fmtScore(row.scores.value)} · Q ${fmtScore(row.scores.quality)}`)
      : null;
    const name = this.fileName(row.file);
    const location = `${name}:${row.line}`;
    const parts = [h('span', { class: 'location-name' }, name.split('/').pop() ?? name), h('span', { class: 'location-line' }, `:${row.line}`)];
    const locationEl = this.deps.canOpen()
      ? button(parts, () => this.deps.open(row), { class: 'vrow-location link-button', attrs: { 'data-action': 'open', title: `Open ${location} in the editor` } })
      : h('span', { class: 'vrow-location', attrs: { title: location } }, ...parts);
    const el = h(
      'div',
      {
        class: `vrow${isSelected ? ' selected' : ''}`,
        attrs: { role: 'option', 'aria-selected': String(isSelected), 'data-index': index, 'data-sample': row.id },
      },
      h(
        'div',
        { class: 'vrow-line' },
        h('span', { class: `status-dot status-${row.status}`, attrs: { title: row.status } }),
        h('span', { class: 'vrow-id' }, row.displayId),
        row.turns > 1 ? h('span', { class: 'muted' }, `${row.turn}/${row.turns}`) : null,
        row.thinking === 'slow' ? h('span', { class: 'chip muted' }, 'slow') : null,
        h('span', { class: 'chips vrow-tags' }, ...tags),
        ...row.flags.map((f) => h('span', { class: 'chip warn' }, f)),
        h('span', { class: 'spacer' }),
        scores,
        locationEl,
      ),
      h('div', { class: 'vrow-line vrow-text' }, row.query || row.reply),
    );
    el.addEventListener('click', (ev) => {
      if ((ev.target as Element).closest('button')) return;
      this.select(row, index);
    });
    return el;
  }

  private select(row: SampleRow, index: number): void {
    this.selected = { file: row.file, id: row.id };
    this.selectedIndex = index;
    this.deps.onStateChange({ selected: this.selected });
    this.list.refresh();
    this.showDetail(row.file, row.id);
  }

  /** Keys of the list: arrows, Page Up/Down, Home/End move the selection; Enter opens the sample. */
  private onKey(ev: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.list.element.clientHeight / ROW_HEIGHT) - 1);
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    if (ev.key === 'Enter') {
      ev.preventDefault();
      const row = this.list.rowAt(this.selectedIndex);
      if (row && this.deps.canOpen()) this.deps.open(row);
      return;
    }
    const step = steps[ev.key];
    if (step === undefined || this.list.count === 0) return;
    ev.preventDefault();
    const target = Math.max(0, Math.min(this.list.count - 1, this.selectedIndex + step));
    this.list.reveal(target);
    this.pendingSelect = target;
    this.selectPending();
  }

  /** Selects the row a key moved to once its page is loaded (it may have to come from the extension first). */
  private pendingSelect = -1;

  private selectPending(): void {
    if (this.pendingSelect < 0) return;
    const row = this.list.rowAt(this.pendingSelect);
    if (!row) return;
    const index = this.pendingSelect;
    this.pendingSelect = -1;
    this.select(row, index);
  }

  private showDetail(file: number, id: string): void {
    const request = ++this.detailRequest;
    replaceChildren(this.detailSlot, h('p', { class: 'note' }, 'Loading…'));
    this.deps.fetchDetail(file, id).then(({ detail, error }) => {
      if (request !== this.detailRequest) return;
      if (!detail) {
        replaceChildren(this.detailSlot, h('p', { class: 'note' }, error ?? 'This sample is no longer in the scope.'));
        return;
      }
      replaceChildren(
        this.detailSlot,
        renderDetail(detail, {
          fileName: this.fileName(detail.file),
          open: this.deps.canOpen() ? () => this.deps.open({ file: detail.file, line: detail.line, id: detail.id }) : undefined,
          filterTag: (token) => this.setQuery({ ...structuredClone(this.query), tags: [...new Set([...this.query.tags, token])] }),
        }),
      );
    }, (err: unknown) => {
      if (request === this.detailRequest) replaceChildren(this.detailSlot, h('p', { class: 'note' }, `Could not load the sample: ${String(err)}`));
    });
  }
}
