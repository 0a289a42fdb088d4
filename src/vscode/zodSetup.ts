// Imported first by extension.ts, before any module builds a zod schema.
//
// VS Code's extension host reports a PendingMigrationError each time code reads the global `navigator`, and
// zod reads it when a schema is built, to decide whether object parsers may be compiled with `new Function`.
// Without that compilation parsing is a little slower, which is nothing next to an LLM round trip, and the
// host's error log stays clean for real problems.
import { config } from 'zod';

config({ jitless: true });
