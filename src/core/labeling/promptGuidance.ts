import type { Dimension } from '../model/labels';

/**
 * Judgement rules the prompts carry beside the tag lists. Each rule names the tag ids it is about; the prompt
 * shows a rule only when the loaded taxonomy has all of them, so a custom taxonomy never reads about tags it
 * does not have.
 */
export interface GuidanceLine {
  /** Tag ids (of the section's dimension) the line talks about. */
  needs: readonly string[];
  text: string;
}

/** How many tags each dimension usually takes, shown next to its list. */
export const CARDINALITY: Readonly<Record<Dimension, string>> = {
  intent: 'exactly one id (null only when there is no request at all)',
  language: 'every language the reply is written in or must read; usually 0–3',
  domain: '0–2 ids; empty for generic programming with no application area',
  task: '1–3 ids',
  difficulty: 'exactly one id',
  concept: '0–3 ids',
  agentic: '0–4 ids, only for what the assistant actually did through tools in this transcript',
  constraint: '0–2 ids, only for requirements stated explicitly',
  context: 'exactly one id',
};

export const INTENT_RULES: readonly GuidanceLine[] = [
  { needs: ['debug'], text: 'Code that fails, crashes or gives wrong results and should work → debug, even when the fix is a rewrite.' },
  { needs: ['debug', 'learn'], text: 'A pasted error message or traceback with "what does this mean?" → debug, not learn.' },
  { needs: ['modify'], text: 'Working code that should become different (cleaner, faster, ported, migrated, restyled) → modify.' },
  { needs: ['build', 'decide'], text: 'Choosing a design and then implementing it → build; choosing or comparing without implementing → decide.' },
  { needs: ['learn'], text: 'Wanting to understand a concept, API or piece of code, with nothing to produce → learn.' },
  { needs: ['review'], text: 'Asking for a judgement of existing code or a design (quality, risks, improvements) → review.' },
];

export const LANGUAGE_RULES: readonly string[] = [
  'A framework implies its language: a React component is javascript or typescript, a Django view python, a Spring controller java.',
  'Configuration and data formats count when the reply writes or edits them (yaml, json, dockerfile, sql, toml).',
  'Human languages (English, Chinese, …) are never languages here.',
  'Do not list a language that is only mentioned in passing.',
];

export const DOMAIN_RULES: readonly string[] = [
  'A domain is where the code is used (web backend, machine learning, embedded systems), not the programming activity.',
  'Algorithms, data structures, debugging and documentation are never domains.',
];

export const TASK_RULES: readonly GuidanceLine[] = [
  { needs: ['code-optimization'], text: 'code-optimization only when the request is explicitly about speed or resource use.' },
  { needs: ['code-exploration', 'bug-fixing'], text: 'An agent that searches a repository, then repairs it → code-exploration + bug-fixing (add testing-task only when tests are written).' },
  { needs: ['code-explanation'], text: 'code-explanation when the reply explains existing code, not when it explains a general concept.' },
];

export const DIFFICULTY_ANCHORS: readonly GuidanceLine[] = [
  { needs: ['beginner'], text: 'beginner: syntax questions, short standard functions, first-course exercises (reverse a string, FizzBuzz).' },
  { needs: ['intermediate'], text: 'intermediate: a typical feature with a common framework (a CRUD endpoint in Flask, a form with validation).' },
  { needs: ['upper-intermediate'], text: 'upper-intermediate: changes that must preserve behaviour across many paths (an async rewrite that keeps every error path), contest problems of medium level.' },
  { needs: ['advanced'], text: 'advanced: systems with concurrency, distribution or hard performance limits (a distributed rate limiter, a query-planner fix).' },
  { needs: ['expert'], text: 'expert: specialist depth few engineers have (a custom memory allocator, a lock-free queue, compiler internals). Rare: fewer than 3 in 100 samples.' },
];

export const CONCEPT_RULES: readonly GuidanceLine[] = [
  { needs: [], text: 'Tag a concept only when the reply depends on understanding it, not because code happens to use it.' },
  { needs: ['functions', 'control-flow'], text: 'Do not tag functions or control-flow for ordinary application or framework code.' },
  { needs: ['data-structures'], text: 'data-structures only when choosing or implementing a structure is the point.' },
  { needs: ['concurrency'], text: 'concurrency means coordinating work that runs at the same time; a single await is not enough.' },
  { needs: ['algorithms'], text: 'algorithms when designing an algorithm or reasoning about its complexity is central.' },
];

export const AGENTIC_RULES: readonly GuidanceLine[] = [
  { needs: [], text: 'No tool turns and no tool calls in the transcript → agentic is empty. Telling the user to run a command is not running it.' },
  { needs: ['planning', 'multi-step-reasoning'], text: 'planning: the assistant lays out steps before acting on them; multi-step-reasoning: it chains several inferences to reach a conclusion. Tag both only when both happen.' },
  { needs: ['iterative-refinement'], text: 'iterative-refinement: it acts, looks at the result and adjusts, more than once.' },
  { needs: ['error-recovery'], text: 'error-recovery: a tool step failed and the assistant changed course because of it.' },
  { needs: ['multi-file-coordination'], text: 'multi-file-coordination: it read or changed several files as parts of one change.' },
];

export const CONSTRAINT_RULES: readonly string[] = [
  'Only requirements the user states or the task clearly imposes ("must be thread-safe", "no third-party libraries").',
  'A reply that happens to be fast or portable does not make the constraint explicit.',
];

export const CONTEXT_RULES: readonly GuidanceLine[] = [
  { needs: [], text: 'Prefer the tags that describe how much code the reply works with; use a situational tag only when that situation dominates the request.' },
  { needs: ['snippet'], text: 'A discussion with no code, or only a few lines, → snippet.' },
];
