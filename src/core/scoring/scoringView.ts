import { stripTrainingMarkup } from '../labeling/markup';
import { isToolTurn } from '../labeling/toolHints';
import type { Sample, Turn } from '../model/conversation';
import {
  COT_SHARES, FAST_RESPONSE_SHARES, PRIOR_CONTEXT_HEAD_SHARE, REQUEST_HEAD_SHARE, SLOW_RESPONSE_HEAD_SHARE, TRAJECTORY_SHARES,
  cutFragments, cutHeadTail,
} from './fragments';

/**
 * The sample as the Pass 2 judge sees it, centred on the reply being scored (reference §5.2): the request it
 * answers, what came before, the steps between request and reply, the reply's reasoning (slow thinking) and the
 * reply itself. Long samples are cut to a budget that protects the reasoning and the evidence of the outcome.
 */

export const PART_NAMES = ['priorContext', 'currentRequest', 'trajectory', 'cot', 'response'] as const;
export type PartName = (typeof PART_NAMES)[number];
export type ScoringParts = Record<PartName, string>;

export interface ScoringView {
  /** Texts after cutting (not yet escaped for the prompt). */
  parts: ScoringParts;
  /** Characters of each part before cutting. */
  original: Record<PartName, number>;
  truncated: boolean;
  thinkingMode: 'slow' | 'fast';
  /** Turns in the sample, up to and including the reply. */
  totalTurns: number;
  trajectoryTurnCount: number;
  trajectoryToolTurns: number;
  codeBlockCount: number;
}

/** Share of the budget for the conversation itself; the rest is left for the meta block. */
export const CONTENT_SHARE = 0.95;
/** Budget shares when the sample is over budget (reference §5.2). */
export const REQUEST_SHARE = 0.15;
export const COT_SHARE = 0.45;
/** Evidence (context, trajectory, response) gets the rest: 0.40 with reasoning, 0.85 without. */
export const EVIDENCE_WEIGHTS: Readonly<Record<'priorContext' | 'trajectory' | 'response', number>> = {
  priorContext: 0.2,
  trajectory: 0.45,
  response: 0.35,
};

/** Split and cut `sample` for scoring within `budgetChars` characters. */
export function buildScoringView(sample: Sample, budgetChars: number): ScoringView {
  const split = splitSample(sample);
  const thinkingMode = split.parts.cot.trim() !== '' ? 'slow' : 'fast';
  const original = Object.fromEntries(PART_NAMES.map((p) => [p, split.parts[p].length])) as Record<PartName, number>;
  const allowance = allocateBudget(original, thinkingMode, Math.floor(budgetChars * CONTENT_SHARE));
  const parts = { ...split.parts };
  let truncated = false;
  for (const name of PART_NAMES) {
    if (parts[name].length <= allowance[name]) continue;
    truncated = true;
    parts[name] = cutPart(name, parts[name], allowance[name], thinkingMode);
  }
  return { ...split, parts, original, truncated, thinkingMode };
}

function cutPart(name: PartName, text: string, max: number, mode: 'slow' | 'fast'): string {
  switch (name) {
    case 'cot':
      return cutFragments(text, max, COT_SHARES);
    case 'trajectory':
      return cutFragments(text, max, TRAJECTORY_SHARES);
    case 'response':
      return mode === 'fast' ? cutFragments(text, max, FAST_RESPONSE_SHARES) : cutHeadTail(text, max, SLOW_RESPONSE_HEAD_SHARE);
    case 'currentRequest':
      return cutHeadTail(text, max, REQUEST_HEAD_SHARE);
    case 'priorContext':
      return cutHeadTail(text, max, PRIOR_CONTEXT_HEAD_SHARE);
  }
}

/**
 * Characters allowed per part. Under budget every part keeps its length. Over budget the shares above apply to
 * the parts that exist, and a part shorter than its share gives the rest to the others in proportion to their
 * shares (so a two-line request never wastes 15% of the budget).
 */
export function allocateBudget(lengths: Record<PartName, number>, mode: 'slow' | 'fast', contentBudget: number): Record<PartName, number> {
  const total = PART_NAMES.reduce((n, p) => n + lengths[p], 0);
  if (total <= contentBudget) return { ...lengths };
  const evidence = mode === 'slow' ? 1 - REQUEST_SHARE - COT_SHARE : 1 - REQUEST_SHARE;
  const evidenceParts = (['priorContext', 'trajectory', 'response'] as const).filter((p) => lengths[p] > 0);
  const evidenceWeight = evidenceParts.reduce((n, p) => n + EVIDENCE_WEIGHTS[p], 0);
  const shares: Record<PartName, number> = { priorContext: 0, currentRequest: REQUEST_SHARE, trajectory: 0, cot: mode === 'slow' ? COT_SHARE : 0, response: 0 };
  for (const p of evidenceParts) shares[p] = (evidence * EVIDENCE_WEIGHTS[p]) / evidenceWeight;
  return waterFill(lengths, shares, contentBudget);
}

/** Split `budget` by `shares` among parts with text; parts that need less than their cut hand the surplus on. */
function waterFill(lengths: Record<PartName, number>, shares: Record<PartName, number>, budget: number): Record<PartName, number> {
  const alloc: Record<PartName, number> = { priorContext: 0, currentRequest: 0, trajectory: 0, cot: 0, response: 0 };
  let active = PART_NAMES.filter((p) => lengths[p] > 0 && shares[p] > 0);
  let remaining = budget;
  while (active.length > 0) {
    const weight = active.reduce((n, p) => n + shares[p], 0);
    // The epsilon keeps float noise (shares summing to 1.0000000000000002) from costing a character.
    const cut = (p: PartName) => Math.floor((remaining * shares[p]) / weight + 1e-9);
    const satisfied = active.filter((p) => lengths[p] <= cut(p));
    if (satisfied.length === 0) {
      for (const p of active) alloc[p] = cut(p);
      break;
    }
    for (const p of satisfied) {
      alloc[p] = lengths[p];
      remaining -= lengths[p];
    }
    active = active.filter((p) => !satisfied.includes(p));
  }
  return alloc;
}

interface SplitSample {
  parts: ScoringParts;
  totalTurns: number;
  trajectoryTurnCount: number;
  trajectoryToolTurns: number;
  codeBlockCount: number;
}

/** The five parts of a sample, uncut. The request is the last user turn before the reply. */
export function splitSample(sample: Sample): SplitSample {
  const turns = sample.turns;
  const last = turns.length - 1;
  const final = turns[last];
  let requestAt = -1;
  for (let i = last - 1; i >= 0; i--) {
    if (turns[i]!.role === 'user') {
      requestAt = i;
      break;
    }
  }
  const before = requestAt >= 0 ? turns.slice(0, requestAt) : turns.slice(0, Math.max(0, last));
  const steps = requestAt >= 0 ? turns.slice(requestAt + 1, last) : [];
  const texts = turns.map((t) => t.text);
  return {
    parts: {
      priorContext: before.map((t) => `${contextHeader(t)}\n${clean(t.text)}`).join('\n\n'),
      currentRequest: requestAt >= 0 ? clean(turns[requestAt]!.text) : '',
      trajectory: steps.map((t) => `${stepHeader(t)}\n${clean(t.text)}`).join('\n\n'),
      cot: final?.reasoning ?? '',
      response: final ? clean(final.text) : '',
    },
    totalTurns: turns.length,
    trajectoryTurnCount: steps.length,
    trajectoryToolTurns: steps.filter(isToolTurn).length,
    codeBlockCount: countCodeBlocks(texts),
  };
}

function clean(text: string): string {
  return stripTrainingMarkup(text).trim();
}

function contextHeader(turn: Turn): string {
  switch (turn.role) {
    case 'system':
      return '[System]';
    case 'user':
      return '[Human]';
    case 'assistant':
      return '[Assistant]';
    default:
      return isToolTurn(turn) ? toolHeader(turn) : `[${roleName(turn)}]`;
  }
}

function stepHeader(turn: Turn): string {
  if (turn.role === 'assistant') return turn.toolName ? `[Assistant Step: calls ${shortName(turn.toolName)}]` : '[Assistant Step]';
  if (isToolTurn(turn)) return toolHeader(turn);
  return turn.role === 'system' ? '[System]' : `[${roleName(turn)}]`;
}

function toolHeader(turn: Turn): string {
  return turn.toolName ? `[Tool Result: ${shortName(turn.toolName)}]` : '[Tool Result]';
}

function roleName(turn: Turn): string {
  return shortName(String(turn.role));
}

function shortName(name: string): string {
  return name.replace(/[^\w.-]/g, '_').slice(0, 48);
}

/** Fenced code blocks across the sample's turns (pairs of ``` or ~~~ fence lines). */
export function countCodeBlocks(texts: readonly string[]): number {
  let fences = 0;
  for (const t of texts) fences += t.match(/^[ \t]*(?:`{3,}|~{3,})/gm)?.length ?? 0;
  return Math.floor(fences / 2);
}
