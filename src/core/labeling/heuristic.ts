import type { Turn } from '../model/conversation';
import { emptyLabelSet, type Dimension } from '../model/labels';
import type { Taxonomy } from '../taxonomy/types';
import { consistencyWarnings } from './consistency';
import { INTENT_PRIORITY, REPLY_SCAN, REQUEST_SCAN } from './heuristicTables';
import { rankedKeys, type KeywordHits } from './keywords';
import { languageOfFence, mentionedLanguages } from './languageHints';
import { computeSignals, type SampleSignals } from './signals';
import { emptyMonitor, type LabelOutcome, type Sample } from './types';

/**
 * The embedded labeler that needs no LLM: structure and keyword tables only. It is for trying the tool
 * without an endpoint and for a first look at a huge file, so it must be fast and honest: confidences stay
 * between 0.3 and 0.5, and a dimension without evidence gets no confidence at all.
 */
export function heuristicLabel(sample: Sample, taxonomy: Taxonomy): LabelOutcome {
  const started = Date.now();
  const monitor = emptyMonitor();
  const labels = emptyLabelSet();
  const signals = computeSignals(sample, taxonomy);
  const turns = sample.turns;
  const request = lastRequest(turns);
  const reply = turns[turns.length - 1]?.text ?? '';
  const requestText = clip(request, 8_000);
  const replyText = clip(reply, 20_000);
  const usedTools = signals.hasToolTurns || turns.some((t) => t.role === 'assistant' && t.toolName);
  const keep = (dim: Dimension, ids: readonly string[], max: number) => ids.filter((id) => taxonomy.has(dim, id)).slice(0, max);
  const set = (dim: Dimension, conf: number | undefined) => {
    if (conf !== undefined) labels.confidence[dim] = conf;
  };

  const asked = REQUEST_SCAN.scan(requestText);
  const answered = REPLY_SCAN.scan(replyText);

  const intent = guessIntent(asked.intent, requestText, taxonomy);
  labels.intent = intent.id;
  set('intent', intent.conf);

  const languages = guessLanguages(signals, requestText, turns, taxonomy);
  labels.language = languages.ids;
  set('language', languages.conf);

  labels.domain = keep('domain', weighted(asked.domain, answered.domain, 2), 2);
  set('domain', labels.domain.length ? 0.4 : undefined);

  labels.task = keep('task', completeTasks(labels.intent, rankedKeys(asked.task), requestText, taxonomy), 3);
  set('task', labels.task.length ? 0.4 : undefined);

  labels.concept = keep('concept', weighted(asked.concept, answered.concept, 2), 3);
  if (labels.concept.includes('ownership') && !labels.language.includes('rust')) labels.concept = labels.concept.filter((c) => c !== 'ownership');
  set('concept', labels.concept.length ? 0.35 : undefined);

  // Agentic tags describe what was done with tools; a plain Q&A has none, which is itself evidence.
  labels.agentic = usedTools ? keep('agentic', [...signals.toolAgenticTags, ...signals.behaviouralHints], 4) : [];
  set('agentic', usedTools && labels.agentic.length === 0 ? 0.3 : 0.5);

  labels.constraint = keep('constraint', rankedKeys(asked.constraint), 2);
  set('constraint', labels.constraint.length ? 0.4 : undefined);

  labels.difficulty = guessDifficulty(signals, answered.hard.counts.size > 0, labels.constraint.length > 0 || labels.concept.length >= 2, taxonomy);
  set('difficulty', labels.difficulty ? 0.3 : undefined);

  const context = guessContext(turns, usedTools ? signals.filesTouched.length : undefined, taxonomy);
  labels.context = context;
  set('context', context ? 0.4 : undefined);

  monitor.consistency_warnings = consistencyWarnings(labels, taxonomy);
  monitor.elapsed_ms = Date.now() - started;
  return { labeler: 'heuristic', status: 'success', labels, monitor };
}

function lastRequest(turns: readonly Turn[]): string {
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i]!.role === 'user') return turns[i]!.text;
  return '';
}

/** Head and tail of a long text: the ask is usually at one end of a pasted wall of code. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max / 2)}\n${text.slice(-max / 2)}`;
}

/** Keys ranked by request hits ×2 + reply hits, keeping those scoring at least `min`. */
function weighted(request: KeywordHits<string>, reply: KeywordHits<string>, min: number): string[] {
  const score = new Map<string, number>();
  for (const [k, n] of request.counts) score.set(k, (score.get(k) ?? 0) + 2 * n);
  for (const [k, n] of reply.counts) score.set(k, (score.get(k) ?? 0) + n);
  return [...score.entries()].filter(([, n]) => n >= min).sort((a, b) => b[1] - a[1]).map(([k]) => k);
}

function guessIntent(found: KeywordHits<string>, request: string, taxonomy: Taxonomy): { id: string | null; conf?: number } {
  const hits = found.counts;
  const matched = INTENT_PRIORITY.filter((id) => hits.has(id) && taxonomy.has('intent', id));
  if (matched.length > 0) return { id: matched[0]!, conf: matched.length === 1 ? 0.5 : 0.4 };
  if (/[?？]\s*$/.test(request.trim()) && taxonomy.has('intent', 'learn')) return { id: 'learn', conf: 0.3 };
  return { id: null };
}

/** Tasks that follow from the intent when the keywords missed them, so the labels agree with each other. */
function completeTasks(intent: string | null, tasks: string[], request: string, taxonomy: Taxonomy): string[] {
  const out = tasks.filter((t) => taxonomy.has('task', t));
  const ensure = (id: string, when: (t: string[]) => boolean) => {
    if (taxonomy.has('task', id) && when(out)) out.unshift(id);
  };
  if (intent === 'debug') ensure('bug-fixing', (t) => !t.includes('bug-fixing'));
  if (intent === 'review') ensure('code-review-task', (t) => !t.includes('code-review-task'));
  if (intent === 'build') ensure('feature-implementation', (t) => t.length === 0);
  if (intent === 'modify') ensure('code-refactoring', (t) => t.length === 0);
  if (intent === 'learn' && /```|^( {4}|\t)\S/m.test(request)) ensure('code-explanation', (t) => t.length === 0);
  return [...new Set(out)];
}

function guessLanguages(signals: SampleSignals, request: string, turns: readonly Turn[], taxonomy: Taxonomy): { ids: string[]; conf?: number } {
  const ids = [...signals.detectedLanguages];
  for (const id of mentionedLanguages(request, taxonomy)) if (!ids.includes(id)) ids.push(id);
  for (const path of signals.filesTouched) {
    const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1];
    const id = ext ? languageOfFence(ext, taxonomy) : undefined;
    if (id && !ids.includes(id) && !['json', 'markdown', 'yaml', 'toml', 'ini'].includes(id)) ids.push(id);
  }
  if (ids.length === 0) return { ids, conf: turns.some((t) => /```/.test(t.text)) ? undefined : 0.3 };
  return { ids: ids.slice(0, 4), conf: signals.fenceLanguages.length ? 0.5 : 0.4 };
}

/** Size, structure and how `demanding` the request looks → a level; never `expert`, which needs judgement a keyword table does not have. */
function guessDifficulty(signals: SampleSignals, hardTopic: boolean, demanding: boolean, taxonomy: Taxonomy): string | null {
  let score = 0;
  // Explicit constraints or several concepts at once are past first-course level; so is any tool-driven work.
  if (demanding) score++;
  if (signals.toolTurns >= 1) score++;
  if (signals.replyChars > 1_500) score++;
  if (signals.replyChars > 4_000) score++;
  if (signals.codeBlockCount >= 3) score++;
  if (signals.toolTurns >= 5) score++;
  if (signals.toolTurns >= 12) score++;
  if (hardTopic) score++;
  const level = score === 0 ? 'beginner' : score <= 2 ? 'intermediate' : score === 3 ? 'upper-intermediate' : 'advanced';
  if (taxonomy.has('difficulty', level)) return level;
  return taxonomy.has('difficulty', 'intermediate') ? 'intermediate' : null;
}

const FUNCTION_START = /^\s*(?:async\s+)?(?:def|function|fn|func|fun|sub)\s+\w|^\s*(?:public|private|protected|static)\s[^=;]*\(/gm;
const CODE_BLOCK = /```[^\n]*\n([\s\S]*?)```/g;

/** How much code the reply works with: files touched by tools (`filesTouched` when tools were used), else the size and shape of its code blocks. */
function guessContext(turns: readonly Turn[], filesTouched: number | undefined, taxonomy: Taxonomy): string | null {
  const pick = (...ids: string[]) => ids.find((id) => taxonomy.has('context', id)) ?? null;
  if (filesTouched !== undefined) {
    const files = filesTouched;
    if (files >= 5) return pick('repository', 'multi-file');
    if (files >= 2) return pick('multi-file', 'repository');
    if (files === 1) return pick('single-file');
  }
  const reply = turns[turns.length - 1]?.text ?? '';
  let lines = 0;
  let functions = 0;
  for (const m of reply.slice(0, 50_000).matchAll(CODE_BLOCK)) {
    const body = m[1] ?? '';
    lines += body.split('\n').length;
    functions += body.match(FUNCTION_START)?.length ?? 0;
  }
  if (lines === 0 || lines <= 12) return pick('snippet');
  if (functions === 1 && lines <= 60) return pick('single-function', 'snippet');
  return pick('single-file', 'snippet');
}
