import { readDataset } from '../dataset/read';
import type { InputIssue, Sample } from '../model/conversation';
import type { LabelRecord } from '../model/records';
import { Sidecar } from '../store/sidecar';

export interface SampleWithRecord {
  sample: Sample;
  /** The sample's newest label record, if it was ever labeled (whatever the taxonomy or labeler). */
  record?: LabelRecord;
}

/**
 * Walk a dataset and its sidecar together: every distinct sample of the file as it is NOW, with its
 * label. Samples whose content changed since labeling have a new id and so come without a record.
 */
export async function* samplesWithRecords(
  file: string,
  opts: { signal?: AbortSignal; onIssue?: (i: InputIssue) => void } = {},
): AsyncGenerator<SampleWithRecord> {
  const sidecar = await Sidecar.openForRead(file);
  try {
    const seen = new Set<string>();
    for await (const item of readDataset(file, { signal: opts.signal })) {
      for (const issue of item.issues) opts.onIssue?.(issue);
      for (const sample of item.samples) {
        if (seen.has(sample.id)) continue;
        seen.add(sample.id);
        yield { sample, record: await sidecar.get(sample.id) };
      }
    }
  } finally {
    await sidecar.close();
  }
}
