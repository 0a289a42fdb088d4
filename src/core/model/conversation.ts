/**
 * The normalised shape every dataset row is turned into, whatever format it came in.
 * Nothing here knows about files; `SourceLocation` ties a row back to its bytes.
 */

/** Roles after normalisation: `user|human → user`, `assistant|gpt → assistant`. Unknown roles stay lowercase. */
export type Role = 'system' | 'user' | 'assistant' | 'tool' | (string & {});

export interface Turn {
  role: Role;
  /** Visible text, with reasoning (COT) markers removed for assistant turns. */
  text: string;
  /** Reasoning carried by this assistant turn (`<think>`, `[unused16]…[unused17]`, `reasoning_content`...). */
  reasoning?: string;
  /** Tool name for tool turns or assistant tool calls, when the format says it. */
  toolName?: string;
}

export type DatasetFormat =
  | 'sharegpt'
  | 'openai_messages'
  | 'openai_conversations'
  | 'pangu'
  | 'alpaca'
  /** A record written by sft-label (`labels`/`value` with `selection_view` or no turns at all). */
  | 'sftlabel_record';

/** Where a record lives in its file. Lines are 1-based, bytes are [start, end) offsets into the raw file. */
export interface SourceLocation {
  file: string;
  line: number;
  /** Line of the record's last byte (equal to `line` for JSONL). */
  endLine: number;
  byteStart: number;
  byteEnd: number;
  /** 0-based position of the record among the file's records. */
  rowIndex: number;
}

export interface Conversation {
  format: DatasetFormat;
  /** The row's own id field, when it has one (`id`, `uuid`, `sample_id`...). Never used as identity alone. */
  rowId?: string;
  /** sha256 over the canonical normalised turns (+ tools): content identity of the whole row. */
  rowHash: string;
  turns: Turn[];
  /** Tool definitions declared by the row (`tools`), kept as given. */
  tools?: unknown[];
  /** Pangu rows whose user turn packs earlier turns with `[unused10]`: one training sample, never sliced. */
  packed?: boolean;
  source: SourceLocation;
}

/** One assistant reply and everything before it: the unit that gets labeled. */
export interface Sample {
  /** Content-derived, stable: `s1:` + 24 hex of sha256 over the canonical prefix through this reply. */
  id: string;
  /** sft-label style readable id: `<row id>_t<k>` or `<row hash prefix>_t<k>` (export only, not identity). */
  displayId: string;
  /** 1-based index of this reply among the row's assistant replies. */
  turnIndex: number;
  /** Number of assistant replies in the row. */
  totalTurns: number;
  /** Turns up to and including the reply (the last turn is always the assistant reply). */
  turns: Turn[];
  tools?: unknown[];
  thinkingMode: 'slow' | 'fast';
  format: DatasetFormat;
  rowId?: string;
  rowHash: string;
  source: SourceLocation;
}

/** A problem with the input, always pointing at a file and a line. */
export interface InputIssue {
  file: string;
  line: number;
  column?: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}
