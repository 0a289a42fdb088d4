import { promises as fs } from 'node:fs';
import type { Sample, SourceLocation } from '../model/conversation';
import { DIMENSIONS, SINGLE_SELECT, emptyLabelSet, type LabelSet } from '../model/labels';
import type { ScoreNumbers } from './value';

/**
 * Labels and scores that files written by sft-label carry inside their rows (`labels`, `value`): such files can
 * be scored, selected and shown without relabeling. Embedded labels belong to the row's last reply (an sft-label
 * row is one slice: the turns up to the reply it labeled). They are used only when our sidecar has no successful
 * label for that sample; an embedded value stands in for a score until the sample is scored by us.
 */

export interface ImportedValue {
  /** The judge's numbers, when at least two of the three `overall`s are numbers. */
  numbers?: ScoreNumbers;
  flags: string[];
  value_score?: number;
  selection_score?: number;
  /** True when sft-label estimated rather than scored it (`value.estimation.llm_scored === false`). */
  estimated: boolean;
  /** The `value` object exactly as the file has it, carried into exports so nothing of it is lost. */
  raw: Record<string, unknown>;
}

export interface EmbeddedSftLabel {
  labels?: LabelSet;
  /** The `labels` object exactly as the file has it (keeps `inherited`, `partial` and other markers). */
  rawLabels?: Record<string, unknown>;
  value?: ImportedValue;
}

/** Labels and value of a parsed row, if it has any usable ones. */
export function parseEmbedded(row: unknown): EmbeddedSftLabel | undefined {
  if (!isObject(row)) return undefined;
  const out: EmbeddedSftLabel = {};
  if (isObject(row.labels)) {
    out.rawLabels = row.labels;
    const labels = toLabelSet(row.labels);
    if (labels) out.labels = labels;
  }
  if (isObject(row.value)) out.value = toImportedValue(row.value);
  return out.rawLabels || out.value ? out : undefined;
}

/** sft-label `labels` as a LabelSet; undefined when partial or carrying no dimension at all. */
export function toLabelSet(raw: Record<string, unknown>): LabelSet | undefined {
  if (raw.partial === true) return undefined;
  const labels = emptyLabelSet();
  let any = false;
  for (const dim of DIMENSIONS) {
    const v = raw[dim];
    const values = (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
    if (v !== undefined) any = true;
    if (SINGLE_SELECT.has(dim)) (labels as unknown as Record<string, string | null>)[dim] = values[0] ?? null;
    else (labels as unknown as Record<string, string[]>)[dim] = [...new Set(values)];
  }
  if (!any) return undefined;
  if (isObject(raw.confidence)) {
    for (const dim of DIMENSIONS) {
      const c = raw.confidence[dim];
      if (typeof c === 'number' && Number.isFinite(c)) labels.confidence[dim] = c;
    }
  }
  return labels;
}

/** sft-label `value` read into the numbers our formulas use. */
export function toImportedValue(raw: Record<string, unknown>): ImportedValue {
  const overall = (key: string) => {
    const section = raw[key];
    const v = isObject(section) ? section.overall : undefined;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const numbers: ScoreNumbers = {
    complexity: overall('complexity'),
    quality: overall('quality'),
    reasoning: overall('reasoning'),
    confidence: typeof raw.confidence === 'number' && raw.confidence >= 0 && raw.confidence <= 1 ? raw.confidence : 0.5,
  };
  const present = [numbers.complexity, numbers.quality, numbers.reasoning].filter((v) => v !== null).length;
  const out: ImportedValue = {
    flags: Array.isArray(raw.flags) ? raw.flags.filter((f): f is string => typeof f === 'string') : [],
    estimated: isObject(raw.estimation) && raw.estimation.llm_scored === false,
    raw,
  };
  if (present >= 2) out.numbers = numbers;
  if (typeof raw.value_score === 'number') out.value_score = raw.value_score;
  if (typeof raw.selection_score === 'number') out.selection_score = raw.selection_score;
  return out;
}

/**
 * Reads rows back from a dataset by their byte range, to get at fields the normalised sample does not keep.
 * Rows without the text `"labels"` or `"value"` are not even parsed.
 */
export class RowReader {
  private handle: Promise<fs.FileHandle> | undefined;

  constructor(readonly file: string) {}

  /** The bytes of a record. */
  async bytes(source: SourceLocation): Promise<Buffer> {
    this.handle ??= fs.open(this.file, 'r');
    const h = await this.handle;
    const length = source.byteEnd - source.byteStart;
    const buf = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const r = await h.read(buf, read, length - read, source.byteStart + read);
      if (r.bytesRead === 0) break;
      read += r.bytesRead;
    }
    return buf.subarray(0, read);
  }

  /** Embedded labels and value of the row `sample` belongs to, when `sample` is the row's last reply. */
  async embeddedOf(sample: Sample): Promise<EmbeddedSftLabel | undefined> {
    if (sample.turnIndex !== sample.totalTurns) return undefined;
    const buf = await this.bytes(sample.source);
    if (buf.indexOf('"labels"') < 0 && buf.indexOf('"value"') < 0) return undefined;
    try {
      return parseEmbedded(JSON.parse(buf.toString('utf8')));
    } catch {
      // The reader already reported a row it could not parse; a sample exists only for rows that parsed.
      return undefined;
    }
  }

  async close(): Promise<void> {
    const h = this.handle;
    this.handle = undefined;
    if (h) await (await h).close();
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
