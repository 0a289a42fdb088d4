/** In-test taxonomy and sample builders for the labeling tests (no files, no loader). */
import type { Sample, Turn } from '../../../../src/core/model/conversation';
import { DIMENSIONS, SINGLE_SELECT, type Dimension } from '../../../../src/core/model/labels';
import type { CategoryDef, TagDef, Taxonomy } from '../../../../src/core/taxonomy/types';

/** `id` or `id:alias1,alias2` or `id=description`, per dimension. */
export type TinySpec = Partial<Record<Dimension, string[]>>;

export const TINY_SPEC: TinySpec = {
  intent: ['learn=Wants to understand something', 'build:create,implement', 'modify:refactor,optimize', 'debug:fix', 'review', 'decide'],
  language: ['python:py', 'javascript:js', 'typescript:ts', 'rust:rs', 'shell:bash,sh', 'go:golang', 'java', 'sql', 'yaml:yml', 'dockerfile', 'cpp:c++'],
  domain: ['web-backend:backend', 'machine-learning:ml', 'devops', 'cybersecurity:infosec', 'data-science'],
  task: ['bug-fixing:bug-fix', 'feature-implementation:feature', 'code-refactoring:refactoring', 'code-explanation:explain',
    'testing-task:write-tests', 'code-review-task:review', 'code-translation', 'code-exploration', 'code-optimization'],
  difficulty: ['beginner:easy', 'intermediate:medium', 'upper-intermediate', 'advanced:hard', 'expert'],
  concept: ['recursion', 'algorithms:dynamic-programming,dp', 'data-structures', 'concurrency:async-await', 'ownership',
    'testing', 'security', 'debugging', 'memory-management', 'iterators'],
  agentic: ['bash-execution', 'file-operations', 'git-operations', 'test-running', 'code-execution', 'dependency-installation',
    'multi-file-coordination', 'iterative-refinement', 'planning', 'error-recovery', 'web-search', 'multi-step-reasoning'],
  constraint: ['thread-safe', 'no-recursion', 'performance-optimized:optimized', 'portable:cross-platform'],
  context: ['snippet', 'single-function', 'single-file', 'multi-file', 'repository', 'greenfield'],
};

function norm(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** A minimal Taxonomy implementation over `spec` (all nine dimensions, missing ones empty). */
export function tinyTaxonomy(spec: TinySpec = TINY_SPEC, describe: (dim: Dimension) => string = (d) => `The ${d} dimension.`): Taxonomy {
  const categories: CategoryDef[] = DIMENSIONS.map((dim) => {
    const tags: TagDef[] = (spec[dim] ?? []).map((entry) => {
      const [head, description] = entry.split('=');
      const [id, aliases = ''] = head!.split(':');
      const tag: TagDef = { id: id!, name: id!, category: dim, aliases: aliases ? aliases.split(',') : [] };
      if (description) tag.description = description;
      return tag;
    });
    return {
      id: dim,
      name: dim,
      description: describe(dim),
      select: SINGLE_SELECT.has(dim) ? 'single' : 'multi',
      call: (['intent', 'language', 'domain', 'task', 'difficulty'] as Dimension[]).includes(dim) ? 1 : 2,
      subcategories: [],
      tags,
    };
  });
  const byDim = new Map(categories.map((c) => [c.id, c]));
  const taxonomy: Taxonomy = {
    version: 'test',
    hash: `tiny-${JSON.stringify(spec).length}`,
    origin: '(test)',
    categories,
    category: (dim) => byDim.get(dim)!,
    pool: (dim) => byDim.get(dim)!.tags.map((t) => t.id),
    has: (dim, id) => byDim.get(dim)!.tags.some((t) => t.id === id),
    tag: (dim, id) => byDim.get(dim)!.tags.find((t) => t.id === id),
    resolveAlias: (dim, raw) => {
      const key = norm(raw);
      const tags = byDim.get(dim)!.tags;
      return tags.find((t) => t.id === key)?.id ?? tags.find((t) => t.aliases.some((a) => norm(a) === key))?.id;
    },
    dimensionsOf: (raw) =>
      DIMENSIONS.flatMap((dim) => {
        const id = taxonomy.resolveAlias(dim, raw);
        return id ? [{ dim, id }] : [];
      }),
  };
  return taxonomy;
}

/** A sample whose last turn is the reply being labeled. `[role, text]` pairs; `tool:name` sets a tool name. */
export function sampleOf(turns: readonly (readonly [string, string])[], id = 's1:test'): Sample {
  const built: Turn[] = turns.map(([role, text]) => {
    const [r, toolName] = role.split(':');
    const turn: Turn = { role: r!, text };
    if (toolName) turn.toolName = toolName;
    return turn;
  });
  return {
    id,
    displayId: `${id}_t1`,
    turnIndex: 1,
    totalTurns: 1,
    turns: built,
    thinkingMode: 'fast',
    format: 'sharegpt',
    rowHash: 'f'.repeat(64),
    source: { file: 'test.jsonl', line: 1, endLine: 1, byteStart: 0, byteEnd: 10, rowIndex: 0 },
  };
}
