import type { TaxonomyFix, TaxonomyProblem, TaxonomyRange } from './types';

/** Stable problem codes: tests, the CLI and editor quick fixes key on these strings. */
export const PROBLEM_CODES = {
  yamlSyntax: 'taxonomy/yaml-syntax',
  yamlWarning: 'taxonomy/yaml-warning',
  notFound: 'taxonomy/not-found',
  unreadable: 'taxonomy/unreadable',
  unknownFileKind: 'taxonomy/unknown-file-kind',
  missingRoot: 'taxonomy/missing-root',
  duplicateRoot: 'taxonomy/duplicate-root',
  missingField: 'taxonomy/missing-field',
  wrongType: 'taxonomy/wrong-type',
  emptyValue: 'taxonomy/empty-value',
  invalidValue: 'taxonomy/invalid-value',
  unknownField: 'taxonomy/unknown-field',
  unknownSelect: 'taxonomy/unknown-select',
  selectMismatch: 'taxonomy/select-mismatch',
  notKebabCase: 'taxonomy/not-kebab-case',
  duplicateId: 'taxonomy/duplicate-id',
  idInTwoCategories: 'taxonomy/id-in-two-categories',
  duplicateName: 'taxonomy/duplicate-name',
  aliasIsId: 'taxonomy/alias-is-id',
  aliasIsForeignId: 'taxonomy/alias-is-foreign-id',
  sharedAlias: 'taxonomy/shared-alias',
  unknownCategory: 'taxonomy/unknown-category',
  categoryMismatch: 'taxonomy/category-mismatch',
  unknownSubcategory: 'taxonomy/unknown-subcategory',
  missingSubcategory: 'taxonomy/missing-subcategory',
  danglingReference: 'taxonomy/dangling-reference',
  missingCategory: 'taxonomy/missing-category',
  extraCategory: 'taxonomy/extra-category',
  emptyCategory: 'taxonomy/empty-category',
  longDescription: 'taxonomy/long-description',
} as const;

/** Collects problems while the validator walks the files. */
export class ProblemList {
  readonly items: TaxonomyProblem[] = [];

  error(file: string, code: string, message: string, range: TaxonomyRange, fix?: TaxonomyFix): void {
    this.items.push(problem(file, 'error', code, message, range, fix));
  }

  warning(file: string, code: string, message: string, range: TaxonomyRange, fix?: TaxonomyFix): void {
    this.items.push(problem(file, 'warning', code, message, range, fix));
  }

  /** Problems in reading order: by file (as given), then position. */
  sorted(fileOrder: readonly string[]): TaxonomyProblem[] {
    const rank = (f: string) => {
      const i = fileOrder.indexOf(f);
      return i < 0 ? fileOrder.length : i;
    };
    return [...this.items].sort(
      (a, b) =>
        rank(a.file) - rank(b.file) ||
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        a.code.localeCompare(b.code),
    );
  }
}

function problem(
  file: string,
  severity: TaxonomyProblem['severity'],
  code: string,
  message: string,
  range: TaxonomyRange,
  fix: TaxonomyFix | undefined,
): TaxonomyProblem {
  return fix ? { file, severity, code, message, range, fix } : { file, severity, code, message, range };
}

/** `file:line:col: severity code: message`, 1-based like compilers print, for the CLI. */
export function formatProblem(p: TaxonomyProblem): string {
  return `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity} ${p.code}: ${p.message}`;
}
