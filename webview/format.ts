/** Number formatting for the dashboard, in the page's locale. */

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const twoDigits = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDigit = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function fmtInt(n: number): string {
  return integer.format(n);
}

/** A score or mean with two decimals; "–" for none. */
export function fmtScore(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : twoDigits.format(n);
}

/** `part` of `whole` as a percentage with one decimal; "–" when `whole` is 0. */
export function fmtPct(part: number, whole: number): string {
  return whole > 0 ? `${oneDigit.format((100 * part) / whole)}%` : '–';
}

/** A share in [0, 1] as a percentage. */
export function fmtShare(share: number): string {
  return `${oneDigit.format(100 * share)}%`;
}

/** Large counts shortened: 1.2k, 3.4M. */
export function fmtCompact(n: number): string {
  if (n < 10_000) return fmtInt(n);
  if (n < 1_000_000) return `${oneDigit.format(n / 1000)}k`;
  return `${oneDigit.format(n / 1_000_000)}M`;
}

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${oneDigit.format(n / 1024)} KB`;
  if (n < 1024 ** 3) return `${oneDigit.format(n / 1024 / 1024)} MB`;
  return `${oneDigit.format(n / 1024 ** 3)} GB`;
}
