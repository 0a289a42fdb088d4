import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import * as path from 'node:path';
import { once } from 'node:events';

/**
 * A file written piece by piece that appears under its final name only when complete:
 * exports of millions of rows stream to a temporary sibling and are renamed at `commit()`.
 */
export class AtomicStreamWriter {
  private readonly tmp: string;
  private readonly stream: WriteStream;

  constructor(readonly file: string) {
    this.tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    this.stream = createWriteStream(this.tmp);
  }

  static async create(file: string): Promise<AtomicStreamWriter> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    return new AtomicStreamWriter(file);
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async commit(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
    const h = await fs.open(this.tmp, 'r+');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
    await fs.rename(this.tmp, this.file);
  }

  async discard(): Promise<void> {
    this.stream.destroy();
    await fs.rm(this.tmp, { force: true });
  }
}
