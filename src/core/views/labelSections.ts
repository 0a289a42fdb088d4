/**
 * Markdown building blocks for one sample's labels, shared by the hover and the details view. Everything
 * that comes from a record is treated as untrusted (model answers, server error texts) and escaped.
 */
import { DIMENSIONS, tagsOf, type Dimension, type LabelSet } from '../model/labels';
import type { LabelRecord, ScoreRecord } from '../model/records';
import { escapeMarkdown, quote } from './markdown';
import type { SampleView } from './sampleState';

/** Display names of the nine dimensions. */
export const DIMENSION_TITLES: Readonly<Record<Dimension, string>> = {
  intent: 'Intent',
  language: 'Language',
  domain: 'Domain',
  task: 'Task',
  difficulty: 'Difficulty',
  concept: 'Concept',
  agentic: 'Agentic',
  constraint: 'Constraint',
  context: 'Context',
};

/** `1,234` */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** `850 ms`, `1.2 s`, `42 s`, `3 min 5 s` */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** A table of all nine dimensions: tags and the labeler's confidence. */
export function dimensionTable(labels: LabelSet): string {
  const rows = DIMENSIONS.map((dim) => {
    const tags = tagsOf(labels, dim);
    const shown = tags.length ? tags.map(escapeMarkdown).join(', ') : '—';
    const conf = labels.confidence[dim];
    return `| ${DIMENSION_TITLES[dim]} | ${shown} | ${typeof conf === 'number' ? conf.toFixed(2) : '—'} |`;
  });
  return ['| Dimension | Tags | Confidence |', '| :--- | :--- | ---: |', ...rows].join('\n');
}

/** One sentence per thing worth knowing about how the labels came about (empty when nothing is). */
export function labelNotes(record: LabelRecord): string[] {
  const notes: string[] = [];
  const labels = record.labels;
  if (labels?.unmapped.length) {
    const items = labels.unmapped.map((u) => `${DIMENSION_TITLES[u.dimension] ?? escapeMarkdown(String(u.dimension))}: ${quote(u.value, 60)}`);
    notes.push(`**Unmapped tags** (not in the taxonomy, dropped): ${items.join('; ')}`);
  }
  if (labels?.canonicalized.length) {
    const items = labels.canonicalized.map(
      (c) =>
        `${quote(c.source_value, 60)} → ${escapeMarkdown(c.canonical_value)} (${escapeMarkdown(c.source_dimension)}` +
        `${c.target_dimension !== c.source_dimension ? ` → ${escapeMarkdown(c.target_dimension)}` : ''}, ${escapeMarkdown(c.reason.replace(/_/g, ' '))})`,
    );
    notes.push(`**Canonicalized**: ${items.join('; ')}`);
  }
  const monitor = record.monitor;
  if (monitor.arbitrated || monitor.low_confidence_dims.length) {
    const dims = monitor.low_confidence_dims.map((d) => `${escapeMarkdown(d.dim)} (${d.conf.toFixed(2)})`).join(', ');
    notes.push(`**Arbitration**: ${monitor.arbitrated ? 're-asked' : 'low confidence on'} ${dims || 'low-confidence dimensions'}`);
  }
  if (monitor.consistency_warnings.length) {
    notes.push(`**Consistency**: ${monitor.consistency_warnings.map((w) => quote(w, 120)).join('; ')}`);
  }
  if (monitor.validation_issues.length) {
    notes.push(`**Validation**: ${monitor.validation_issues.map((w) => quote(w, 120)).join('; ')}`);
  }
  if (monitor.truncated) notes.push('**Truncated**: the conversation was longer than the labeling budget; the labeler saw its head and tail.');
  return notes;
}

/** `LLM · model gpt-4o-mini · 2 calls · 1,234 tokens (1,000 prompt + 234 completion) · 1.2 s · json_schema` */
export function runFacts(record: LabelRecord): string {
  const m = record.monitor;
  const parts = [record.labeler === 'heuristic' ? 'Heuristic labeler (no LLM)' : 'LLM'];
  if (record.model) parts.push(`model ${quote(record.model, 60)}`);
  if (record.labeler === 'llm') {
    parts.push(`${m.llm_calls} call${m.llm_calls === 1 ? '' : 's'}${m.attempts > m.llm_calls ? ` (${m.attempts} attempts)` : ''}`);
    const tokens = m.prompt_tokens + m.completion_tokens;
    parts.push(`${formatCount(tokens)} tokens (${formatCount(m.prompt_tokens)} prompt + ${formatCount(m.completion_tokens)} completion)`);
  }
  parts.push(formatDuration(m.elapsed_ms));
  if (m.response_format) parts.push(escapeMarkdown(m.response_format));
  return parts.join(' · ');
}

/** Why a failed record failed, or undefined for records that did not fail. */
export function failureText(record: LabelRecord): string | undefined {
  if (!record.failure) return undefined;
  const status = record.failure.httpStatus !== undefined ? `, HTTP ${record.failure.httpStatus}` : '';
  return `${escapeMarkdown(record.failure.code)}${status}: ${quote(record.failure.message, 300)}`;
}

/** One bold headline for a sample's state. */
export function stateHeadline(view: SampleView): string {
  const record = view.record;
  switch (view.state) {
    case 'labeled':
      return record?.labeler === 'heuristic' ? '**Labeled** by the built-in heuristic labeler (rough labels)' : '**Labeled**';
    case 'outdated':
      return '**Outdated**: labeled with another taxonomy or prompt version; label the file again to update it.';
    case 'stale':
      return '**Stale**: this reply changed since it was labeled. The labels below belong to its earlier content; label the file again to update them.';
    case 'failed':
      return `**Failed**: ${record ? failureText(record) ?? 'unknown error' : 'unknown error'}`;
    case 'partial':
      return `**Partial**: only the first labeling call succeeded${record?.failure ? ` (${failureText(record)})` : ''}; the labels are incomplete.`;
    case 'not-labeled':
      return '**Not labeled** yet.';
  }
}

/** `build · intermediate · python / web-backend / feature-implementation`, escaped for Markdown. */
export function compactLabelText(labels: LabelSet | undefined): string {
  if (!labels) return 'no labels';
  const head = [labels.intent ?? '?', labels.difficulty ?? '?'].map(escapeMarkdown).join(' · ');
  const firsts = (['language', 'domain', 'task'] as const).map((d) => tagsOf(labels, d)[0]).filter((t): t is string => Boolean(t));
  return firsts.length ? `${head} · ${firsts.map(escapeMarkdown).join(' / ')}` : head;
}

function scoreText(n: number | null | undefined, digits = 0): string {
  return typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '—';
}

/** `value 7.4`, for a current successful score with a value; undefined otherwise. */
export function valueText(view: SampleView): string | undefined {
  const score = view.score;
  if (!view.scoreCurrent || score?.status !== 'success' || typeof score.value_score !== 'number') return undefined;
  return `value ${score.value_score.toFixed(1)}`;
}

/** The Pass 2 part of a sample: value, sub-scores, flags, and whether it still matches the labels. */
export function scoreSection(score: ScoreRecord, current: boolean): string[] {
  const stale = current ? '' : ' (scored for earlier labels or prompts; score the file again to update it)';
  if (score.status === 'failed' || !score.judgement) {
    const why = score.failure ? `${escapeMarkdown(score.failure.code)}: ${quote(score.failure.message, 300)}` : 'no judgement';
    return [`**Scoring failed**${stale}: ${why}`];
  }
  const j = score.judgement;
  const head = [
    `**Value ${scoreText(score.value_score, 1)}**${stale}`,
    `complexity ${scoreText(j.complexity.overall)}`,
    `quality ${scoreText(j.quality.overall)}`,
    `reasoning ${scoreText(j.reasoning.overall)}`,
    `rarity ${scoreText(score.rarity?.score, 1)}`,
    `judge confidence ${j.confidence.toFixed(2)}`,
  ].join(' · ');
  const selfCorrection = j.reasoning.self_correction === null ? '—' : j.reasoning.self_correction ? 'yes' : 'no';
  const details = [
    `- Complexity: instruction ${scoreText(j.complexity.instruction)}, analytical depth ${scoreText(j.complexity.analytical_depth)}, implementation ${scoreText(j.complexity.implementation)}`,
    `- Quality: correctness ${scoreText(j.quality.correctness)}, code ${scoreText(j.quality.code_quality)}, explanation ${scoreText(j.quality.explanation)}, completeness ${scoreText(j.quality.completeness)}`,
    `- Reasoning: clarity ${scoreText(j.reasoning.clarity)}, consistency ${scoreText(j.reasoning.consistency)}, self-correction ${selfCorrection}`,
  ];
  details.push(
    score.thinkingMode === 'slow'
      ? '- Thinking mode: slow (the reply carries reasoning, judged as such)'
      : '- Thinking mode: fast (no reasoning in the reply)',
  );
  const flags = [...j.flags.map(escapeMarkdown), ...j.unknown_flags.map((f) => quote(f, 40))];
  if (flags.length) details.push(`- Flags: ${flags.join(', ')}`);
  return [head, details.join('\n')];
}

/** Everything about one sample: headline, table, notes, its score, and how it was labeled. */
export function sampleSection(view: SampleView): string[] {
  const blocks = [stateHeadline(view)];
  const record = view.record;
  if (!record) return blocks;
  if (record.labels) blocks.push(dimensionTable(record.labels));
  blocks.push(...labelNotes(record));
  if (view.score) blocks.push(...scoreSection(view.score, view.scoreCurrent === true));
  blocks.push(runFacts(record));
  return blocks;
}
