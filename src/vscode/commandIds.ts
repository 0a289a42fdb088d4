// Every command the extension contributes. Free of the `vscode` module: the manifest unit test reads it.

/**
 * Command ids by handler name. Adding a command: one line here, its handler in `commands.ts`'s table
 * (the compiler insists), and its entry in package.json `contributes.commands` (the manifest test insists).
 */
export const COMMAND_IDS = {
  setApiKey: 'sftLabeler.setApiKey',
  clearApiKey: 'sftLabeler.clearApiKey',
  showOutput: 'sftLabeler.showOutput',
} as const;

/** Name of a command's handler in the command table. */
export type CommandName = keyof typeof COMMAND_IDS;

/** A contributed command id. */
export type CommandId = (typeof COMMAND_IDS)[CommandName];
