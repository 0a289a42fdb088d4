/**
 * Reads one dataset file with its sidecar into dashboard rows: every distinct sample as the file is now,
 * with its newest label and (when current) score. Streams the file; only rows are kept.
 */
import { readDataset } from '../dataset/read';
import type { InputIssue } from '../model/conversation';
import { labelsFingerprint } from '../scoring/fingerprint';
import { Sidecar } from '../store/sidecar';
import type { SampleRow } from './model';
import { Interner, rowOf, scoresOf } from './rows';

export interface FileScan {
  rows: SampleRow[];
  /** Problems found in the file (bad JSON, rows without replies...). */
  issues: number;
}

export interface ScanOptions {
  signal?: AbortSignal;
  intern?: Interner;
  onIssue?: (issue: InputIssue) => void;
}

/**
 * Rows of `file`, numbered `fileIndex` in its scope. A score counts only while it was computed from the
 * sample's current labels (same fingerprint): a relabel makes the old score stale, and the dashboard
 * shows the sample as not scored rather than mixing a new label with an old judgement.
 */
export async function scanFile(file: string, fileIndex: number, opts: ScanOptions = {}): Promise<FileScan> {
  const intern = opts.intern ?? new Interner();
  const rows: SampleRow[] = [];
  let issues = 0;
  const sidecar = await Sidecar.openForRead(file);
  try {
    const seen = new Set<string>();
    for await (const item of readDataset(file, { signal: opts.signal })) {
      for (const issue of item.issues) {
        issues++;
        opts.onIssue?.(issue);
      }
      for (const sample of item.samples) {
        if (seen.has(sample.id)) continue;
        seen.add(sample.id);
        const label = sidecar.log.entry(sample.id) ? await sidecar.get(sample.id) : undefined;
        let scores = null;
        if (label?.status === 'success' && label.labels && sidecar.log.entryOf('score', sample.id)) {
          const score = await sidecar.getOf('score', sample.id);
          scores = scoresOf(score, score?.labelsFingerprint === labelsFingerprint(label.labels));
        }
        rows.push(rowOf({ sample, fileIndex, label, scores }, intern));
      }
    }
  } finally {
    await sidecar.close();
  }
  return { rows, issues };
}
