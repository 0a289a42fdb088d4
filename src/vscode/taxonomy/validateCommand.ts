// "SFT: Validate Taxonomy": check the taxonomy in use, say how it went, show the Problems panel.
import * as vscode from 'vscode';
import type { ShellServices } from '../services';
import type { TaxonomyValidationSummary } from './taxonomyDiagnostics';
import { validationMessage } from './validationMessage';

/** Validates the taxonomy in use, reports, and opens the Problems panel. */
export async function validateTaxonomyCommand(services: Pick<ShellServices, 'taxonomyDiagnostics' | 'log'>): Promise<TaxonomyValidationSummary> {
  const summary = await services.taxonomyDiagnostics.validateInUse();
  const message = validationMessage(summary);
  services.log.info(message.replace(/^SFT: /, 'Validate Taxonomy: '));
  if (summary.errors > 0) void vscode.window.showErrorMessage(message);
  else if (summary.warnings > 0) void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
  // Focusing the view opens the panel; `workbench.actions.view.problems` would toggle it closed when open.
  await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
  return summary;
}
