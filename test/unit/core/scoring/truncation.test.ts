import { strict as assert } from 'node:assert';
import { MARKER_RESERVE, cutFragments, cutHeadTail, COT_SHARES } from '../../../../src/core/scoring/fragments';
import { prepareScoringPrompt } from '../../../../src/core/scoring/pass2';
import { PART_NAMES, allocateBudget, buildScoringView, splitSample } from '../../../../src/core/scoring/scoringView';
import { DEFAULT_SCORE_OPTIONS, SCORING_BUDGETS } from '../../../../src/core/scoring/types';
import { filler, labelsOf, sampleFrom } from './fixtures';

const lengths = (o: Partial<Record<(typeof PART_NAMES)[number], number>>) => ({ priorContext: 0, currentRequest: 0, trajectory: 0, cot: 0, response: 0, ...o });
const markers = (text: string) => text.match(/\[\.\.\. \d+ chars omitted/g)?.length ?? 0;

/** 40 turns: a system prompt, a first request, 18 tool steps of 3,000 chars, a second request, 6 more steps, the reply. */
function longAgentSample(reasoning?: string) {
  const turns: [string, string, string?][] = [['system', filler(4_000, 'sys')], ['user', filler(6_000, 'first-request')]];
  for (let i = 0; i < 9; i++) turns.push([`assistant:bash`, `step ${i}: ${filler(500, `call${i}`)}`], ['tool:bash', filler(3_000, `out${i}`)]);
  turns.push(['user', filler(9_000, 'request')]);
  for (let i = 0; i < 3; i++) turns.push(['assistant', filler(800, `plan${i}`)], ['tool', filler(3_000, `res${i}`)]);
  turns.push(['assistant', filler(12_000, 'reply'), reasoning]);
  return sampleFrom(turns);
}

describe('core/scoring truncation (COT-preserving)', () => {
  it('leaves a sample under budget untouched', () => {
    const s = sampleFrom([['user', 'Write a function.'], ['assistant', 'def f(): pass', 'think first']]);
    const view = buildScoringView(s, SCORING_BUDGETS.compact);
    assert.equal(view.truncated, false);
    assert.equal(view.thinkingMode, 'slow');
    assert.deepEqual(view.parts, { priorContext: '', currentRequest: 'Write a function.', trajectory: '', cot: 'think first', response: 'def f(): pass' });
  });

  it('splits the full budget 15 / 45 / 40 with reasoning: 2,850 request, 8,550 reasoning, 7,600 evidence', () => {
    const a = allocateBudget(lengths({ priorContext: 10_000, currentRequest: 10_000, trajectory: 10_000, cot: 20_000, response: 10_000 }), 'slow', 19_000);
    // evidence 7,600 split 0.20 / 0.45 / 0.35 over context, trajectory, response
    assert.deepEqual(a, { currentRequest: 2_850, cot: 8_550, priorContext: 1_520, trajectory: 3_420, response: 2_660 });
  });

  it('splits the compact budget 15 / 85 without reasoning: 1,995 request, 11,305 evidence', () => {
    const a = allocateBudget(lengths({ priorContext: 10_000, currentRequest: 10_000, trajectory: 10_000, response: 10_000 }), 'fast', 13_300);
    assert.deepEqual(a, { currentRequest: 1_995, cot: 0, priorContext: 2_261, trajectory: 5_087, response: 3_956 });
    assert.ok(Object.values(a).reduce((x, y) => x + y, 0) <= 13_300);
  });

  it('gives what a short part does not need to the others, in proportion to their shares', () => {
    const a = allocateBudget(lengths({ currentRequest: 100, cot: 20_000, response: 10_000 }), 'slow', 19_000);
    // request keeps 100; 18,900 left for reasoning (0.45) and response (0.40): 10,005 and 8,894
    assert.deepEqual(a, { currentRequest: 100, cot: 10_005, priorContext: 0, trajectory: 0, response: 8_894 });
  });

  it('cuts reasoning into head, tail and three middle fragments with markers, within the budget', () => {
    const text = filler(50_000, 'cot');
    const cut = cutFragments(text, 8_550, COT_SHARES);
    assert.ok(cut.length <= 8_550, `${cut.length}`);
    const keep = 8_550 - MARKER_RESERVE * 4;
    assert.ok(cut.startsWith(text.slice(0, Math.floor(keep * 0.3))));
    assert.ok(cut.endsWith(text.slice(-Math.floor(keep * 0.3))));
    assert.equal(markers(cut), 4);
    assert.equal(cut.match(/fragment at \d+%/g)?.length, 4);
    // Omitted counts add up: kept text + omitted = original length.
    const omitted = [...cut.matchAll(/\[\.\.\. (\d+) chars omitted/g)].reduce((n, m) => n + Number(m[1]), 0);
    const kept = cut.replace(/\n\[\.\.\. [^\]]*\]\n/g, '').length;
    assert.equal(kept + omitted, 50_000);
  });

  it('keeps head and tail only for requests (30% head) and context (15% head)', () => {
    const text = filler(10_000, 'req');
    const cut = cutHeadTail(text, 2_000, 0.3);
    assert.ok(cut.length <= 2_000);
    assert.equal(markers(cut), 1);
    assert.ok(cut.startsWith(text.slice(0, Math.floor((2_000 - MARKER_RESERVE) * 0.3))));
    assert.doesNotMatch(cut, /fragment at/);
  });

  it('never splits a surrogate pair', () => {
    const text = '😀'.repeat(20_000);
    for (const cut of [cutFragments(text, 5_001, COT_SHARES), cutHeadTail(text, 3_333, 0.3)]) {
      assert.doesNotMatch(cut, /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
  });

  it('centres a long agent trajectory on the last request: context, steps, reasoning and reply within budget', () => {
    const s = longAgentSample(filler(30_000, 'reasoning'));
    const split = splitSample(s);
    assert.ok(split.parts.currentRequest.startsWith('<<request start>>'));
    assert.match(split.parts.priorContext, /^\[System\]\n<<sys start>>/);
    assert.match(split.parts.priorContext, /\[Human\]\n<<first-request start>>/);
    assert.match(split.parts.priorContext, /\[Assistant\]\nstep 0/);
    assert.match(split.parts.priorContext, /\[Tool Result: bash\]\n<<out0 start>>/);
    assert.match(split.parts.trajectory, /^\[Assistant Step\]\n<<plan0 start>>/);
    assert.match(split.parts.trajectory, /\[Tool Result\]\n<<res2 start>>/);
    assert.equal(split.trajectoryTurnCount, 6);
    assert.equal(split.trajectoryToolTurns, 3);

    for (const budget of [SCORING_BUDGETS.compact, SCORING_BUDGETS.full]) {
      const view = buildScoringView(s, budget);
      assert.equal(view.truncated, true);
      const content = Math.floor(budget * 0.95);
      const allowance = allocateBudget(view.original, 'slow', content);
      for (const p of PART_NAMES) assert.ok(view.parts[p].length <= allowance[p], `${p}: ${view.parts[p].length} > ${allowance[p]}`);
      const total = PART_NAMES.reduce((n, p) => n + view.parts[p].length, 0);
      assert.ok(total <= content, `${total} > ${content}`);
      // The reasoning keeps its start and its end; the reply (slow) keeps head and tail with one marker.
      assert.ok(view.parts.cot.startsWith('<<reasoning start>>') && view.parts.cot.endsWith('<<reasoning end>>'));
      assert.equal(markers(view.parts.cot), 4);
      assert.equal(markers(view.parts.response), 1);
      assert.ok(view.parts.response.endsWith('<<reply end>>'));
    }
  });

  it('cuts a fast reply into fragments (45% head, 25% tail) instead', () => {
    const view = buildScoringView(longAgentSample(), SCORING_BUDGETS.compact);
    assert.equal(view.thinkingMode, 'fast');
    assert.equal(view.parts.cot, '');
    assert.equal(markers(view.parts.response), 4);
  });

  it('shrinks the budget until the UTF-8 message fits the byte cap, and fails past the smallest budget', () => {
    const cjk = '数据'.repeat(15_000);
    const s = sampleFrom([['user', cjk], ['assistant', cjk]]);
    const prompt = prepareScoringPrompt(s, labelsOf({}), DEFAULT_SCORE_OPTIONS);
    assert.ok(prompt.ok);
    assert.ok(prompt.userBytes <= 24_000, `${prompt.userBytes}`);
    assert.ok(prompt.budgetChars < SCORING_BUDGETS.compact);
    const tiny = prepareScoringPrompt(s, labelsOf({}), { ...DEFAULT_SCORE_OPTIONS, maxPromptBytes: 1_000 });
    assert.equal(tiny.ok, false);
    assert.equal(tiny.budgetChars, 2_000);
  });
});
