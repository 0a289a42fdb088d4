import type { Dimension, LabelSet } from '../model/labels';
import { tagsOf } from '../model/labels';
import type { Taxonomy } from '../taxonomy/types';

/**
 * Cross-dimension sanity checks (reference §4.4). They only warn: a warning marks a label set worth a human
 * look, it never changes labels. Rules are data so they can be listed, counted and skipped per taxonomy.
 */

type TagRef = readonly [Dimension, string];

/** One condition over a label set. */
type Condition =
  | { has: TagRef }
  | { lacks: TagRef }
  /** The dimension is non-empty and has none of these ids. */
  | { noneOf: Dimension; ids: readonly string[] }
  | { countAbove: Dimension; n: number }
  | { countBelow: Dimension; n: number }
  | { empty: Dimension }
  | { nonEmpty: Dimension };

export interface ConsistencyRule {
  id: string;
  /** All must hold for the warning to fire. */
  when: readonly Condition[];
  message: string;
}

const BUILD_TASKS = ['feature-implementation', 'configuration', 'schema-design', 'deployment', 'api-design', 'testing-task',
  'documentation', 'logging', 'monitoring'];
const MODIFY_TASKS = ['code-refactoring', 'code-optimization', 'migration', 'code-translation', 'feature-implementation',
  'bug-fixing', 'error-handling-task', 'configuration', 'documentation', 'testing-task', 'schema-design', 'dependency-management'];

export const CONSISTENCY_RULES: readonly ConsistencyRule[] = [
  { id: 'learn-with-many-agentic', when: [{ has: ['intent', 'learn'] }, { countAbove: 'agentic', n: 3 }],
    message: "intent 'learn' with more than 3 agentic tags" },
  { id: 'build-without-build-task', when: [{ has: ['intent', 'build'] }, { noneOf: 'task', ids: BUILD_TASKS }],
    message: "intent 'build' but no task that produces something" },
  { id: 'beginner-with-many-concepts', when: [{ has: ['difficulty', 'beginner'] }, { countAbove: 'concept', n: 3 }],
    message: "difficulty 'beginner' with more than 3 concepts" },
  { id: 'beginner-with-constraint', when: [{ has: ['difficulty', 'beginner'] }, { nonEmpty: 'constraint' }],
    message: "difficulty 'beginner' with explicit constraints" },
  { id: 'debug-without-bug-fixing', when: [{ has: ['intent', 'debug'] }, { noneOf: 'task', ids: ['bug-fixing'] }],
    message: "intent 'debug' but task lacks 'bug-fixing'" },
  { id: 'expert-without-concept', when: [{ has: ['difficulty', 'expert'] }, { empty: 'concept' }],
    message: "difficulty 'expert' with no concept" },
  { id: 'translation-single-language', when: [{ has: ['task', 'code-translation'] }, { countBelow: 'language', n: 2 }],
    message: "task 'code-translation' with fewer than 2 languages" },
  { id: 'ownership-without-rust', when: [{ has: ['concept', 'ownership'] }, { lacks: ['language', 'rust'] }],
    message: "concept 'ownership' without language 'rust'" },
  { id: 'snippet-multi-file', when: [{ has: ['context', 'snippet'] }, { has: ['agentic', 'multi-file-coordination'] }],
    message: "context 'snippet' with agentic 'multi-file-coordination'" },
  { id: 'review-without-review-task', when: [{ has: ['intent', 'review'] }, { lacks: ['task', 'code-review-task'] }],
    message: "intent 'review' but task lacks 'code-review-task'" },
  { id: 'modify-without-change-task', when: [{ has: ['intent', 'modify'] }, { noneOf: 'task', ids: MODIFY_TASKS }],
    message: "intent 'modify' but no task that changes code" },
];

/** Tag ids a condition names, so a rule can be skipped when the taxonomy lacks them. */
function namedTags(c: Condition): TagRef[] {
  if ('has' in c) return [c.has];
  if ('lacks' in c) return [c.lacks];
  return [];
}

function holds(c: Condition, labels: LabelSet, taxonomy?: Taxonomy): boolean {
  if ('has' in c) return tagsOf(labels, c.has[0]).includes(c.has[1]);
  if ('lacks' in c) return !tagsOf(labels, c.lacks[0]).includes(c.lacks[1]);
  if ('noneOf' in c) {
    const tags = tagsOf(labels, c.noneOf);
    const ids = taxonomy ? c.ids.filter((id) => taxonomy.has(c.noneOf, id)) : c.ids;
    return tags.length > 0 && ids.length > 0 && !tags.some((t) => ids.includes(t));
  }
  if ('countAbove' in c) return tagsOf(labels, c.countAbove).length > c.n;
  if ('countBelow' in c) return tagsOf(labels, c.countBelow).length < c.n;
  if ('empty' in c) return tagsOf(labels, c.empty).length === 0;
  return tagsOf(labels, c.nonEmpty).length > 0;
}

/**
 * Warnings for `labels`. With a taxonomy, rules naming a tag it does not have are skipped (a custom taxonomy
 * without `rust` should not warn about every `ownership`).
 */
export function consistencyWarnings(labels: LabelSet, taxonomy?: Taxonomy, rules = CONSISTENCY_RULES): string[] {
  const warnings: string[] = [];
  for (const rule of rules) {
    if (taxonomy && rule.when.some((c) => namedTags(c).some(([dim, id]) => !taxonomy.has(dim, id)))) continue;
    if (rule.when.every((c) => holds(c, labels, taxonomy))) warnings.push(`${rule.id}: ${rule.message}`);
  }
  return warnings;
}
