/**
 * One-pass keyword counting. Tables map a key (a tag id, a keyword group) to phrases; a table compiles into a
 * single regular expression so scanning a long sample costs one pass per table, not one per phrase.
 */

export interface KeywordHits<K extends string> {
  /** Key → number of matches. */
  counts: Map<K, number>;
  /** Key → distinct phrases that matched, in first-seen order. */
  words: Map<K, string[]>;
}

export interface KeywordMatcher<K extends string> {
  scan(text: string): KeywordHits<K>;
}

const WORD_CHAR = /[A-Za-z0-9_]/;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Compile a table into a matcher. Matching is case-insensitive. A phrase that starts (ends) with a letter, digit
 * or `_` must not touch another one on that side, so `java` does not hit inside `javascript`; Chinese phrases
 * match anywhere, since CJK text has no word boundaries.
 */
export function compileKeywords<K extends string>(table: Readonly<Record<K, readonly string[]>>): KeywordMatcher<K> {
  const owners = new Map<string, K[]>();
  for (const key of Object.keys(table) as K[]) {
    for (const phrase of table[key]) {
      const p = phrase.toLowerCase();
      const list = owners.get(p) ?? [];
      if (!list.includes(key)) list.push(key);
      owners.set(p, list);
    }
  }
  // Longest first, so "react native" wins over "react" at the same position.
  const phrases = [...owners.keys()].sort((a, b) => b.length - a.length);
  const alternatives = phrases.map((p) => {
    const before = WORD_CHAR.test(p[0]!) ? '(?<![A-Za-z0-9_])' : '';
    const after = WORD_CHAR.test(p[p.length - 1]!) ? '(?![A-Za-z0-9_])' : '';
    return `${before}${escapeRegex(p)}${after}`;
  });
  const regex = alternatives.length ? new RegExp(alternatives.join('|'), 'gi') : null;

  return {
    scan(text: string): KeywordHits<K> {
      const counts = new Map<K, number>();
      const words = new Map<K, string[]>();
      if (!regex || !text) return { counts, words };
      regex.lastIndex = 0;
      for (const m of text.matchAll(regex)) {
        const phrase = m[0].toLowerCase();
        for (const key of owners.get(phrase) ?? []) {
          counts.set(key, (counts.get(key) ?? 0) + 1);
          const seen = words.get(key) ?? [];
          if (!seen.includes(phrase)) seen.push(phrase);
          words.set(key, seen);
        }
      }
      return { counts, words };
    },
  };
}

/** Keys ordered by hit count (ties keep table order), keeping those with at least `min` hits. */
export function rankedKeys<K extends string>(hits: KeywordHits<K>, min = 1): K[] {
  return [...hits.counts.entries()]
    .filter(([, n]) => n >= min)
    .sort((a, b) => b[1] - a[1])
    .map(([k]) => k);
}
