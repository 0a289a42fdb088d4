import { checkCategories, checkTagFiles } from './categoryRules';
import { ProblemList } from './problems';
import { readShape, type TaxonomyShape } from './shape';
import { parseTaxonomyText, type TaxonomyText } from './source';
import { checkTags } from './tagRules';
import type { TaxonomyProblem } from './types';

export { formatProblem, PROBLEM_CODES } from './problems';
export { applyFix, toKebabCase } from './fixes';
export type { TaxonomyText } from './source';

/** The validator's full result: problems plus the entries the loader builds a taxonomy from. */
export interface TaxonomyAnalysis {
  problems: TaxonomyProblem[];
  shape: TaxonomyShape;
}

/**
 * Parses and checks a set of taxonomy files (one root file, any number of tag files) given
 * as texts. Pure: no file system access, so the editor can validate unsaved buffers.
 */
export function analyzeTaxonomyTexts(files: readonly TaxonomyText[]): TaxonomyAnalysis {
  const problems = new ProblemList();
  const parsed = files.map(parseTaxonomyText);
  const shape = readShape(parsed, problems);
  const declared = checkCategories(shape, parsed, problems);
  const partlyUnreadable = checkTagFiles(shape, declared, parsed, problems);
  checkTags(shape, declared, partlyUnreadable, problems);
  return { problems: problems.sorted(files.map((f) => f.path)), shape };
}

/**
 * Every problem in a set of taxonomy files, each with an exact 0-based range of the offending
 * node and, where one correction is obvious, a `fix` an editor can apply.
 */
export function validateTaxonomyTexts(files: readonly TaxonomyText[]): TaxonomyProblem[] {
  return analyzeTaxonomyTexts(files).problems;
}
