import type { Turn } from '../model/conversation';

/**
 * What the agent did with tools, read from tool turns and tool calls: tool names, shell commands, files touched
 * and whether it recovered from an error. These are hints for the labeler (and the heuristic labeler's answer),
 * so they err on the side of precision: a command counts only when its first word looks like a command.
 */

const TOOL_ROLES = new Set(['tool', 'function', 'observation', 'ipython', 'tool_result', 'tool_response']);

/** A turn that carries a tool's output back to the model. */
export function isToolTurn(turn: Turn): boolean {
  return TOOL_ROLES.has(turn.role);
}

/** Tool names (normalised: lowercase, non-alphanumerics → `_`) → agentic tag ids. */
const TOOL_NAMES: Readonly<Record<string, readonly string[]>> = {
  bash: ['bash-execution'], shell: ['bash-execution'], sh: ['bash-execution'], terminal: ['bash-execution'],
  run_command: ['bash-execution'], execute_command: ['bash-execution'], run_shell_command: ['bash-execution'],
  run_terminal_cmd: ['bash-execution'], execute_bash: ['bash-execution'], exec: ['bash-execution'], command: ['bash-execution'],
  read_file: ['file-operations'], write_file: ['file-operations'], edit_file: ['file-operations'], create_file: ['file-operations'],
  str_replace_editor: ['file-operations'], str_replace_based_edit_tool: ['file-operations'], view_file: ['file-operations'],
  open_file: ['file-operations'], list_dir: ['file-operations'], list_directory: ['file-operations'], list_files: ['file-operations'],
  glob: ['file-operations'], grep: ['file-operations'], search_files: ['file-operations'], find_file: ['file-operations'],
  file_search: ['file-operations'], read: ['file-operations'], write: ['file-operations'], edit: ['file-operations'],
  multiedit: ['file-operations'], ls: ['file-operations'], apply_patch: ['file-operations'],
  web_search: ['web-search'], search: ['web-search'], google_search: ['web-search'], bing_search: ['web-search'],
  search_web: ['web-search'], browse: ['web-search'], web_fetch: ['web-search'], fetch: ['web-search'], tavily_search: ['web-search'],
  python: ['code-execution'], ipython: ['code-execution'], code_interpreter: ['code-execution'], execute_python: ['code-execution'],
  run_python: ['code-execution'], run_code: ['code-execution'], execute_code: ['code-execution'], jupyter: ['code-execution'],
  git: ['git-operations'], git_commit: ['git-operations'], git_diff: ['git-operations'], git_status: ['git-operations'],
  run_tests: ['test-running'], pytest: ['test-running'], run_test: ['test-running'],
  sql: ['database-query'], run_sql: ['database-query'], execute_sql: ['database-query'], query_database: ['database-query'], db_query: ['database-query'],
  http_request: ['api-calling'], api_call: ['api-calling'], call_api: ['api-calling'], curl: ['api-calling'],
  browser: ['ui-automation'], browser_action: ['ui-automation'], playwright: ['ui-automation'], puppeteer: ['ui-automation'],
  computer: ['ui-automation'], click: ['ui-automation'], screenshot: ['ui-automation', 'visual-understanding'],
  task: ['subagent-management'], agent: ['subagent-management'], dispatch_agent: ['subagent-management'], spawn_agent: ['subagent-management'],
  ask_user: ['user-interaction'], ask_followup_question: ['user-interaction'], ask_human: ['user-interaction'],
  todo_write: ['planning'], todowrite: ['planning'], update_plan: ['planning'],
  lint: ['static-analysis'], eslint: ['static-analysis'], mypy: ['static-analysis'], type_check: ['static-analysis'],
  build: ['build-execution'], compile: ['build-execution'],
  install_package: ['dependency-installation'], pip_install: ['dependency-installation'],
  memory: ['context-management'], save_memory: ['context-management'],
  view_image: ['visual-understanding'],
};

/** Substring fallbacks for tool names not in the table, most specific first. */
const TOOL_NAME_PARTS: readonly (readonly [RegExp, string])[] = [
  [/search.*(web|google|bing|internet)|(web|google|bing|internet).*search/, 'web-search'],
  [/bash|shell|terminal|command/, 'bash-execution'],
  [/test/, 'test-running'],
  [/sql|database|db_/, 'database-query'],
  [/browser|click|screenshot/, 'ui-automation'],
  [/file|dir|folder|patch|edit/, 'file-operations'],
  [/python|code|notebook/, 'code-execution'],
  [/git/, 'git-operations'],
  [/http|api|request/, 'api-calling'],
];

/** Agentic tags implied by calling a tool of this name. */
export function agenticTagsForToolName(name: string): string[] {
  const key = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  const exact = TOOL_NAMES[key];
  if (exact) return [...exact];
  for (const [pattern, tag] of TOOL_NAME_PARTS) if (pattern.test(key)) return [tag];
  return [];
}

const FILE_COMMANDS = new Set([
  'cat', 'ls', 'grep', 'rg', 'egrep', 'find', 'head', 'tail', 'sed', 'awk', 'less', 'more', 'tree', 'wc', 'touch',
  'mkdir', 'cp', 'mv', 'rm', 'chmod', 'stat', 'diff', 'patch', 'vim', 'nano', 'echo', 'fd', 'ag',
]);
const RUNTIMES = new Set(['python', 'python3', 'node', 'ruby', 'deno', 'bun', 'php', 'perl', 'java', 'Rscript', 'julia', 'lua']);
const TEST_COMMANDS = new Set(['pytest', 'jest', 'vitest', 'mocha', 'rspec', 'phpunit', 'tox', 'nosetests', 'ctest']);
const LINTERS = new Set(['eslint', 'flake8', 'pylint', 'mypy', 'ruff', 'shellcheck', 'clippy', 'golangci-lint', 'tslint', 'pyright']);
const BUILDERS = new Set(['make', 'cmake', 'ninja', 'gcc', 'g++', 'clang', 'clang++', 'javac', 'tsc', 'gradle', 'bazel', 'msbuild', 'webpack', 'vite']);
const PACKAGE_MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'pip', 'pip3', 'poetry', 'cargo', 'go', 'apt', 'apt-get', 'brew', 'gem', 'composer', 'conda', 'uv', 'bundle', 'dotnet', 'mvn']);
const INSTALL_VERBS = new Set(['install', 'add', 'get', 'i', 'sync']);
const KNOWN_COMMANDS = new Set([
  ...FILE_COMMANDS, ...RUNTIMES, ...TEST_COMMANDS, ...LINTERS, ...BUILDERS, ...PACKAGE_MANAGERS,
  'git', 'curl', 'wget', 'http', 'psql', 'mysql', 'sqlite3', 'mongosh', 'redis-cli', 'cd', 'pwd', 'sudo', 'docker',
  'kubectl', 'alembic', 'export', 'env', 'ps', 'kill', 'top', 'df', 'du', 'bash', 'sh', 'source', 'terraform', 'ssh',
]);

/** Agentic tags implied by one shell command line (`cd app && pytest -q`, `sudo apt-get install jq`). */
export function agenticTagsForCommand(command: string): string[] {
  const tags = new Set<string>(['bash-execution']);
  for (const part of command.split(/&&|\|\||[;|]/)) {
    const words = part.trim().split(/\s+/).filter((w) => !/^\w+=/.test(w));
    if (words[0] === 'sudo') words.shift();
    const [cmd = '', sub = '', third = ''] = words;
    const base = cmd.replace(/^.*\//, '');
    if (FILE_COMMANDS.has(base)) tags.add('file-operations');
    if (base === 'git') tags.add('git-operations');
    if (PACKAGE_MANAGERS.has(base) && INSTALL_VERBS.has(sub)) tags.add('dependency-installation');
    if (
      TEST_COMMANDS.has(base) ||
      (['go', 'cargo', 'npm', 'yarn', 'pnpm', 'mvn', 'dotnet', 'bun', 'deno'].includes(base) && sub === 'test') ||
      (base.startsWith('python') && sub === '-m' && ['pytest', 'unittest'].includes(third)) ||
      (['npm', 'yarn', 'pnpm'].includes(base) && sub === 'run' && /^test/.test(third))
    ) {
      tags.add('test-running');
    } else if (RUNTIMES.has(base) || (base === 'go' && sub === 'run') || (base === 'cargo' && sub === 'run') || base.startsWith('./')) {
      tags.add('code-execution');
    }
    if (BUILDERS.has(base) || (['cargo', 'go', 'dotnet'].includes(base) && sub === 'build') ||
      (['npm', 'yarn', 'pnpm'].includes(base) && sub === 'run' && third === 'build') || (base === 'mvn' && ['compile', 'package'].includes(sub))) {
      tags.add('build-execution');
    }
    if (LINTERS.has(base) || (base === 'cargo' && sub === 'clippy')) tags.add('static-analysis');
    if (base === 'curl' || base === 'wget' || base === 'http') tags.add('api-calling');
    if (['psql', 'mysql', 'sqlite3', 'mongosh', 'redis-cli'].includes(base)) tags.add('database-query');
  }
  return [...tags];
}

/** First word of a command line, as a shell would see it (after `sudo` and `VAR=x`). */
function commandWord(line: string): string {
  const words = line.trim().split(/\s+/).filter((w) => !/^\w+=/.test(w));
  const first = words[0] === 'sudo' ? words[1] : words[0];
  return (first ?? '').replace(/^.*\//, '');
}

function looksLikeCommand(line: string): boolean {
  const word = commandWord(line);
  return KNOWN_COMMANDS.has(word) || line.trim().startsWith('./');
}

const PROMPT_LINE = /^[ \t]*([$#])[ \t]+(\S.*)$/gm;
const JSON_COMMAND = /"(?:command|cmd)"\s*:\s*"((?:[^"\\]|\\.){1,500})"/g;
const TOOL_CALL_BLOCK = /<tool_call>([\s\S]{0,4000}?)<\/tool_call>|\[unused11\]([\s\S]{0,4000}?)\[unused12\]|"function"\s*:\s*(\{[\s\S]{0,400})/g;
const TOOL_CALL_NAME = /"(?:name|tool_name|tool)"\s*:\s*"([A-Za-z_][\w.:-]{0,63})"/;
const REACT_ACTION = /^Action:\s*([A-Za-z_][\w.-]{0,63})\s*$/gm;
/** A source-file extension ending a path; the path itself is found by walking back from it (much cheaper). */
const FILE_EXTENSION =
  /\.(?:py|pyi|ts|tsx|js|jsx|mjs|cjs|java|kt|go|rs|rb|php|c|h|cc|cpp|hpp|cs|swift|scala|sh|ya?ml|json|toml|md|html|css|scss|sql|vue|svelte|ini|cfg|xml|gradle|txt|ipynb|proto|tf|dart|lua|ex|exs|lock)(?![\w/])/g;
const PATH_CHAR = /[\w.@/-]/;
const ERROR_WORDS = /(?<!\b(?:0|no) )\b(?:error|errors|failed|failure|exception|traceback|panic(?:ked)?|fatal)\b|报错|错误|失败|异常/i;

/** At most this many characters of one turn are scanned; trajectories can carry megabyte-long tool outputs. */
const SCAN_LIMIT = 100_000;
function scanText(text: string): string {
  return text.length <= SCAN_LIMIT ? text : text.slice(0, SCAN_LIMIT / 2) + '\n' + text.slice(-SCAN_LIMIT / 2);
}

export interface ToolEvidence {
  toolTurnCount: number;
  /** Distinct tool names seen in tool turns and tool calls, in first-seen order. */
  toolNames: string[];
  /** Distinct shell commands (first 40). */
  commands: string[];
  /** Distinct file paths named in tool turns and tool calls (first 50). */
  filePaths: string[];
  /** Agentic tag ids implied by the names and commands above. */
  agenticTags: string[];
  /** A tool turn reported an error and the conversation went on. */
  errorRecovery: boolean;
}

/** Read every tool turn and assistant tool call of `turns`. */
export function collectToolEvidence(turns: readonly Turn[]): ToolEvidence {
  const toolNames: string[] = [];
  const commands: string[] = [];
  const filePaths: string[] = [];
  const tags = new Set<string>();
  let toolTurnCount = 0;
  let errorRecovery = false;
  const hasTools = turns.some((t) => isToolTurn(t) || (t.role === 'assistant' && t.toolName));

  const addName = (name: string) => {
    if (!toolNames.includes(name)) toolNames.push(name);
    for (const tag of agenticTagsForToolName(name)) tags.add(tag);
  };
  const addCommand = (command: string) => {
    const c = command.trim();
    if (!c || commands.includes(c)) return;
    if (commands.length < 40) commands.push(c);
    for (const tag of agenticTagsForCommand(c)) tags.add(tag);
  };
  const addPaths = (text: string) => {
    for (const m of text.matchAll(FILE_EXTENSION)) {
      if (filePaths.length >= 50) return;
      let start = m.index;
      while (start > 0 && PATH_CHAR.test(text[start - 1]!)) start--;
      const path = text.slice(start, m.index + m[0].length).replace(/^\.\//, '');
      // "a.py" needs a name before the dot; "e.g." style text and bare extensions are not paths.
      if (/^[\w@-]/.test(path.replace(/^.*\//, '')) && !filePaths.includes(path)) filePaths.push(path);
    }
  };

  turns.forEach((turn, i) => {
    const text = scanText(turn.text);
    if (isToolTurn(turn)) {
      toolTurnCount++;
      if (turn.toolName) addName(turn.toolName);
      for (const m of text.matchAll(PROMPT_LINE)) {
        const line = m[2]!;
        if (m[1] === '$' ? /^[\w./-]/.test(line) : looksLikeCommand(line)) addCommand(line);
      }
      addPaths(text);
      if (!errorRecovery && i < turns.length - 1 && ERROR_WORDS.test(text)) errorRecovery = true;
    } else if (turn.role === 'assistant' && hasTools) {
      if (turn.toolName) addName(turn.toolName);
      for (const m of text.matchAll(TOOL_CALL_BLOCK)) {
        const block = m[1] ?? m[2] ?? m[3] ?? '';
        const name = TOOL_CALL_NAME.exec(block)?.[1];
        if (name) addName(name);
        addPaths(block);
      }
      for (const m of text.matchAll(REACT_ACTION)) addName(m[1]!);
      for (const m of text.matchAll(JSON_COMMAND)) {
        const command = m[1]!.replace(/\\n/g, '\n').replace(/\\(.)/g, '$1').split('\n')[0]!;
        if (looksLikeCommand(command)) addCommand(command);
      }
    }
  });

  return { toolTurnCount, toolNames, commands, filePaths, agenticTags: [...tags], errorRecovery };
}
