/**
 * The explorer's query controls: removable chips for every active filter, text search, selects for the
 * categorical filters, a score range and the sort. Built with `@vscode-elements/elements` controls.
 */
import { SCORE_KEYS, type DashboardSummary, type ScoreKey } from '../../src/core/dashboard/model';
import {
  ANY_FLAG, CONVERSATION_METRICS, SORT_KEYS, UNMAPPED_PREFIX, emptyQuery, tagTokenOf,
  type ConversationMetric, type ExplorerQuery, type ScoreRange, type SortKey,
} from '../../src/core/dashboard/query';
import { button, h } from '../dom';
import { SCORE_LABELS } from '../sections/scoring';

export interface FilterBarDeps {
  summary: DashboardSummary;
  query: ExplorerQuery;
  fileName(index: number): string;
  /** Replaces the query (the explorer reloads). */
  setQuery(query: ExplorerQuery): void;
}

const SORT_LABELS: Record<SortKey, string> = {
  position: 'File order',
  ...SCORE_LABELS,
  turns: 'Replies per record',
  minConfidence: 'Lowest label confidence',
};

function rangeText(r: ScoreRange): string {
  if (r.min !== undefined && r.max !== undefined) return `${r.min}–${r.max}`;
  if (r.min !== undefined) return `≥ ${r.min}`;
  if (r.max !== undefined) return `< ${r.max}`;
  return 'any';
}

/** One chip per active filter, each with the query that results from removing it. */
export function activeFilters(q: ExplorerQuery, fileName: (i: number) => string): { id: string; text: string; without: ExplorerQuery }[] {
  const out: { id: string; text: string; without: ExplorerQuery }[] = [];
  const copy = (): ExplorerQuery => structuredClone(q);
  for (const tag of q.tags) {
    const text = tag.startsWith(UNMAPPED_PREFIX) ? `unmapped ${tag.slice(UNMAPPED_PREFIX.length).replace(':', ': ')}` : tag.replace(':', ': ');
    out.push({ id: `tag:${tag}`, text, without: { ...copy(), tags: q.tags.filter((t) => t !== tag) } });
  }
  if (q.text.trim()) out.push({ id: 'text', text: `text “${q.text.trim()}”`, without: { ...copy(), text: '' } });
  if (q.file !== null) out.push({ id: 'file', text: `file: ${fileName(q.file)}`, without: { ...copy(), file: null } });
  if (q.status !== 'any') out.push({ id: 'status', text: `status: ${q.status}`, without: { ...copy(), status: 'any' } });
  if (q.labeler !== 'any') out.push({ id: 'labeler', text: `labeler: ${q.labeler}`, without: { ...copy(), labeler: 'any' } });
  if (q.thinking !== 'any') out.push({ id: 'thinking', text: `thinking: ${q.thinking}`, without: { ...copy(), thinking: 'any' } });
  for (const flag of q.flags) {
    out.push({ id: `flag:${flag}`, text: flag === ANY_FLAG ? 'any flag' : `flag: ${flag}`, without: { ...copy(), flags: q.flags.filter((f) => f !== flag) } });
  }
  for (const key of SCORE_KEYS) {
    const r = q.ranges[key];
    if (!r) continue;
    const without = copy();
    delete without.ranges[key];
    out.push({ id: `range:${key}`, text: `${SCORE_LABELS[key].toLowerCase()} ${rangeText(r)}`, without });
  }
  if (q.lowConfidence) out.push({ id: 'low-confidence', text: `low confidence: ${q.lowConfidence}`, without: { ...copy(), lowConfidence: null } });
  if (q.turns.min !== undefined || q.turns.max !== undefined) out.push({ id: 'turns', text: `replies ${rangeText(q.turns)}`, without: { ...copy(), turns: {} } });
  const metricNames: Record<ConversationMetric, string> = { value: 'value', selection: 'selection', peakComplexity: 'peak complexity' };
  for (const metric of CONVERSATION_METRICS) {
    const r = q.conversation[metric];
    if (!r) continue;
    const without = copy();
    delete without.conversation[metric];
    out.push({ id: `conversation:${metric}`, text: `conversation ${metricNames[metric]} ${rangeText(r)}`, without });
  }
  return out;
}

/** A `<vscode-single-select>` with its options; `onChange` gets the chosen value. */
function select(label: string, options: [string, string][], value: string, onChange: (value: string) => void): HTMLElement {
  const el = h('vscode-single-select', { attrs: { 'aria-label': label, title: label } });
  for (const [v, text] of options) el.append(h('vscode-option', { attrs: { value: v, selected: v === value } }, text));
  el.addEventListener('change', () => onChange((el as HTMLElement & { value: string }).value));
  return el;
}

function textField(label: string, value: string, placeholder: string, onInput: (value: string) => void, delayMs: number): HTMLElement {
  const el = h('vscode-textfield', { attrs: { 'aria-label': label, placeholder, value } });
  let timer: ReturnType<typeof setTimeout> | undefined;
  el.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => onInput((el as HTMLElement & { value: string }).value), delayMs);
  });
  return el;
}

export function renderFilterBar(deps: FilterBarDeps): HTMLElement {
  const { query: q, summary } = deps;
  const set = (patch: Partial<ExplorerQuery>) => deps.setQuery({ ...structuredClone(q), ...patch });

  const chips = activeFilters(q, deps.fileName);
  const chipRow = h(
    'div',
    { class: 'filter-chips', attrs: { id: 'explorer-filters', 'aria-label': 'Active filters' } },
    ...chips.map((c) =>
      h('span', { class: 'filter-chip', attrs: { 'data-filter': c.id } }, h('span', {}, c.text), button('×', () => deps.setQuery(c.without), { class: 'chip-remove', attrs: { 'aria-label': `Remove filter ${c.text}` } })),
    ),
    chips.length ? button('Clear all', () => deps.setQuery({ ...emptyQuery(), sort: q.sort }), { class: 'link-button', attrs: { 'data-action': 'clear-filters' } }) : h('span', { class: 'muted' }, 'No filter: every sample of the scope.'),
  );

  const controls = h('div', { class: 'filter-controls' });
  controls.append(textField('Search text', q.text, 'Search request and reply text…', (text) => set({ text }), 300));
  controls.append(tagField(summary, (token) => set({ tags: [...new Set([...q.tags, token])] })));
  controls.append(select('Status', [['any', 'Any status'], ['success', 'Labeled'], ['partial', 'Partial'], ['failed', 'Failed'], ['unlabeled', 'Not labeled']], q.status, (v) => set({ status: v as ExplorerQuery['status'] })));
  controls.append(select('Labeler', [['any', 'Any labeler'], ['llm', 'LLM'], ['heuristic', 'Heuristic'], ['imported', 'sft-label (imported)']], q.labeler, (v) => set({ labeler: v as ExplorerQuery['labeler'] })));
  controls.append(select('Thinking mode', [['any', 'Any thinking'], ['slow', 'Slow (reasoning)'], ['fast', 'Fast']], q.thinking, (v) => set({ thinking: v as ExplorerQuery['thinking'] })));
  if (summary.files.length > 1) {
    controls.append(select('File', [['', 'All files'], ...summary.files.map((f, i): [string, string] => [String(i), f.path])], q.file === null ? '' : String(q.file), (v) => set({ file: v === '' ? null : Number(v) })));
  }
  const flags = summary.scoring?.flags ?? [];
  if (flags.length) {
    controls.append(select('Flag', [['', 'Any or no flag'], [ANY_FLAG, 'Any flag'], ...flags.map((f): [string, string] => [f.flag, f.flag])], q.flags[0] ?? '', (v) => set({ flags: v ? [v] : [] })));
  }
  if (summary.scoring) controls.append(rangeControl(q, set));
  controls.append(
    select('Sort by', SORT_KEYS.map((k): [string, string] => [k, SORT_LABELS[k]]), q.sort.key, (v) => set({ sort: { key: v as SortKey, dir: v === 'position' ? 'asc' : 'desc' } })),
    button(q.sort.dir === 'asc' ? '↑ ascending' : '↓ descending', () => set({ sort: { ...q.sort, dir: q.sort.dir === 'asc' ? 'desc' : 'asc' } }), { class: 'secondary-button', attrs: { 'aria-label': 'Sort direction' } }),
  );
  return h('div', { class: 'filter-bar' }, chipRow, controls);
}

/** Adds a tag filter from typed text on Enter; says so when the scope has no such tag. */
function tagField(summary: DashboardSummary, add: (token: string) => void): HTMLElement {
  const el = h('vscode-textfield', { attrs: { 'aria-label': 'Add a tag filter', placeholder: 'Add a tag (language:python)…' } }) as HTMLElement & { value: string; invalid?: boolean };
  el.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter') return;
    const token = tagTokenOf(el.value, summary.tagDistributions);
    el.invalid = !token;
    el.title = token ? '' : `No tag "${el.value.trim()}" in this scope`;
    if (token) add(token);
  });
  return el;
}

/** Score range: which score, from, to; applied with a button (typing half a number must not filter). */
function rangeControl(q: ExplorerQuery, set: (patch: Partial<ExplorerQuery>) => void): HTMLElement {
  let key: ScoreKey = 'value';
  const keySelect = select('Score', SCORE_KEYS.map((k): [string, string] => [k, SCORE_LABELS[k]]), key, (v) => {
    key = v as ScoreKey;
  });
  const min = h('vscode-textfield', { class: 'narrow', attrs: { 'aria-label': 'Minimum score', placeholder: 'min' } }) as HTMLElement & { value: string };
  const max = h('vscode-textfield', { class: 'narrow', attrs: { 'aria-label': 'Maximum score (exclusive)', placeholder: 'max' } }) as HTMLElement & { value: string };
  const apply = button('Apply range', () => {
    const lo = min.value.trim() === '' ? undefined : Number(min.value);
    const hi = max.value.trim() === '' ? undefined : Number(max.value);
    if ((lo !== undefined && !Number.isFinite(lo)) || (hi !== undefined && !Number.isFinite(hi))) return;
    const ranges = structuredClone(q.ranges);
    if (lo === undefined && hi === undefined) delete ranges[key];
    else ranges[key] = { ...(lo !== undefined ? { min: lo } : {}), ...(hi !== undefined ? { max: hi } : {}) };
    set({ ranges });
  }, { class: 'secondary-button' });
  return h('span', { class: 'range-control', attrs: { role: 'group', 'aria-label': 'Score range' } }, keySelect, min, max, apply);
}
