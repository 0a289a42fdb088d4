// Quick fixes for taxonomy problems whose correction is obvious (the validator attaches it as `fix`).
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../constants';
import { toRange, type TaxonomyDiagnostics } from './taxonomyDiagnostics';

/** Offers each problem's `fix` as a preferred quick fix on its diagnostic. */
export class TaxonomyQuickFixes implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: TaxonomyDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const problems = this.diagnostics.problemsFor(document.uri);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const problem = problems.find(
        (p) => p.fix && p.code === diagnostic.code && p.message === diagnostic.message && toRange(p.range).isEqual(diagnostic.range),
      );
      if (!problem?.fix) continue;
      const action = new vscode.CodeAction(problem.fix.title.replace(/`/g, "'"), vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, toRange(problem.fix.range), problem.fix.newText);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
