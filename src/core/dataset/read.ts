/**
 * Public entry points of the dataset layer: stream a file's records, index an open document, find files.
 */
import { containerHintFor, scanBuffer, scanFile } from './scan';
import { ItemAssembler, type DatasetItem } from './records';

export { FILE_LEVEL_ROW, type DatasetItem } from './records';
export { isDatasetFile, listDatasetFiles } from './files';
export { formatIssue } from './issues';

export interface ReadDatasetOptions {
  signal?: AbortSignal;
  /** Read size in bytes (default 1 MB). Only tests need to change it. */
  chunkBytes?: number;
}

/**
 * Streams one item per record of a `.json`/`.jsonl` file, in file order, holding only the record being read.
 * Bad records come back as items with issues and reading goes on. Throws `AbortedError` when `signal`
 * aborts (checked between records), and the usual fs errors when the file cannot be opened.
 */
export async function* readDataset(file: string, options: ReadDatasetOptions = {}): AsyncGenerator<DatasetItem> {
  const assembler = new ItemAssembler(file);
  for await (const event of scanFile(file, options)) {
    const item = assembler.accept(event);
    if (item) yield item;
  }
  const trailing = assembler.finish();
  if (trailing) yield trailing;
}

/** An item of an in-memory document, with its place in the document's string. */
export interface IndexedItem extends DatasetItem {
  /**
   * [charStart, charEnd) as UTF-16 offsets into the indexed string, ready for `document.positionAt`.
   * File-level items (no record) have 0/0.
   */
  charStart: number;
  charEnd: number;
}

/**
 * Indexes a document held in memory (the editor's text), with the same rules as `readDataset`.
 * `fileName` picks the JSON/JSONL hint and names the file in issues.
 *
 * Offsets: the scanner works on UTF-8 bytes, the editor on UTF-16 offsets. Each record's text is decoded
 * anyway, so its length in UTF-16 units is free; only the gaps between records (whitespace, commas,
 * brackets, a BOM) are decoded again. That makes the conversion one linear pass with no lookup table.
 */
export function indexText(text: string, fileName: string): IndexedItem[] {
  const bytes = Buffer.from(text, 'utf8');
  const assembler = new ItemAssembler(fileName);
  const items: IndexedItem[] = [];
  let byteCursor = 0;
  let charCursor = 0;
  for (const event of scanBuffer(bytes, containerHintFor(fileName))) {
    const item = assembler.accept(event);
    if (!item || event.kind !== 'record') continue;
    const charStart = charCursor + bytes.toString('utf8', byteCursor, event.byteStart).length;
    const charEnd = charStart + event.text.length;
    byteCursor = event.byteEnd;
    charCursor = charEnd;
    items.push({ ...item, charStart, charEnd });
  }
  const trailing = assembler.finish();
  if (trailing) items.push({ ...trailing, charStart: 0, charEnd: 0 });
  return items;
}
