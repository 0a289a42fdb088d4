import {
  SCORE_FLAGS, type ComplexityScores, type QualityScores, type ReasoningScores, type ScoreFlag, type ScoreJudgement,
} from '../model/records';

/**
 * Turning a judge's JSON into a judgement we can trust (reference §5.3), field by field:
 * - a sub-score must be a number that rounds to 1–10, else it is dropped (null) with an issue;
 * - an `overall` more than 2 away from the mean of its sub-scores is replaced by the rounded mean (and a missing
 *   one is derived from them), so a dimension is never judged by a number its own parts contradict;
 * - `quality.overall` may not exceed `correctness + 2`;
 * - fewer than two usable dimensions make the answer unusable: the caller asks again and finally records a
 *   failure. Nothing is ever filled in with a default score.
 */

export type ScoreValidation =
  | { ok: true; judgement: ScoreJudgement; issues: string[] }
  | { ok: false; error: string; issues: string[] };

/** How far `overall` may drift from the mean of its sub-scores before it is replaced. */
export const OVERALL_TOLERANCE = 2;
/** `quality.overall` may exceed correctness by at most this much. */
export const QUALITY_OVER_CORRECTNESS = 2;
/** Used (with an issue) when the answer has no usable confidence, as sft-label does. */
export const FALLBACK_CONFIDENCE = 0.5;

const KNOWN_FLAGS: ReadonlySet<string> = new Set(SCORE_FLAGS);

export function validateScoreAnswer(answer: Record<string, unknown>): ScoreValidation {
  const issues: string[] = [];
  const c = section(answer, 'complexity', issues);
  const q = section(answer, 'quality', issues);
  const r = section(answer, 'reasoning', issues);

  const complexity: ComplexityScores = {
    instruction: subScore(c, 'complexity.instruction', issues),
    analytical_depth: subScore(c, 'complexity.analytical_depth', issues),
    implementation: subScore(c, 'complexity.implementation', issues),
    overall: subScore(c, 'complexity.overall', issues),
  };
  complexity.overall = reconcile('complexity', complexity.overall, [complexity.instruction, complexity.analytical_depth, complexity.implementation], issues);

  const quality: QualityScores = {
    correctness: subScore(q, 'quality.correctness', issues),
    code_quality: subScore(q, 'quality.code_quality', issues),
    explanation: subScore(q, 'quality.explanation', issues),
    completeness: subScore(q, 'quality.completeness', issues),
    overall: subScore(q, 'quality.overall', issues),
  };
  quality.overall = reconcile('quality', quality.overall, [quality.correctness, quality.code_quality, quality.explanation, quality.completeness], issues);
  if (quality.overall !== null && quality.correctness !== null && quality.overall > quality.correctness + QUALITY_OVER_CORRECTNESS) {
    issues.push(`quality.overall ${quality.overall} lowered to correctness + ${QUALITY_OVER_CORRECTNESS} = ${quality.correctness + QUALITY_OVER_CORRECTNESS}`);
    quality.overall = quality.correctness + QUALITY_OVER_CORRECTNESS;
  }

  const reasoning: ReasoningScores = {
    clarity: subScore(r, 'reasoning.clarity', issues),
    consistency: subScore(r, 'reasoning.consistency', issues),
    self_correction: booleanField(r, 'reasoning.self_correction', issues),
    overall: subScore(r, 'reasoning.overall', issues),
  };
  reasoning.overall = reconcile('reasoning', reasoning.overall, [reasoning.clarity, reasoning.consistency], issues);

  const usable = [complexity.overall, quality.overall, reasoning.overall].filter((v) => v !== null).length;
  if (usable < 2) {
    return {
      ok: false,
      issues,
      error: `Only ${usable} of complexity, quality and reasoning have usable scores (at least two are needed): give every sub-score as a whole number from 1 to 10.`,
    };
  }
  const { flags, unknown } = readFlags(answer.flags, issues);
  return {
    ok: true,
    issues,
    judgement: { complexity, quality, reasoning, flags, unknown_flags: unknown, confidence: readConfidence(answer.confidence, issues) },
  };
}

/** Whether the raw answer text imitates a reasoning block instead of answering (logged, not fatal). */
export function looksLikeCotMimicry(text: string): boolean {
  return /^\s*(?:```\s*cot\b|\[cot\]|«cot»)/i.test(text);
}

function section(answer: Record<string, unknown>, name: string, issues: string[]): Record<string, unknown> {
  const v = answer[name];
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  issues.push(`${name} is missing or not an object`);
  return {};
}

function subScore(obj: Record<string, unknown>, path: string, issues: string[]): number | null {
  const key = path.slice(path.indexOf('.') + 1);
  const raw = obj[key];
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(n)) {
    if (raw !== undefined) issues.push(`${path} is not a number (${clip(raw)})`);
    else issues.push(`${path} is missing`);
    return null;
  }
  const whole = Math.round(n);
  if (whole < 1 || whole > 10) {
    issues.push(`${path} ${n} is outside 1–10`);
    return null;
  }
  return whole;
}

function reconcile(name: string, overall: number | null, subs: (number | null)[], issues: string[]): number | null {
  const present = subs.filter((s): s is number => s !== null);
  if (present.length === 0) return overall;
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  const derived = Math.round(mean);
  if (overall === null) {
    issues.push(`${name}.overall derived from its sub-scores: ${derived}`);
    return derived;
  }
  if (Math.abs(overall - mean) > OVERALL_TOLERANCE) {
    issues.push(`${name}.overall ${overall} replaced by the mean of its sub-scores ${derived}`);
    return derived;
  }
  return overall;
}

function booleanField(obj: Record<string, unknown>, path: string, issues: string[]): boolean | null {
  const raw = obj[path.slice(path.indexOf('.') + 1)];
  if (typeof raw === 'boolean') return raw;
  issues.push(`${path} is not true or false (${clip(raw)})`);
  return null;
}

function readFlags(raw: unknown, issues: string[]): { flags: ScoreFlag[]; unknown: string[] } {
  const flags: ScoreFlag[] = [];
  const unknown: string[] = [];
  if (raw === undefined || raw === null) return { flags, unknown };
  if (!Array.isArray(raw)) {
    issues.push(`flags is not a list (${clip(raw)})`);
    return { flags, unknown };
  }
  for (const f of raw) {
    if (typeof f !== 'string' || f.trim() === '') continue;
    const id = f.trim().toLowerCase().replace(/[\s_]+/g, '-');
    if (KNOWN_FLAGS.has(id)) {
      if (!flags.includes(id as ScoreFlag)) flags.push(id as ScoreFlag);
    } else if (!unknown.includes(f)) {
      unknown.push(f.slice(0, 64));
    }
  }
  return { flags, unknown };
}

function readConfidence(raw: unknown, issues: string[]): number {
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 && raw <= 1) return raw;
  issues.push(`confidence ${clip(raw)} is not a number in 0–1; ${FALLBACK_CONFIDENCE} used`);
  return FALLBACK_CONFIDENCE;
}

function clip(v: unknown): string {
  const s = v === undefined ? 'missing' : JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
