/** Labeling overview: the figure cards of a scope. Cards that stand for a group of samples drill down. */
import type { Overview } from '../../src/core/dashboard/model';
import { h } from '../dom';
import { fmtCompact, fmtInt, fmtPct } from '../format';
import { card, panel } from '../charts/panel';
import { panelState, type SectionContext } from './context';

function scoredDetail(o: Overview): string {
  const parts = [fmtPct(o.scored, o.samples)];
  if (o.scoredImported) parts.push(`${fmtInt(o.scoredImported)} from sft-label`);
  if (o.scoreFailed) parts.push(`${fmtInt(o.scoreFailed)} failed`);
  if (o.scoreStale) parts.push(`${fmtInt(o.scoreStale)} stale`);
  return parts.join(' · ');
}

export function overviewSection(ctx: SectionContext): HTMLElement {
  const o = ctx.summary.overview;
  const attempted = o.labeled + o.failed;
  const cards = h(
    'div',
    { class: 'cards' },
    card('samples', 'Samples', fmtInt(o.samples), `${fmtInt(o.conversations)} records`),
    card('labeled', 'Labeled', fmtInt(o.labeled), fmtPct(o.labeled, o.samples), () => ctx.drill({ status: 'success' })),
    card('failed', 'Failed', fmtInt(o.failed), o.partial ? `${fmtInt(o.partial)} partial` : fmtPct(o.failed, attempted), o.failed ? () => ctx.drill({ status: o.partial === o.failed ? 'partial' : 'failed' }) : undefined),
    card('unlabeled', 'Not labeled', fmtInt(o.unlabeled), fmtPct(o.unlabeled, o.samples), o.unlabeled ? () => ctx.drill({ status: 'unlabeled' }) : undefined),
    card('tokens', 'Tokens', fmtCompact(o.tokens), `${fmtInt(o.llmCalls)} LLM calls`),
    card('arbitrated', 'Arbitrated', fmtInt(o.arbitrated), fmtPct(o.arbitrated, attempted)),
    card('unmapped', 'Unmapped tags', fmtInt(o.unmappedDistinct), `${fmtInt(o.unmappedTotal)} uses`),
    card('llm', 'LLM labels', fmtInt(o.labelers.llm), fmtPct(o.labelers.llm, attempted), o.labelers.llm ? () => ctx.drill({ labeler: 'llm' }) : undefined),
    card('heuristic', 'Heuristic labels', fmtInt(o.labelers.heuristic), fmtPct(o.labelers.heuristic, attempted), o.labelers.heuristic ? () => ctx.drill({ labeler: 'heuristic' }) : undefined),
    o.labelers.imported ? card('imported', 'sft-label labels', fmtInt(o.labelers.imported), 'carried by the files', () => ctx.drill({ labeler: 'imported' })) : null,
    card('scored', 'Scored', fmtInt(o.scored), scoredDetail(o)),
    card('multiturn', 'Multi-turn records', fmtInt(o.multiTurnConversations), fmtPct(o.multiTurnConversations, o.conversations), o.multiTurnConversations ? () => ctx.drill({ turns: { min: 2 } }) : undefined),
    o.inputIssues ? card('issues', 'Input issues', fmtInt(o.inputIssues), 'bad JSON, rows without a reply') : null,
  );
  return panel({ ...panelState(ctx, 'overview'), title: 'Labeling overview' }, cards);
}
