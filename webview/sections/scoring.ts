/**
 * Pass 2 sections: score histograms, value by tag, thinking mode, flags, selection thresholds and
 * coverage. When nothing in the scope is scored yet, one panel says so instead.
 */
import { SCORE_KEYS, type ScoreKey, type ScoringSummary } from '../../src/core/dashboard/model';
import { histogramShape } from '../../src/core/dashboard/numbers';
import { DIMENSIONS } from '../../src/core/model/labels';
import { ANY_FLAG } from '../../src/core/dashboard/query';
import { button, h } from '../dom';
import { fmtInt, fmtPct, fmtScore, fmtShare } from '../format';
import { barList } from '../charts/barList';
import { histogramChart } from '../charts/histogram';
import { dimensionTitle, grid, note, panel, subPanel } from '../charts/panel';
import { dataTable } from '../charts/table';
import { panelState, type SectionContext } from './context';

export const SCORE_LABELS: Record<ScoreKey, string> = {
  value: 'Value',
  selection: 'Selection',
  complexity: 'Complexity',
  quality: 'Quality',
  reasoning: 'Reasoning',
  rarity: 'Rarity',
  confidence: 'Judge confidence',
};

/** All Pass 2 panels, or the one "not scored yet" panel. */
export function scoringSections(ctx: SectionContext): HTMLElement[] {
  const s = ctx.summary.scoring;
  if (!s) {
    return [
      panel(
        { ...panelState(ctx, 'scores'), title: 'Scores' },
        note('Not scored yet. Once Pass 2 has scored samples of this scope (value, quality, complexity, reasoning, rarity), their histograms, value by tag, flags, selection thresholds and coverage appear here.'),
      ),
    ];
  }
  return [histogramsSection(ctx, s), valueByTagSection(ctx, s), flagsSection(ctx, s), selectionSection(ctx, s)];
}

function histogramsSection(ctx: SectionContext, s: ScoringSummary): HTMLElement {
  const charts = SCORE_KEYS.map((key) => {
    const hist = s.histograms[key];
    return subPanel(
      SCORE_LABELS[key],
      hist.n > 0
        ? histogramChart(hist, { label: `${SCORE_LABELS[key]} histogram`, id: key, digits: histogramShape(key).width < 1 ? 1 : 0, onBand: (range) => ctx.drill({ ranges: { [key]: range } }) })
        : note(key === 'selection' ? 'No selection scores (they are ranked run-wide after scoring).' : 'No values.'),
    );
  });
  return panel({ ...panelState(ctx, 'histograms'), title: 'Score distributions', description: `${fmtInt(s.scored)} scored samples; click a column to list its samples.` }, grid(...charts));
}

function valueByTagSection(ctx: SectionContext, s: ScoringSummary): HTMLElement {
  const panels = DIMENSIONS.filter((d) => s.valueByTag[d].length > 0).map((dim) =>
    subPanel(
      dimensionTitle(dim),
      barList(
        s.valueByTag[dim].map((t) => ({
          label: t.tag,
          value: t.mean,
          valueText: fmtScore(t.mean),
          detail: `n ${fmtInt(t.n)}`,
          token: `${dim}:${t.tag}`,
          onClick: () => ctx.drill({ tags: [`${dim}:${t.tag}`] }),
        })),
        { total: s.scored, scale: 'relative', globalMax: 10, domainMax: 10, limit: 10, label: `Mean value by ${dim} tag` },
      ),
    ),
  );
  return panel({ ...panelState(ctx, 'value-by-tag'), title: 'Value by tag', description: 'Mean value score of the samples with each tag, highest first.' }, grid(...panels));
}

function flagsSection(ctx: SectionContext, s: ScoringSummary): HTMLElement {
  if (s.flags.length === 0) return panel({ ...panelState(ctx, 'flags'), title: 'Flags' }, note('No sample was flagged.'));
  return panel(
    { ...panelState(ctx, 'flags'), title: 'Flags', description: 'How often the judge raised each flag, and what flagged samples are worth against the rest.' },
    barList(
      s.flags.map((f) => ({ label: f.flag, value: f.count, token: `flag:${f.flag}`, onClick: () => ctx.drill({ flags: [f.flag] }) })),
      { total: s.scored, scale: 'share', globalMax: s.scored, label: 'Flag frequency' },
    ),
    dataTable(s.flags, [
      { title: 'Flag', cell: (f) => f.flag },
      { title: 'Samples', numeric: true, cell: (f) => `${fmtInt(f.count)} (${fmtPct(f.count, s.scored)})` },
      { title: 'Mean value', numeric: true, cell: (f) => fmtScore(f.meanValue) },
      { title: 'Impact on value', numeric: true, cell: (f) => (f.impact === null ? '–' : `${f.impact > 0 ? '+' : ''}${fmtScore(f.impact)}`) },
    ], { label: 'Flag impact', onRow: (f) => ctx.drill({ flags: [f.flag] }) }),
    h('p', { class: 'note' }, button('List every flagged sample', () => ctx.drill({ flags: [ANY_FLAG] }), { class: 'link-button' })),
  );
}

/** Tags a threshold loses: the first few as chips, the rest folded. */
function tagsLostCell(tags: string[]): HTMLElement {
  if (tags.length === 0) return h('span', { class: 'muted' }, 'none');
  const chips = (list: string[]) => h('span', { class: 'chips' }, ...list.map((t) => h('span', { class: 'chip muted' }, t)));
  const SHOWN = 6;
  if (tags.length <= SHOWN) return chips(tags);
  return h('span', {}, chips(tags.slice(0, SHOWN)), h('details', { class: 'more' }, h('summary', {}, `${tags.length - SHOWN} more`), chips(tags.slice(SHOWN))));
}

function selectionSection(ctx: SectionContext, s: ScoringSummary): HTMLElement {
  const key = s.rankedBy;
  const thresholds = s.thresholds.length
    ? dataTable(s.thresholds, [
        { title: 'Band', cell: (t) => `Top ${t.topPercent}%` },
        { title: `${SCORE_LABELS[key]} ≥`, numeric: true, cell: (t) => fmtScore(t.threshold) },
        { title: 'Samples', numeric: true, cell: (t) => fmtInt(t.count) },
      ], { label: 'Selection thresholds', onRow: (t) => ctx.drill({ ranges: { [key]: { min: t.threshold } } }) })
    : note('No scores to rank.');
  const coverage = dataTable(s.coverage, [
    { title: 'Value ≥', cell: (c) => String(c.threshold) },
    { title: 'Retained', numeric: true, cell: (c) => fmtInt(c.retained) },
    { title: 'Share', numeric: true, cell: (c) => fmtShare(c.share) },
    { title: 'Tag coverage', numeric: true, cell: (c) => fmtShare(c.tagCoverage) },
    { title: 'Tags lost', cell: (c) => tagsLostCell(c.tagsLost) },
  ], { label: 'Coverage at value thresholds', onRow: (c) => ctx.drill({ ranges: { value: { min: c.threshold } } }) });
  return panel(
    { ...panelState(ctx, 'selection'), title: 'Selection', description: key === 'selection' ? 'Ranked by selection score.' : 'Ranked by value score (no selection scores in this scope).' },
    subPanel('Thresholds', thresholds),
    subPanel('Coverage at value thresholds', coverage),
  );
}

/** Slow (reasoning shown) vs fast replies; shown with or without scores. */
export function thinkingSection(ctx: SectionContext): HTMLElement {
  const t = ctx.summary.thinking;
  const rows = [
    { mode: 'slow' as const, label: 'slow (with reasoning)', ...t.slow },
    { mode: 'fast' as const, label: 'fast', ...t.fast },
  ];
  return panel(
    { ...panelState(ctx, 'thinking'), title: 'Thinking mode', description: 'Replies that carry reasoning (slow) against those that do not (fast).' },
    dataTable(rows, [
      { title: 'Mode', cell: (r) => r.label },
      { title: 'Samples', numeric: true, cell: (r) => `${fmtInt(r.count)} (${fmtPct(r.count, t.slow.count + t.fast.count)})` },
      { title: 'Scored', numeric: true, cell: (r) => fmtInt(r.scored) },
      { title: 'Mean value', numeric: true, cell: (r) => fmtScore(r.value) },
      { title: 'Mean quality', numeric: true, cell: (r) => fmtScore(r.quality) },
      { title: 'Mean reasoning', numeric: true, cell: (r) => fmtScore(r.reasoning) },
    ], { label: 'Thinking mode', onRow: (r) => ctx.drill({ thinking: r.mode }) }),
  );
}
