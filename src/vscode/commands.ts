// The command table: one handler per contributed command id, registered in one loop with one error policy.
import * as vscode from 'vscode';
import { clearApiKey, setApiKey } from './apiKeyCommands';
import { COMMAND_IDS, type CommandId } from './commandIds';
import { UserFacingError } from './endpoint';
import { exportLabelsCommand } from './exportCommand';
import { cancelRun, labelCurrentFile, labelWorkspaceFiles } from './runs/labelCommands';
import { labelAndScoreCurrentFile, scoreCurrentFile } from './runs/scoreCommands';
import type { ShellServices } from './services';
import { validateTaxonomyCommand } from './taxonomy/validateCommand';
import { testConnection } from './testConnection';

/** A command handler; it receives the arguments VS Code passes (e.g. the clicked Uri in a context menu). */
export type CommandHandler = (...args: unknown[]) => unknown;

/**
 * Handlers by command id. `Record<CommandId, …>` makes the compiler reject a missing or unknown command;
 * features that need more services than the shell has get them added to `ShellServices`.
 */
function createCommandTable(services: ShellServices): Record<CommandId, CommandHandler> {
  return {
    [COMMAND_IDS.labelFile]: (...args) => labelCurrentFile(services, args),
    [COMMAND_IDS.labelWorkspaceFiles]: () => labelWorkspaceFiles(services),
    [COMMAND_IDS.scoreFile]: (...args) => scoreCurrentFile(services, args),
    [COMMAND_IDS.labelAndScoreFile]: (...args) => labelAndScoreCurrentFile(services, args),
    [COMMAND_IDS.cancelRun]: (...args) => cancelRun(services, args),
    [COMMAND_IDS.showOutput]: () => services.log.show(true),
    [COMMAND_IDS.validateTaxonomy]: () => validateTaxonomyCommand(services),
    [COMMAND_IDS.setApiKey]: () => setApiKey(services),
    [COMMAND_IDS.clearApiKey]: () => clearApiKey(services),
    [COMMAND_IDS.testConnection]: () => testConnection(services),
    [COMMAND_IDS.exportLabels]: (...args) => exportLabelsCommand(services, args),
    [COMMAND_IDS.openDashboard]: (...args) => services.dashboard.open(...args),
    [COMMAND_IDS.exportDashboard]: (...args) => services.dashboard.exportHtml(...args),
    [COMMAND_IDS.showLabelDetails]: (uri, rowIndex) => services.editor.details.show(uri, rowIndex),
  };
}

/**
 * Wraps a handler so that no failure is silent: problems the user can fix become a warning; anything
 * else is logged with its stack and shown with a button that opens the log.
 */
export function withErrorReporting(id: CommandId, handler: CommandHandler, log: vscode.LogOutputChannel): CommandHandler {
  return async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (err instanceof UserFacingError) {
        log.warn(`${id}: ${err.message}`);
        void vscode.window.showWarningMessage(`SFT: ${err.message}`);
        return undefined;
      }
      const message = err instanceof Error ? err.message : String(err);
      log.error(`${id} failed`, err);
      // Not awaited: the caller of executeCommand must not wait until the user dismisses the message.
      void vscode.window.showErrorMessage(`SFT: ${id} failed: ${message}`, 'Show Logs').then((choice) => {
        if (choice === 'Show Logs') log.show(true);
      });
      return undefined;
    }
  };
}

/** Registers every command of the table; the registrations are disposed with the extension. */
export function registerCommands(services: ShellServices): void {
  const table = createCommandTable(services);
  for (const [id, handler] of Object.entries(table) as [CommandId, CommandHandler][]) {
    services.context.subscriptions.push(vscode.commands.registerCommand(id, withErrorReporting(id, handler, services.log)));
  }
}
