// What "SFT: Validate Taxonomy" says. Free of the `vscode` module at run time (unit-tested in plain Node).
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
