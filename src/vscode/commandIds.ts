// Every command the extension contributes. Free of the `vscode` module: the manifest unit test reads it.

/**
 * Command ids by handler name. Adding a command: one line here, its handler in `commands.ts`'s table
 * (the compiler insists), and its entry in package.json `contributes.commands` (the manifest test insists).
 */
export const COMMAND_IDS = {
  labelFile: 'sftLabeler.labelFile',
  labelWorkspaceFiles: 'sftLabeler.labelWorkspaceFiles',
  scoreFile: 'sftLabeler.scoreFile',
  labelAndScoreFile: 'sftLabeler.labelAndScoreFile',
  cancelRun: 'sftLabeler.cancelRun',
  showOutput: 'sftLabeler.showOutput',
  validateTaxonomy: 'sftLabeler.validateTaxonomy',
  setApiKey: 'sftLabeler.setApiKey',
  clearApiKey: 'sftLabeler.clearApiKey',
  testConnection: 'sftLabeler.testConnection',
  exportLabels: 'sftLabeler.exportLabels',
  openDashboard: 'sftLabeler.openDashboard',
  exportDashboard: 'sftLabeler.exportDashboard',
  /** Opened by clicking a CodeLens; hidden from the command palette. */
  showLabelDetails: 'sftLabeler.showLabelDetails',
} as const;

/** Name of a command's handler in the command table. */
export type CommandName = keyof typeof COMMAND_IDS;

/** A contributed command id. */
export type CommandId = (typeof COMMAND_IDS)[CommandName];
