import type { Sample, Turn } from '../model/conversation';
import type { Taxonomy } from '../taxonomy/types';
import { compileKeywords } from './keywords';
import { frameworkLanguages, languageOfFence, scanFences } from './languageHints';
import { escapeForPrompt } from './markup';
import { collectToolEvidence } from './toolHints';

/**
 * Structural facts about a whole sample, computed without a model. Pass 1 shows them to the labeler as hints;
 * the heuristic labeler builds its answer from them.
 */
export interface SampleSignals {
  totalTurns: number;
  userTurns: number;
  assistantTurns: number;
  toolTurns: number;
  codeBlockCount: number;
  /** Rough size of all visible text in tokens (chars / 4). */
  estTokens: number;
  fenceLanguages: string[];
  frameworkLanguages: string[];
  /** Union of the two above, as taxonomy language ids. */
  detectedLanguages: string[];
  hasToolTurns: boolean;
  toolNames: string[];
  /** Agentic tag ids implied by tool names and shell commands. */
  toolAgenticTags: string[];
  /** Agentic behaviour ids suggested by the shape of the trajectory. */
  behaviouralHints: string[];
  filesTouched: string[];
  /** Keyword group → distinct keywords seen (at most 5 each). */
  keywordHits: Partial<Record<KeywordGroup, string[]>>;
  lastRequestChars: number;
  replyChars: number;
}

export type KeywordGroup = 'web' | 'devops' | 'database' | 'ml' | 'security' | 'mobile' | 'systems';

const KEYWORD_GROUPS = compileKeywords<KeywordGroup>({
  web: ['html', 'css', 'dom', 'react', 'vue', 'angular', 'frontend', 'front-end', 'backend', 'http', 'rest api', 'endpoint',
    'browser', 'web server', 'cookie', 'websocket', '前端', '后端', '网页'],
  devops: ['docker', 'kubernetes', 'k8s', 'ci/cd', 'terraform', 'ansible', 'helm', 'nginx', 'deploy', 'deployment', 'jenkins',
    'github actions', 'prometheus', 'grafana', '部署', '容器'],
  database: ['sql', 'postgres', 'postgresql', 'mysql', 'sqlite', 'mongodb', 'redis', 'transaction', 'orm', 'join',
    'primary key', 'foreign key', '数据库'],
  ml: ['machine learning', 'neural network', 'pytorch', 'tensorflow', 'model training', 'embedding', 'transformer',
    'fine-tune', 'fine-tuning', 'gradient', 'llm', '机器学习', '深度学习', '神经网络'],
  security: ['sql injection', 'xss', 'csrf', 'vulnerability', 'exploit', 'authentication', 'authorization', 'encryption',
    'jwt', 'oauth', 'cve', 'sanitize', '注入', '漏洞', '加密'],
  mobile: ['android', 'ios', 'flutter', 'swiftui', 'react native', 'mobile app', 'jetpack compose', '移动端', '安卓'],
  systems: ['kernel', 'pointer', 'malloc', 'mutex', 'syscall', 'lock-free', 'cache line', 'embedded', 'firmware',
    'segfault', 'memory leak', '内存', '线程', '并发'],
});

const PLAN_PHRASES =
  /\b(?:let me (?:first|start by)|here(?:'s| is) (?:my|the) plan|my plan|step 1\b|first,? i(?:'ll| will)|i(?:'ll| will) start by|plan:|next,? i(?:'ll| will)|then i(?:'ll| will))|首先|第一步|计划|步骤|我先|让我先/i;
const CAUSAL = /\b(?:because|therefore|thus|hence|so that|which means|as a result|since)\b|因为|所以|因此|由于|导致/gi;

/**
 * Characters scanned for keywords and frameworks: per turn, and for the whole sample. The head and tail of a
 * conversation carry its topic; megabytes of tool output in the middle add cost, not evidence.
 */
const TURN_SCAN_LIMIT = 40_000;
const SAMPLE_SCAN_LIMIT = 120_000;
function headAndTail(text: string, limit: number): string {
  return text.length <= limit ? text : text.slice(0, limit / 2) + '\n' + text.slice(-limit / 2);
}

/** Compute the signals of a whole (untruncated) sample. Never throws on odd data. */
export function computeSignals(sample: Sample, taxonomy: Taxonomy): SampleSignals {
  const turns = sample.turns;
  const reply = turns[turns.length - 1];
  const lastUser = [...turns].reverse().find((t) => t.role === 'user');
  let fenceLines = 0;
  let chars = 0;
  const fenceLanguages: string[] = [];
  for (const turn of turns) {
    chars += turn.text.length;
    const { names, fenceLines: n } = scanFences(turn.text);
    fenceLines += n;
    for (const name of names) {
      const id = languageOfFence(name, taxonomy);
      if (id && !fenceLanguages.includes(id)) fenceLanguages.push(id);
    }
  }
  const scanned = headAndTail(turns.map((t) => headAndTail(t.text, TURN_SCAN_LIMIT)).join('\n'), SAMPLE_SCAN_LIMIT);
  const frameworks = frameworkLanguages(scanned, fenceLanguages, taxonomy);
  const tools = collectToolEvidence(turns);
  const keywordHits: Partial<Record<KeywordGroup, string[]>> = {};
  for (const [group, words] of KEYWORD_GROUPS.scan(scanned).words) keywordHits[group] = words.slice(0, 5);

  return {
    totalTurns: turns.length,
    userTurns: turns.filter((t) => t.role === 'user').length,
    assistantTurns: turns.filter((t) => t.role === 'assistant').length,
    toolTurns: tools.toolTurnCount,
    codeBlockCount: Math.ceil(fenceLines / 2),
    estTokens: Math.ceil(chars / 4),
    fenceLanguages,
    frameworkLanguages: frameworks,
    detectedLanguages: [...new Set([...fenceLanguages, ...frameworks])],
    hasToolTurns: tools.toolTurnCount > 0,
    toolNames: tools.toolNames,
    toolAgenticTags: tools.agenticTags.filter((id) => taxonomy.has('agentic', id)),
    behaviouralHints: behaviouralHints(turns, tools, taxonomy),
    filesTouched: tools.filePaths,
    keywordHits,
    lastRequestChars: lastUser?.text.length ?? 0,
    replyChars: reply?.role === 'assistant' ? reply.text.length : 0,
  };
}

function behaviouralHints(turns: readonly Turn[], tools: ReturnType<typeof collectToolEvidence>, taxonomy: Taxonomy): string[] {
  const hints: string[] = [];
  if (tools.filePaths.length >= 2) hints.push('multi-file-coordination');
  if (tools.toolTurnCount >= 3) hints.push('iterative-refinement');
  const firstReply = turns.find((t) => t.role === 'assistant');
  if (firstReply && PLAN_PHRASES.test(firstReply.text.slice(0, 4000))) hints.push('planning');
  const reply = turns[turns.length - 1];
  if (reply && reply.text.length > 500 && (reply.text.slice(0, TURN_SCAN_LIMIT).match(CAUSAL)?.length ?? 0) >= 2) {
    hints.push('multi-step-reasoning');
  }
  if (tools.errorRecovery) hints.push('error-recovery');
  return hints.filter((id) => taxonomy.has('agentic', id));
}

/**
 * Render signals as the compact `key: value` block the prompts carry. Lists appear only when non-empty. Values
 * that come from the data (tool names, file paths) are escaped like the transcript, so they cannot close a tag.
 */
export function renderSignals(s: SampleSignals): string {
  const lines: string[] = [];
  const list = (key: string, values: readonly string[], max = 12) => {
    if (values.length === 0) return;
    const shown = values.slice(0, max).join(', ');
    lines.push(`${key}: ${shown}${values.length > max ? `, … (+${values.length - max})` : ''}`);
  };
  lines.push(`turns: ${s.totalTurns} (user ${s.userTurns}, assistant ${s.assistantTurns}, tool ${s.toolTurns})`);
  lines.push(`code_blocks: ${s.codeBlockCount}`);
  lines.push(`est_tokens: ${s.estTokens}`);
  list('fence_languages', s.fenceLanguages);
  list('framework_languages', s.frameworkLanguages);
  list('detected_languages', s.detectedLanguages);
  lines.push(`has_tool_turns: ${s.hasToolTurns ? 'yes' : 'no'}`);
  list('tool_names', s.toolNames.map((n) => n.slice(0, 64)));
  list('tool_agentic_hints', s.toolAgenticTags);
  list('behaviour_hints', s.behaviouralHints);
  if (s.filesTouched.length) lines.push(`files_touched: ${s.filesTouched.length}`);
  const groups = Object.entries(s.keywordHits).filter(([, words]) => words.length > 0);
  if (groups.length) lines.push(`keyword_hints: ${groups.map(([g, words]) => `${g}: ${words.join(', ')}`).join('; ')}`);
  lines.push(`last_request_chars: ${s.lastRequestChars}`);
  lines.push(`reply_chars: ${s.replyChars}`);
  return escapeForPrompt(lines.join('\n'));
}
