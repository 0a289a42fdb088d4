/** Decides which fault (if any) a request gets, reproducibly: counters per rule and a seeded PRNG. */
import type { FaultRule } from './types';

/** Small, fast, seedable PRNG (mulberry32); reproducible fault patterns across runs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultPlan {
  private readonly matched: number[];
  private readonly fired: number[];

  constructor(
    private readonly rules: FaultRule[],
    private readonly random: () => number,
  ) {
    this.matched = rules.map(() => 0);
    this.fired = rules.map(() => 0);
  }

  /** The first rule that fires for a request with this prompt text, or undefined. */
  pick(promptText: string): FaultRule | undefined {
    for (let i = 0; i < this.rules.length; i++) {
      const rule = this.rules[i]!;
      if (rule.matchText !== undefined && !promptText.includes(rule.matchText)) continue;
      const count = ++this.matched[i]!;
      if (rule.every !== undefined && count % rule.every !== 0) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      if (rule.times !== undefined && this.fired[i]! >= rule.times) continue;
      this.fired[i]!++;
      return rule;
    }
    return undefined;
  }
}
