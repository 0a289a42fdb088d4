/** The dataset layer: read JSON/JSONL datasets in any supported format as conversations and samples. */
export {
  readDataset, indexText, isDatasetFile, listDatasetFiles, formatIssue, FILE_LEVEL_ROW,
  type DatasetItem, type IndexedItem, type ReadDatasetOptions,
} from './read';
export { normaliseRow, normaliseTools, type NormalisedRow } from './formats';
export { samplesOf, sampleIdFromHash } from './slice';
export { prefixHashes, rowHashOf, rowIdOf } from './identity';
export { scanFile, scanBuffer, containerHintFor, RecordScanner, type ContainerHint } from './scan';
export type { RecordSpan, ScanEvent, ScanNotice } from './scanEvents';
export type { DatasetIssueCode } from './issues';
