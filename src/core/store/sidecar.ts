import { LabelLog, type RecordOfKind } from './labelLog';
import { acquireLock } from './lock';
import { sidecarPaths, type SidecarPaths } from './paths';
import { readRunState, writeRunState, type RunState } from './runState';
import type { LabelRecord, LabelerKind, RecordKind } from '../model/records';

/** The labels of one dataset file: log, lock and run state together. */
export class Sidecar {
  private constructor(
    readonly datasetFile: string,
    readonly paths: SidecarPaths,
    readonly log: LabelLog,
    private readonly release?: () => Promise<void>,
  ) {}

  /**
   * Open for reading (the editor, stats, export): no lock, never writes, safe while another process
   * is labeling the same file; `log.refresh()` catches up with what it appended.
   */
  static async openForRead(datasetFile: string): Promise<Sidecar> {
    const paths = sidecarPaths(datasetFile);
    return new Sidecar(datasetFile, paths, await LabelLog.openReadOnly(paths.labels));
  }

  /** Open for a run: takes the cross-process lock first, so two writers never interleave. */
  static async openForWrite(datasetFile: string): Promise<Sidecar> {
    const paths = sidecarPaths(datasetFile);
    const release = await acquireLock(paths.lock, datasetFile);
    try {
      return new Sidecar(datasetFile, paths, await LabelLog.open(paths.labels), release);
    } catch (err) {
      await release();
      throw err;
    }
  }

  /**
   * Is this sample already labeled with the same content (the id is content-derived), taxonomy,
   * prompts and kind of labeler? Failed and partial samples are never "done".
   */
  isCurrent(sampleId: string, key: { taxonomyHash: string; promptVersion: string; labeler: LabelerKind }): boolean {
    const e = this.log.entry(sampleId);
    return (
      e !== undefined &&
      e.status === 'success' &&
      e.taxonomyHash === key.taxonomyHash &&
      e.promptVersion === key.promptVersion &&
      e.labeler === key.labeler
    );
  }

  get(sampleId: string): Promise<LabelRecord | undefined> {
    return this.log.get(sampleId);
  }

  /** The newest record of `kind` for a sample (`getOf('label', id)` equals `get(id)`). */
  getOf<K extends RecordKind>(kind: K, sampleId: string): Promise<RecordOfKind[K] | undefined> {
    return this.log.getOf(kind, sampleId);
  }

  readRunState(): Promise<RunState | undefined> {
    return readRunState(this.paths.run);
  }

  writeRunState(state: RunState): Promise<void> {
    return writeRunState(this.paths.run, state);
  }

  async close(): Promise<void> {
    await this.log.close();
    await this.release?.();
  }
}
