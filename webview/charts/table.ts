/** Plain data tables (`<table>` with `<th scope>`): the accessible alternative to every chart. */
import { button, h, type Child } from '../dom';

export interface Column<T> {
  title: string;
  /** Right-aligned numbers. */
  numeric?: boolean;
  cell: (row: T) => Child;
  /** Makes the header a sort button; `dir` is the current direction when this column is the sort key. */
  sort?: { active: boolean; dir: 'asc' | 'desc'; onSort: () => void };
}

export function dataTable<T>(rows: readonly T[], columns: Column<T>[], opts: { label: string; onRow?: (row: T) => void; rowAttrs?: (row: T) => Record<string, string> }): HTMLElement {
  const head = h(
    'tr',
    {},
    ...columns.map((c) => {
      const th = h('th', { class: c.numeric ? 'num' : undefined, attrs: { scope: 'col' } });
      if (c.sort) {
        th.setAttribute('aria-sort', c.sort.active ? (c.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none');
        th.append(button([c.title, c.sort.active ? (c.sort.dir === 'asc' ? ' ▲' : ' ▼') : ''], c.sort.onSort, { class: 'sort-button' }));
      } else {
        th.append(c.title);
      }
      return th;
    }),
  );
  const body = h('tbody');
  for (const row of rows) {
    const tr = h('tr', { class: opts.onRow ? 'clickable' : undefined, attrs: opts.rowAttrs?.(row) });
    columns.forEach((c, i) => {
      const content = c.cell(row);
      const cell = h(i === 0 ? 'th' : 'td', { class: c.numeric ? 'num' : undefined, attrs: i === 0 ? { scope: 'row' } : undefined });
      // The first cell carries the row's drill-down as a real button, so the row works from the keyboard.
      if (i === 0 && opts.onRow) cell.append(button([content], () => opts.onRow!(row), { class: 'row-button' }));
      else if (content !== null && content !== undefined && content !== false) cell.append(content instanceof Node ? content : String(content));
      tr.append(cell);
    });
    if (opts.onRow) {
      tr.addEventListener('click', (ev) => {
        if (!(ev.target as Element).closest('button')) opts.onRow!(row);
      });
    }
    body.append(tr);
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table', attrs: { 'aria-label': opts.label } }, h('thead', {}, head), body));
}

/** A small inline bar inside a table cell (share in [0, 1]). */
export function inlineBar(share: number, tone: 'normal' | 'warn' = 'normal'): HTMLElement {
  const fill = h('span', { class: `bar-fill${tone === 'warn' ? ' warn' : ''}` });
  fill.style.width = `${Math.max(0, Math.min(1, share)) * 100}%`;
  return h('span', { class: 'bar-track inline', attrs: { 'aria-hidden': 'true' } }, fill);
}
