/**
 * A column histogram with its figures (n, mean, median, min–max). Each column is a button that filters
 * the explorer to that band. Heights come from data and are set through CSSOM.
 */
import type { Histogram } from '../../src/core/dashboard/model';
import { binRange } from '../../src/core/dashboard/numbers';
import { button, h } from '../dom';
import { fmtInt, fmtScore } from '../format';

export interface HistogramOptions {
  /** What is counted, for the accessible name ("value score"). */
  label: string;
  /** Metric id for tests (`data-histogram`). */
  id: string;
  /** Called with the band [min, max) of a clicked column (max undefined on the last). */
  onBand?: (range: { min: number; max?: number }) => void;
  /** Digits of the band labels (confidence uses 1). */
  digits?: number;
}

/** Short label under a column: fractional bins are too narrow for a range, so they show where they start. */
function shortLabel(h: Histogram, i: number, digits: number): string {
  return digits > 0 ? binRange(h, i).min.toFixed(digits) : bandLabel(h, i, digits);
}

function bandLabel(h: Histogram, i: number, digits: number): string {
  const r = binRange(h, i);
  // The last bin is closed: it holds the top value too (a 10, a confidence of 1.0).
  const max = r.max ?? h.lo + h.bins.length * h.width;
  return `${r.min.toFixed(digits)}–${max.toFixed(digits)}`;
}

export function histogramChart(hist: Histogram, opts: HistogramOptions): HTMLElement {
  const digits = opts.digits ?? 0;
  const max = Math.max(1, ...hist.bins);
  const columns = h('div', { class: 'hist-columns', attrs: { role: 'list', 'aria-label': opts.label } });
  hist.bins.forEach((count, i) => {
    const fill = h('span', { class: 'hist-fill' });
    fill.style.height = `${(count / max) * 100}%`;
    const band = bandLabel(hist, i, digits);
    const inner = [h('span', { class: 'hist-count' }, count ? fmtInt(count) : ''), h('span', { class: 'hist-bar', attrs: { 'aria-hidden': 'true' } }, fill), h('span', { class: 'hist-band' }, shortLabel(hist, i, digits))];
    const attrs = { role: 'listitem', 'aria-label': `${band}: ${count} samples`, title: `${band}: ${count}`, 'data-band': i };
    columns.append(
      opts.onBand && count > 0
        ? button(inner, () => opts.onBand!(binRange(hist, i)), { class: 'hist-column clickable', attrs })
        : h('div', { class: 'hist-column', attrs }, ...inner),
    );
  });
  const figures = h(
    'p',
    { class: 'hist-figures' },
    `n ${fmtInt(hist.n)} · mean ${fmtScore(hist.mean)} · median ${fmtScore(hist.median)} · range ${fmtScore(hist.min)}–${fmtScore(hist.max)}`,
  );
  return h('figure', { class: 'hist', attrs: { 'data-histogram': opts.id } }, columns, figures);
}
