// "SFT: Validate Taxonomy": check the taxonomy in use, say how it went, show the Problems panel.
import * as vscode from 'vscode';
import type { ShellServices } from '../services';
import type { TaxonomyValidationSummary } from './taxonomyDiagnostics';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The summary message of a validation. */
export function validationMessage(summary: TaxonomyValidationSummary): string {
  const which = summary.bundled ? 'The bundled taxonomy' : `The taxonomy at ${summary.location}`;
  if (summary.errors === 0 && summary.warnings === 0) return `SFT: ${which} has no problems (${plural(summary.files.length, 'file')} checked).`;
  return `SFT: ${which} has ${plural(summary.errors, 'error')} and ${plural(summary.warnings, 'warning')}; see the Problems panel.`;
}

/** Validates the taxonomy in use, reports, and opens the Problems panel. */
export async function validateTaxonomyCommand(services: Pick<ShellServices, 'taxonomyDiagnostics' | 'log'>): Promise<TaxonomyValidationSummary> {
  const summary = await services.taxonomyDiagnostics.validateInUse();
  const message = validationMessage(summary);
  services.log.info(message.replace(/^SFT: /, 'Validate Taxonomy: '));
  if (summary.errors > 0) void vscode.window.showErrorMessage(message);
  else if (summary.warnings > 0) void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  return summary;
}
