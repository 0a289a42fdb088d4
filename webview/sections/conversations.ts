/** Conversation-level panels for multi-turn data: records with two or more replies. */
import { h } from '../dom';
import { fmtInt, fmtPct, fmtScore } from '../format';
import { barList } from '../charts/barList';
import { histogramChart } from '../charts/histogram';
import { card, grid, note, panel, subPanel } from '../charts/panel';
import { panelState, type SectionContext } from './context';

export function conversationSection(ctx: SectionContext): HTMLElement | null {
  const c = ctx.summary.conversations;
  if (!c) return null;
  const cards = h(
    'div',
    { class: 'cards' },
    card('conversations', 'Multi-turn records', fmtInt(c.count), `mean ${fmtScore(c.meanTurns)} replies`, () => ctx.drill({ turns: { min: 2 } })),
    card('all-fast', 'All fast', fmtInt(c.thinking.allFast), fmtPct(c.thinking.allFast, c.count)),
    card('all-slow', 'All slow', fmtInt(c.thinking.allSlow), fmtPct(c.thinking.allSlow, c.count)),
    card('mixed', 'Mixed thinking', fmtInt(c.thinking.mixed), fmtPct(c.thinking.mixed, c.count)),
    c.convValue ? card('conv-value', 'Mean conversation value', fmtScore(c.convValue.mean), `${fmtInt(c.convValue.n)} scored`) : null,
  );
  const turns = barList(
    c.turnBuckets.map((b) => ({
      label: `${b.label} replies`,
      value: b.count,
      token: `turns:${b.label}`,
      onClick: b.count ? () => ctx.drill({ turns: b.max === null ? { min: b.min } : { min: b.min, max: b.max } }) : undefined,
    })),
    { total: c.count, scale: 'share', globalMax: c.count, label: 'Replies per record' },
  );
  return panel(
    { ...panelState(ctx, 'conversations'), title: 'Conversations', description: 'Records with two or more replies, counted once each (the other sections count replies). Conversation scores aggregate the replies\' scores, later replies weighing more.' },
    cards,
    grid(
      subPanel('Replies per record', turns),
      subPanel(
        'Conversation value',
        c.convValue
          ? histogramChart(c.convValue, { label: 'Conversation value histogram', id: 'conv-value', onBand: (range) => ctx.drill({ conversation: { value: range } }) })
          : note('Not scored yet.'),
      ),
      subPanel(
        'Conversation selection',
        c.convSelection
          ? histogramChart(c.convSelection, { label: 'Conversation selection histogram', id: 'conv-selection', onBand: (range) => ctx.drill({ conversation: { selection: range } }) })
          : note('Not scored yet.'),
      ),
      subPanel(
        'Peak complexity',
        c.peakComplexity
          ? histogramChart(c.peakComplexity, { label: 'Peak complexity histogram', id: 'peak-complexity', onBand: (range) => ctx.drill({ conversation: { peakComplexity: range } }) })
          : note('Not scored yet.'),
      ),
    ),
  );
}
