/** The file ranking of folder and workspace scopes: sortable, with keep rates at a chosen threshold. */
import { KEEP_RATE_THRESHOLDS, type FileSummary } from '../../src/core/dashboard/model';
import type { FileSortKey } from '../../src/shared/dashboardState';
import { button, h } from '../dom';
import { fmtInt, fmtScore, fmtShare } from '../format';
import { panel } from '../charts/panel';
import { dataTable, inlineBar, type Column } from '../charts/table';
import { panelState, type SectionContext } from './context';

function sortValue(f: FileSummary, key: FileSortKey, keepRate: number, name: string): number | string | null {
  switch (key) {
    case 'path':
      return name;
    case 'samples':
    case 'labeled':
    case 'scored':
      return f[key];
    case 'keep':
      return f.keepRates[String(keepRate)] ?? null;
    case 'turns':
      return f.meanTurns;
    default:
      return f.mean[key] ?? null;
  }
}

export function fileRankingSection(ctx: SectionContext): HTMLElement | null {
  const files = ctx.summary.fileRanking;
  if (files.length < 2) return null;
  const { key, dir } = ctx.state.fileSort;
  const keepRate = ctx.state.keepRate;
  const sorted = [...files].sort((a, b) => {
    const va = sortValue(a, key, keepRate, ctx.fileName(a.file));
    const vb = sortValue(b, key, keepRate, ctx.fileName(b.file));
    if (va === null || vb === null) return va === vb ? a.file - b.file : va === null ? 1 : -1;
    const order = typeof va === 'string' ? va.localeCompare(String(vb)) : va - (vb as number);
    return (dir === 'asc' ? order : -order) || a.file - b.file;
  });
  const sortable = (k: FileSortKey) => ({
    active: key === k,
    dir,
    onSort: () => ctx.setView({ fileSort: { key: k, dir: key === k && dir === 'desc' ? 'asc' : 'desc' } }),
  });
  const columns: Column<FileSummary>[] = [
    { title: 'File', cell: (f) => ctx.fileName(f.file), sort: sortable('path') },
    { title: 'Samples', numeric: true, cell: (f) => fmtInt(f.samples), sort: sortable('samples') },
    { title: 'Labeled', numeric: true, cell: (f) => fmtInt(f.labeled), sort: sortable('labeled') },
    { title: 'Scored', numeric: true, cell: (f) => fmtInt(f.scored), sort: sortable('scored') },
    { title: 'Value', numeric: true, cell: (f) => fmtScore(f.mean.value), sort: sortable('value') },
    { title: 'Complexity', numeric: true, cell: (f) => fmtScore(f.mean.complexity), sort: sortable('complexity') },
    { title: 'Quality', numeric: true, cell: (f) => fmtScore(f.mean.quality), sort: sortable('quality') },
    { title: 'Rarity', numeric: true, cell: (f) => fmtScore(f.mean.rarity), sort: sortable('rarity') },
    { title: 'Selection', numeric: true, cell: (f) => fmtScore(f.mean.selection), sort: sortable('selection') },
    {
      title: `Keep ≥${keepRate}`,
      numeric: true,
      cell: (f) => {
        const rate = f.keepRates[String(keepRate)];
        return rate === undefined ? '–' : h('span', { class: 'with-bar' }, inlineBar(rate), fmtShare(rate));
      },
      sort: sortable('keep'),
    },
    { title: 'Replies / record', numeric: true, cell: (f) => fmtScore(f.meanTurns), sort: sortable('turns') },
  ];
  const thresholds = h('div', { class: 'segmented', attrs: { role: 'group', 'aria-label': 'Keep-rate threshold' } });
  for (const t of KEEP_RATE_THRESHOLDS) {
    const pressed = t === keepRate;
    thresholds.append(button(`≥${t}`, () => ctx.setView({ keepRate: t }), { class: pressed ? 'pressed' : undefined, attrs: { 'aria-pressed': String(pressed) } }));
  }
  return panel(
    { ...panelState(ctx, 'files'), title: 'Files', description: 'Per file: counts, mean scores and the share of scored samples kept at the threshold. Click a file to list its samples.', actions: [thresholds] },
    dataTable(sorted, columns, { label: 'File ranking', onRow: (f) => ctx.drill({ file: f.file }), rowAttrs: (f) => ({ 'data-file': String(f.file) }) }),
  );
}
