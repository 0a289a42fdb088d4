/**
 * Pass 1 sections: tag distributions, confidence, intent × difficulty, pool coverage, unmapped tags.
 */
import { DIMENSIONS, ARBITRATION_THRESHOLD, type Dimension } from '../../src/core/model/labels';
import { UNMAPPED_PREFIX } from '../../src/core/dashboard/query';
import type { BarScale } from '../../src/shared/dashboardState';
import { button, h } from '../dom';
import { fmtInt, fmtPct, fmtScore, fmtShare } from '../format';
import { barList } from '../charts/barList';
import { dimensionTitle, grid, note, panel, subPanel } from '../charts/panel';
import { dataTable, inlineBar } from '../charts/table';
import { panelState, type SectionContext } from './context';

const SCALE_LABELS: Record<BarScale, string> = { share: 'Share of labeled', relative: 'Normalised', log: 'Log scale' };

/** The scale switch of the tag bars (segmented buttons; the pressed one is the current scale). */
function scaleSwitch(ctx: SectionContext): HTMLElement {
  const group = h('div', { class: 'segmented', attrs: { role: 'group', 'aria-label': 'Bar scale' } });
  for (const scale of Object.keys(SCALE_LABELS) as BarScale[]) {
    const pressed = ctx.state.barScale === scale;
    group.append(button(SCALE_LABELS[scale], () => ctx.setView({ barScale: scale }), { class: pressed ? 'pressed' : undefined, attrs: { 'aria-pressed': String(pressed) } }));
  }
  return group;
}

export function tagDistributionSection(ctx: SectionContext): HTMLElement {
  const { tagDistributions, overview } = ctx.summary;
  const globalMax = Math.max(0, ...DIMENSIONS.flatMap((d) => tagDistributions[d].map((t) => t.count)));
  const panels = DIMENSIONS.map((dim) =>
    subPanel(
      dimensionTitle(dim),
      barList(
        tagDistributions[dim].map((t) => ({
          label: t.tag,
          value: t.count,
          token: `${dim}:${t.tag}`,
          onClick: () => ctx.drill({ tags: [`${dim}:${t.tag}`] }),
        })),
        { total: overview.labeled, scale: ctx.state.barScale, globalMax, limit: 12, label: `${dim} tags`, emptyText: 'No tags.' },
      ),
    ),
  );
  return panel(
    { ...panelState(ctx, 'tags'), title: 'Tag distributions', description: `Share of ${fmtInt(overview.labeled)} labeled samples; click a bar to list its samples.`, actions: [scaleSwitch(ctx)] },
    grid(...panels),
  );
}

export function confidenceSection(ctx: SectionContext): HTMLElement {
  const rows = DIMENSIONS.flatMap((dim) => {
    const s = ctx.summary.confidence[dim];
    return s ? [{ dim, ...s }] : [];
  });
  const body = rows.length
    ? dataTable(rows, [
        { title: 'Dimension', cell: (r) => r.dim },
        { title: 'Mean', numeric: true, cell: (r) => h('span', { class: 'with-bar' }, inlineBar(r.mean, r.mean < ARBITRATION_THRESHOLD ? 'warn' : 'normal'), fmtScore(r.mean)) },
        { title: 'Min', numeric: true, cell: (r) => fmtScore(r.min) },
        { title: 'Max', numeric: true, cell: (r) => fmtScore(r.max) },
        {
          title: `Below ${ARBITRATION_THRESHOLD}`,
          numeric: true,
          cell: (r) => (r.below ? button(`${fmtInt(r.below)} (${fmtPct(r.below, r.count)})`, () => ctx.drill({ lowConfidence: r.dim }), { class: 'link-button' }) : '0'),
        },
        { title: 'Samples', numeric: true, cell: (r) => fmtInt(r.count) },
      ], { label: 'Label confidence per dimension' })
    : note('No confidences yet: label some samples first.');
  return panel({ ...panelState(ctx, 'confidence'), title: 'Confidence', description: 'Label confidence per dimension; low values are re-asked (arbitrated).' }, body);
}

export function crossMatrixSection(ctx: SectionContext): HTMLElement {
  const m = ctx.summary.crossMatrix;
  if (m.total === 0) return panel({ ...panelState(ctx, 'matrix'), title: 'Intent × difficulty' }, note('No labeled samples yet.'));
  const max = Math.max(1, ...m.cells.flat());
  const head = h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'intent \\ difficulty'), ...m.difficulties.map((d) => h('th', { class: 'num', attrs: { scope: 'col' } }, d)), h('th', { class: 'num', attrs: { scope: 'col' } }, 'Total'));
  const tagOf = (dim: Dimension, v: string) => (v === '(none)' ? [] : [`${dim}:${v}`]);
  const body = h('tbody');
  m.intents.forEach((intent, i) => {
    const tr = h('tr', {}, h('th', { attrs: { scope: 'row' } }, intent));
    m.difficulties.forEach((difficulty, j) => {
      const n = m.cells[i]![j]!;
      const td = h('td', { class: 'num heat' });
      td.style.setProperty('--heat', String(n / max));
      if (n > 0) {
        td.append(button(fmtInt(n), () => ctx.drill({ tags: [...tagOf('intent', intent), ...tagOf('difficulty', difficulty)] }), { class: 'cell-button', attrs: { 'data-cell': `${intent}|${difficulty}`, 'aria-label': `${intent}, ${difficulty}: ${n}` } }));
      }
      tr.append(td);
    });
    tr.append(h('td', { class: 'num total' }, fmtInt(m.rowTotals[i]!)));
    body.append(tr);
  });
  body.append(h('tr', { class: 'totals' }, h('th', { attrs: { scope: 'row' } }, 'Total'), ...m.colTotals.map((n) => h('td', { class: 'num total' }, fmtInt(n))), h('td', { class: 'num total' }, fmtInt(m.total))));
  return panel(
    { ...panelState(ctx, 'matrix'), title: 'Intent × difficulty', description: 'Labeled samples per pair; click a cell to list them.' },
    h('div', { class: 'table-wrap' }, h('table', { class: 'data-table matrix', attrs: { 'aria-label': 'Intent by difficulty' } }, h('thead', {}, head), body)),
  );
}

/** Unused tags listed in full up to this many; beyond, in a folded list. */
const UNUSED_LISTED = 24;

export function poolCoverageSection(ctx: SectionContext): HTMLElement {
  const cov = ctx.summary.poolCoverage;
  if (!cov) return panel({ ...panelState(ctx, 'coverage'), title: 'Taxonomy coverage' }, note('No taxonomy was given, so coverage is not known.'));
  const rows = DIMENSIONS.flatMap((dim) => (cov[dim] ? [{ dim, ...cov[dim]! }] : []));
  const unusedCell = (unused: string[]) => {
    if (unused.length === 0) return h('span', { class: 'muted' }, 'all used');
    const chips = (tags: string[]) => h('span', { class: 'chips' }, ...tags.map((t) => h('span', { class: 'chip muted' }, t)));
    if (unused.length <= UNUSED_LISTED) return chips(unused);
    return h('details', {}, h('summary', {}, `${unused.length} unused tags`), chips(unused));
  };
  return panel(
    { ...panelState(ctx, 'coverage'), title: 'Taxonomy coverage', description: 'Tags of the taxonomy used at least once.' },
    dataTable(rows, [
      { title: 'Dimension', cell: (r) => r.dim },
      { title: 'Used', numeric: true, cell: (r) => `${fmtInt(r.used)} / ${fmtInt(r.pool)}` },
      { title: 'Coverage', numeric: true, cell: (r) => h('span', { class: 'with-bar' }, inlineBar(r.pool ? r.used / r.pool : 0), r.pool ? fmtShare(r.used / r.pool) : '–') },
      { title: 'Unused tags', cell: (r) => unusedCell(r.unused) },
    ], { label: 'Taxonomy pool coverage' }),
  );
}

export function unmappedSection(ctx: SectionContext): HTMLElement {
  const dims = DIMENSIONS.filter((d) => (ctx.summary.unmapped[d]?.length ?? 0) > 0);
  if (dims.length === 0) return panel({ ...panelState(ctx, 'unmapped'), title: 'Unmapped tags' }, note('Every label was a tag of the taxonomy.'));
  const panels = dims.map((dim) =>
    subPanel(
      dimensionTitle(dim),
      h(
        'ul',
        { class: 'unmapped-list' },
        ...ctx.summary.unmapped[dim]!.map((e) =>
          h(
            'li',
            {},
            button([h('span', { class: 'chip warn' }, e.value), ` ${fmtInt(e.count)}×`], () => ctx.drill({ tags: [`${UNMAPPED_PREFIX}${dim}:${e.value}`] }), { class: 'link-button', attrs: { 'data-token': `${UNMAPPED_PREFIX}${dim}:${e.value}` } }),
            ...e.examples.map((x) => h('div', { class: 'example' }, h('span', { class: 'mono' }, `[${x.displayId}] `), x.query)),
          ),
        ),
      ),
    ),
  );
  return panel({ ...panelState(ctx, 'unmapped'), title: 'Unmapped tags', description: 'Labels the taxonomy does not know, with example requests.' }, grid(...panels));
}
