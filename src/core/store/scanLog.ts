import { createReadStream } from 'node:fs';

/** What every record of the sidecar log has, whatever its kind. */
export interface LoggedRecord {
  kind: string;
  sampleId: string;
  [field: string]: unknown;
}

/**
 * Stream the records of a sidecar log in order, with the log's reading rules: complete lines only (an
 * unterminated last line is a record still being appended), unparsable lines and lines that are not
 * records skipped, a missing log is empty. Starts at `fromByte` (the value a previous scan returned), so
 * a reader that follows a growing log reads each line once. Returns the byte offset just past the last
 * complete line. For readers that want every record (the dashboard, the editor's locator index);
 * `LabelLog` indexes offsets instead, for one-at-a-time lookups.
 */
export async function scanLog(
  file: string,
  onRecord: (record: LoggedRecord) => void,
  opts: { signal?: AbortSignal; fromByte?: number } = {},
): Promise<number> {
  const fromByte = opts.fromByte ?? 0;
  const stream = createReadStream(file, { start: fromByte, highWaterMark: 1 << 20, signal: opts.signal });
  let carry: Buffer = Buffer.alloc(0);
  let consumed = fromByte;
  const take = (buf: Buffer, start: number, end: number) => {
    if (end === start) return;
    let rec: Partial<LoggedRecord> | null;
    try {
      rec = JSON.parse(buf.toString('utf8', start, end)) as Partial<LoggedRecord> | null;
    } catch {
      return;
    }
    if (rec && typeof rec.sampleId === 'string' && typeof rec.kind === 'string') onRecord(rec as LoggedRecord);
  };
  try {
    for await (const chunk of stream) {
      // Split on bytes, decode whole lines: a character split between two reads stays whole.
      const buf = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
        take(buf, start, nl);
        start = nl + 1;
      }
      consumed += start;
      carry = Buffer.from(buf.subarray(start));
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fromByte;
    throw err;
  }
  return consumed;
}
