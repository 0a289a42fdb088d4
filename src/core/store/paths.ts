import * as path from 'node:path';

/**
 * Where a dataset's labels live. Everything we write for `dir/data.jsonl` goes under
 * `dir/.sft-labels/data.jsonl/`, so the dataset itself is never touched and one hidden folder per
 * directory holds the sidecars of all its datasets:
 *
 * - `labels.jsonl`  append-only log of label records (newest record of a sample wins)
 * - `run.json`      state of the last labeling run (status, counts, endpoint origin, later Batch API job ids)
 * - `score-run.json` the same for the last scoring run
 * - `lock`          present while a run writes (holds the writer's pid)
 */
export const SIDECAR_DIR_NAME = '.sft-labels';

export interface SidecarPaths {
  dir: string;
  labels: string;
  run: string;
  lock: string;
}

export function sidecarPaths(datasetFile: string): SidecarPaths {
  const abs = path.resolve(datasetFile);
  const dir = path.join(path.dirname(abs), SIDECAR_DIR_NAME, path.basename(abs));
  return {
    dir,
    labels: path.join(dir, 'labels.jsonl'),
    run: path.join(dir, 'run.json'),
    lock: path.join(dir, 'lock'),
  };
}

/** Default export folder for `dir/data.jsonl`: `dir/data_labeled/`, the layout sft-label users know. */
export function defaultExportDir(datasetFile: string): string {
  const abs = path.resolve(datasetFile);
  const stem = path.basename(abs).replace(/\.(jsonl|json)$/i, '');
  return path.join(path.dirname(abs), `${stem}_labeled`);
}
