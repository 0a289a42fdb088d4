/**
 * Ranked horizontal bars (tag distributions, unmapped tags, flags, value by tag). Each row is a button that
 * drills down into the explorer. Bar lengths come from data and are set through CSSOM.
 */
import type { BarScale } from '../../src/shared/dashboardState';
import { button, h } from '../dom';
import { fmtInt, fmtPct } from '../format';

export interface BarItem {
  label: string;
  /** Bar length source (a count, or a mean score). */
  value: number;
  /** Text shown right of the bar (defaults to the count). */
  valueText?: string;
  /** Secondary text (defaults to the share of `total`). */
  detail?: string;
  /** Token identifying the bar for tests (`data-token`). */
  token?: string;
  title?: string;
  onClick?: () => void;
}

export interface BarListOptions {
  /** What percentages are of (labeled samples); also the 100% of the `share` scale. */
  total: number;
  scale: BarScale;
  /** Largest value across all panels (the `log` scale is global so panels compare). */
  globalMax: number;
  /** Fixed domain end for values that are not counts (mean scores: 10). */
  domainMax?: number;
  /** Rows shown before "show all". */
  limit?: number;
  emptyText?: string;
  label: string;
}

function fraction(value: number, opts: BarListOptions, panelMax: number): number {
  if (opts.domainMax !== undefined) return value / opts.domainMax;
  switch (opts.scale) {
    case 'share':
      return opts.total > 0 ? value / opts.total : 0;
    case 'relative':
      return panelMax > 0 ? value / panelMax : 0;
    case 'log':
      return opts.globalMax > 0 ? Math.log1p(value) / Math.log1p(opts.globalMax) : 0;
  }
}

function barRow(item: BarItem, opts: BarListOptions, panelMax: number): HTMLElement {
  const fill = h('span', { class: 'bar-fill' });
  fill.style.width = `${Math.max(0, Math.min(1, fraction(item.value, opts, panelMax))) * 100}%`;
  const children = [
    h('span', { class: 'bar-label', attrs: { title: item.title ?? item.label } }, item.label),
    h('span', { class: 'bar-track', attrs: { 'aria-hidden': 'true' } }, fill),
    h('span', { class: 'bar-value' }, item.valueText ?? fmtInt(item.value)),
    h('span', { class: 'bar-detail' }, item.detail ?? fmtPct(item.value, opts.total)),
  ];
  const attrs = { 'data-token': item.token, role: 'listitem' };
  if (item.onClick) return button(children, item.onClick, { class: 'bar-row clickable', attrs });
  return h('div', { class: 'bar-row', attrs }, ...children);
}

export function barList(items: readonly BarItem[], opts: BarListOptions): HTMLElement {
  const list = h('div', { class: 'bar-list', attrs: { role: 'list', 'aria-label': opts.label } });
  if (items.length === 0) {
    list.append(h('p', { class: 'note' }, opts.emptyText ?? 'Nothing to show.'));
    return list;
  }
  const panelMax = Math.max(...items.map((i) => i.value));
  const limit = opts.limit ?? items.length;
  for (const item of items.slice(0, limit)) list.append(barRow(item, opts, panelMax));
  if (items.length > limit) {
    const more = button(`Show all ${items.length}`, () => {
      for (const item of items.slice(limit)) list.insertBefore(barRow(item, opts, panelMax), more);
      more.remove();
    }, { class: 'link-button' });
    list.append(more);
  }
  return list;
}
