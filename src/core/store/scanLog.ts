import { createReadStream } from 'node:fs';

/** What every record of the sidecar log has, whatever its kind. */
export interface LoggedRecord {
  kind: string;
  sampleId: string;
  [field: string]: unknown;
}

/**
 * Stream every record of a sidecar log in order, with the log's reading rules: complete lines only (an
 * unterminated last line is a record still being appended), unparsable lines and lines that are not
 * records skipped, a missing log is empty. For readers that want everything at once (the dashboard);
 * `LabelLog` indexes offsets instead, for one-at-a-time lookups.
 */
export async function scanLog(file: string, onRecord: (record: LoggedRecord) => void, signal?: AbortSignal): Promise<void> {
  // A string stream decodes UTF-8 across chunk boundaries (a character split between two reads stays whole).
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20, signal });
  let carry = '';
  const take = (line: string) => {
    if (line.length === 0) return;
    let rec: Partial<LoggedRecord> | null;
    try {
      rec = JSON.parse(line) as Partial<LoggedRecord> | null;
    } catch {
      return;
    }
    if (rec && typeof rec.sampleId === 'string' && typeof rec.kind === 'string') onRecord(rec as LoggedRecord);
  };
  try {
    for await (const chunk of stream) {
      const text = carry + (chunk as string);
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        take(text.slice(start, nl));
        start = nl + 1;
      }
      carry = text.slice(start);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
}
