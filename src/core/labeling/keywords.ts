/**
 * Fast keyword counting. Tables map a key (a tag id, a keyword group) to phrases in English or Chinese. The heuristic
 * labeler scans every sample of files that can be gigabytes, so tables compile into lookup structures rather than
 * big regular expressions (which try every phrase at every position): words are found with one token scan and
 * looked up by their first word; phrases that start with a non-word character (Chinese) are found with indexOf.
 * Several tables can share one scan (`compileKeywordSet`), which is what makes the heuristic labeler cheap.
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

export type KeywordTable<K extends string = string> = Readonly<Record<K, readonly string[]>>;

export interface KeywordOptions {
  /** Match letter case exactly ("React" the library, not "react" the verb). Default false. */
  caseSensitive?: boolean;
}

type TablesOf<T> = { [N in keyof T]: T[N] extends KeywordTable<infer K> ? KeywordHits<K> : never };

export interface KeywordSetMatcher<T extends Record<string, KeywordTable>> {
  /** Hits per table from a single pass over `text`. */
  scan(text: string): TablesOf<T>;
}

const WORD_CHAR = /[A-Za-z0-9_]/;
const WORD_CODES = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_') WORD_CODES[ch.charCodeAt(0)] = 1;
function wordHash(text: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/** ASCII letter, digit or `_` (NaN past the end of a string is not). */
function isWordCode(code: number): boolean {
  return code < 128 && WORD_CODES[code] === 1;
}
const NON_ASCII = /[^\x00-\x7f]/;

interface Entry {
  phrase: string;
  /** Length of the leading word (0 when the phrase starts with a non-word character). */
  firstLength: number;
  table: number;
  keys: string[];
  /** The phrase ends with a word character, so the text must not continue with one. */
  endsInWord: boolean;
}

/**
 * Compile several tables for one shared scan. Per table, where phrases overlap, the longer one at the leftmost
 * position wins and the text it covers is consumed, so "怎么实现" is not also counted as "实现"; tables never
 * consume text from each other. A phrase that starts (ends) with a letter, digit or `_` must not touch another one
 * on that side, so `java` does not hit inside `javascript`; Chinese phrases match anywhere, since CJK text has
 * no word boundaries.
 */
export function compileKeywordSet<T extends Record<string, KeywordTable>>(tables: T, options: KeywordOptions = {}): KeywordSetMatcher<T> {
  const fold = options.caseSensitive ? (s: string) => s : (s: string) => s.toLowerCase();
  const names = Object.keys(tables) as (keyof T & string)[];
  const entries = new Map<string, Entry>();
  names.forEach((name, table) => {
    const t = tables[name]!;
    for (const key of Object.keys(t)) {
      for (const raw of t[key]!) {
        const phrase = fold(raw);
        if (!phrase) continue;
        const id = `${table}\u0000${phrase}`;
        const firstLength = /^[A-Za-z0-9_]*/.exec(phrase)![0].length;
        const entry = entries.get(id) ?? { phrase, table, firstLength, keys: [], endsInWord: WORD_CHAR.test(phrase[phrase.length - 1]!) };
        if (!entry.keys.includes(key)) entry.keys.push(key);
        entries.set(id, entry);
      }
    }
  });
  /** Hash of the first word → entries starting with it, longest first (hashes avoid a string per scanned word). */
  const byFirstWord = new Map<number, Entry[]>();
  /** Entries starting with a non-word character, longest first. */
  const other: Entry[] = [];
  let wordLengths = 0;
  const firstCodes = new Uint8Array(128);
  for (const entry of [...entries.values()].sort((a, b) => b.phrase.length - a.phrase.length)) {
    if (entry.firstLength === 0) {
      other.push(entry);
      continue;
    }
    const h = wordHash(entry.phrase, 0, entry.firstLength);
    byFirstWord.set(h, [...(byFirstWord.get(h) ?? []), entry]);
    wordLengths |= 1 << Math.min(entry.firstLength, 31);
    firstCodes[entry.phrase.charCodeAt(0)] = 1;
  }

  return {
    scan(text: string): TablesOf<T> {
      const hits = names.map(() => ({ counts: new Map<string, number>(), words: new Map<string, string[]>() }));
      const ends = names.map(() => 0);
      const hit = (entry: Entry, at: number) => {
        const h = hits[entry.table]!;
        for (const key of entry.keys) {
          h.counts.set(key, (h.counts.get(key) ?? 0) + 1);
          const seen = h.words.get(key);
          if (!seen) h.words.set(key, [entry.phrase]);
          else if (!seen.includes(entry.phrase)) seen.push(entry.phrase);
        }
        ends[entry.table] = at + entry.phrase.length;
      };
      if (text) {
        const folded = fold(text);
        if (byFirstWord.size > 0) {
          // A hand-rolled token loop: a regex with a match object per word costs more than the lookups themselves.
          const n = folded.length;
          let i = 0;
          while (i < n) {
            if (!isWordCode(folded.charCodeAt(i))) {
              i++;
              continue;
            }
            const at = i;
            while (i < n && isWordCode(folded.charCodeAt(i))) i++;
            const len = i - at;
            if (!(wordLengths & (1 << Math.min(len, 31))) || !firstCodes[folded.charCodeAt(at)]) continue;
            const candidates = byFirstWord.get(wordHash(folded, at, i));
            if (!candidates) continue;
            let matched = 0;
            for (const c of candidates) {
              const bit = 1 << c.table;
              if (matched & bit || at < ends[c.table]! || c.firstLength !== len) continue;
              if (!folded.startsWith(c.phrase, at)) continue;
              if (c.endsInWord && isWordCode(folded.charCodeAt(at + c.phrase.length))) continue;
              hit(c, at);
              matched |= bit;
            }
          }
        }
        if (other.length > 0 && NON_ASCII.test(folded)) {
          const found: { at: number; entry: Entry }[] = [];
          for (const entry of other) {
            for (let at = folded.indexOf(entry.phrase); at >= 0; at = folded.indexOf(entry.phrase, at + entry.phrase.length)) {
              found.push({ at, entry });
            }
          }
          found.sort((a, b) => a.at - b.at || b.entry.phrase.length - a.entry.phrase.length);
          const cjkEnds = names.map(() => 0);
          for (const { at, entry } of found) {
            if (at < cjkEnds[entry.table]!) continue;
            hit(entry, at);
            cjkEnds[entry.table] = at + entry.phrase.length;
          }
        }
      }
      return Object.fromEntries(names.map((name, i) => [name, hits[i]])) as TablesOf<T>;
    },
  };
}

/** One table on its own: see `compileKeywordSet` for the matching rules. */
export function compileKeywords<K extends string>(table: KeywordTable<K>, options: KeywordOptions = {}): KeywordMatcher<K> {
  const set = compileKeywordSet({ only: table }, options);
  return { scan: (text) => set.scan(text).only as unknown as KeywordHits<K> };
}

/** Keys ordered by hit count (ties keep first-seen order), keeping those with at least `min` hits. */
export function rankedKeys<K extends string>(hits: KeywordHits<K>, min = 1): K[] {
  return [...hits.counts.entries()]
    .filter(([, n]) => n >= min)
    .sort((a, b) => b[1] - a[1])
    .map(([k]) => k);
}
