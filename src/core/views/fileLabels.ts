import type { LabelRecord, ScoreRecord } from '../model/records';
import { LocatorIndex, type SamplePlace } from '../store/locatorIndex';
import { Sidecar } from '../store/sidecar';
import type { LabelLookup } from './rowViews';

/** Records kept in memory per dataset: enough for every lens and hover on screen, bounded for huge files. */
const RECORD_CACHE_SIZE = 4096;

/**
 * The labels of one dataset file as the editor reads them: never writes, safe while a run (in this process
 * or the CLI) appends, and catches up with `refresh()`. Records are read from disk on demand and a bounded
 * number are cached; the place index behind "stale" is only built the first time a sample has no record.
 */
export class FileLabels implements LabelLookup {
  private readonly cache = new Map<string, LabelRecord | undefined>();
  private readonly scores = new Map<string, ScoreRecord | undefined>();
  private locators: Promise<LocatorIndex> | undefined;

  private constructor(
    readonly datasetFile: string,
    private readonly sidecar: Sidecar,
  ) {}

  /** Opens the sidecar of `datasetFile` for reading; a dataset never labeled gives an empty view. */
  static async open(datasetFile: string): Promise<FileLabels> {
    return new FileLabels(datasetFile, await Sidecar.openForRead(datasetFile));
  }

  /** Number of samples with a record (any status, any taxonomy). */
  get count(): number {
    return this.sidecar.log.count;
  }

  get(sampleId: string): Promise<LabelRecord | undefined> {
    return cached(this.cache, sampleId, () => this.sidecar.get(sampleId));
  }

  getScore(sampleId: string): Promise<ScoreRecord | undefined> {
    // Most samples of most files are never scored: the index answers that without a read.
    if (!this.sidecar.log.entryOf('score', sampleId)) return Promise.resolve(undefined);
    return cached(this.scores, sampleId, () => this.sidecar.getOf('score', sampleId));
  }

  async previousAt(place: SamplePlace): Promise<LabelRecord | undefined> {
    this.locators ??= LocatorIndex.open(this.sidecar.paths.labels);
    const sampleId = (await this.locators).sampleIdAt(place);
    return sampleId === undefined ? undefined : this.get(sampleId);
  }

  /** Picks up records appended since the last read. Returns whether anything new arrived. */
  async refresh(): Promise<boolean> {
    const added = await this.sidecar.log.refresh();
    if (this.locators) await (await this.locators).refresh();
    // Cached misses (and records replaced by a newer one for the same sample) would hide the new lines.
    if (added > 0) {
      this.cache.clear();
      this.scores.clear();
    }
    return added > 0;
  }

  close(): Promise<void> {
    this.cache.clear();
    this.scores.clear();
    return this.sidecar.close();
  }
}

/** A bounded least-recently-used read-through cache (a Map keeps insertion order). */
async function cached<T>(cache: Map<string, T | undefined>, key: string, read: () => Promise<T | undefined>): Promise<T | undefined> {
  if (cache.has(key)) {
    const hit = cache.get(key);
    // Re-insert so the entry becomes the most recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const value = await read();
  cache.set(key, value);
  if (cache.size > RECORD_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return value;
}
