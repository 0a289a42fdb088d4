import { samplesWithRecords } from '../export/datasetRecords';
import type { InputIssue } from '../model/conversation';
import { LabelingStatsBuilder, type LabelingStats } from './labelingStats';

/** Pass 1 statistics of a dataset file as it is now (samples edited since labeling count as not labeled). */
export async function computeFileStats(
  file: string,
  opts: { signal?: AbortSignal; onIssue?: (i: InputIssue) => void } = {},
): Promise<LabelingStats> {
  const builder = new LabelingStatsBuilder();
  for await (const { record } of samplesWithRecords(file, {
    signal: opts.signal,
    onIssue: (i) => {
      builder.inputIssues++;
      opts.onIssue?.(i);
    },
  })) {
    builder.add(record);
  }
  return builder.build({ inputFile: file });
}
