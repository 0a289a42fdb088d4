import type { Taxonomy } from '../taxonomy/types';
import { compileKeywords } from './keywords';

/**
 * Languages a sample shows without asking a model: code-fence info strings and framework names.
 * Every result is checked against the loaded taxonomy, so a trimmed user taxonomy never gets an unknown id.
 */

/**
 * Fence info strings that the taxonomy's own aliases do not cover, or cover ambiguously. Looked up before the
 * taxonomy so `console` or `tsx` resolve even when a user taxonomy has thinner alias lists.
 */
const FENCE_NAMES: Readonly<Record<string, string>> = {
  ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript', node: 'javascript', nodejs: 'javascript',
  vue: 'javascript', svelte: 'javascript',
  sh: 'shell', bash: 'shell', zsh: 'shell', ksh: 'shell', fish: 'shell', shell: 'shell', console: 'shell',
  'shell-session': 'shell', shellsession: 'shell', terminal: 'shell',
  ps1: 'powershell', pwsh: 'powershell', ps: 'powershell',
  yml: 'yaml', dockerfile: 'dockerfile', docker: 'dockerfile', containerfile: 'dockerfile',
  'docker-compose': 'yaml', compose: 'yaml', k8s: 'yaml', helm: 'yaml',
  py: 'python', py3: 'python', python3: 'python', ipython: 'python', pycon: 'python', jupyter: 'python',
  rb: 'ruby', rs: 'rust', golang: 'go', kt: 'kotlin', kts: 'kotlin',
  'c++': 'cpp', cc: 'cpp', cxx: 'cpp', hpp: 'cpp', 'h++': 'cpp', cuda: 'cpp', cu: 'cpp', h: 'c',
  cs: 'csharp', 'c#': 'csharp', 'f#': 'fsharp', fs: 'fsharp', objc: 'objective-c', objectivec: 'objective-c',
  tf: 'hcl', terraform: 'hcl', nginx: 'nginx-config', nginxconf: 'nginx-config',
  make: 'makefile', mk: 'makefile', htm: 'html', xhtml: 'html',
  scss: 'css', sass: 'css', less: 'css', postcss: 'css',
  psql: 'sql', postgres: 'sql', postgresql: 'sql', mysql: 'sql', sqlite: 'sql', plsql: 'sql', tsql: 'sql', pgsql: 'sql',
  md: 'markdown', tex: 'latex', jsonc: 'json', json5: 'json', jsonl: 'json',
  svg: 'xml', xsd: 'xml', xaml: 'xml', xsl: 'xml', ini: 'ini', cfg: 'ini', conf: 'ini', env: 'dotenv',
  sol: 'solidity', asm: 'assembly', nasm: 'assembly', x86asm: 'assembly', armasm: 'assembly',
  jl: 'julia', ex: 'elixir', exs: 'elixir', erl: 'erlang', hs: 'haskell', clj: 'clojure', cljs: 'clojure',
  vb: 'vba', sv: 'verilog', systemverilog: 'verilog', ml: 'ocaml', j2: 'jinja', jinja2: 'jinja', hbs: 'handlebars',
  rst: 'restructuredtext', ahk: 'autohotkey', f90: 'fortran', f95: 'fortran', pas: 'pascal', elisp: 'lisp',
  'emacs-lisp': 'lisp', rkt: 'racket', bzl: 'bazel', starlark: 'bazel', pine: 'pinescript', mql4: 'mql5', gd: 'gdscript',
};

/** Fence words that name a format we do not label as a language, or no language at all. */
const NOT_A_LANGUAGE = new Set(['text', 'txt', 'plaintext', 'plain', 'output', 'log', 'diff', 'patch', 'cot', 'none', 'math']);

/**
 * Framework and library mentions → language, matched case-sensitively so "React" the library is not "react" the
 * verb. `js-or-ts` resolves to typescript when the sample shows TypeScript anywhere.
 */
const FRAMEWORKS = compileKeywords(
  {
    'js-or-ts': ['React', 'React.js', 'ReactJS', 'useState(', 'useEffect(', 'useMemo(', 'useRef(', 'Next.js', 'NextJS', 'next/router',
      'next/link', 'Vue', 'Vue.js', 'Vue3', 'Nuxt', 'Nuxt.js', 'Svelte', 'SvelteKit'],
    typescript: ['Angular', 'NestJS', 'Deno'],
    javascript: ['Node.js', 'NodeJS', 'Express.js', 'ExpressJS', "require('express')", 'require("express")', 'jQuery'],
    python: ['Django', 'Flask', 'FastAPI', 'fastapi', 'pandas', 'NumPy', 'numpy', 'PyTorch', 'import torch', 'TensorFlow', 'Keras',
      'scikit-learn', 'sklearn', 'matplotlib', 'SQLAlchemy', 'Pydantic', 'Streamlit', 'asyncio'],
    java: ['Spring Boot', 'Spring MVC', 'Spring Framework', 'Spring Data', 'Spring Security', 'Spring Cloud', '@SpringBootApplication',
      'Hibernate', 'JUnit'],
    dart: ['Flutter'],
    hcl: ['Terraform', 'terraform plan', 'terraform apply', 'terraform init'],
    ruby: ['Ruby on Rails', 'Rails', 'ActiveRecord'],
    php: ['Laravel', 'Symfony', 'WordPress'],
    csharp: ['ASP.NET', '.NET Core', 'Entity Framework', 'Blazor'],
    swift: ['SwiftUI', 'UIKit'],
    kotlin: ['Jetpack Compose', 'Ktor'],
    rust: ['Tokio', 'Actix', 'cargo build', 'cargo run', 'cargo test', 'cargo add'],
    go: ['goroutine', 'goroutines', 'go mod init', 'go mod tidy'],
    yaml: ['Ansible', 'Helm chart', 'docker-compose'],
    css: ['Tailwind', 'TailwindCSS'],
  },
  { caseSensitive: true },
);

const TYPESCRIPT_EVIDENCE = /\bTypeScript\b|\.tsx?\b|\binterface \w+ \{|: (?:string|number|boolean)\b/;

const FENCE_LINE = /^[ \t]*(?:`{3,}|~{3,})[ \t]*\{?\.?([A-Za-z0-9_+#.-]*)/gm;

/** Language ids of one fence info string (`tsx`, `Python3`, `c++`), or undefined when it names none. */
export function languageOfFence(name: string, taxonomy: Taxonomy): string | undefined {
  const key = name.trim().toLowerCase();
  if (!key || NOT_A_LANGUAGE.has(key)) return undefined;
  const own = FENCE_NAMES[key];
  if (own && taxonomy.has('language', own)) return own;
  if (taxonomy.has('language', key)) return key;
  return taxonomy.resolveAlias('language', key);
}

/** Fence info strings and fence-line count of one text. */
export function scanFences(text: string): { names: string[]; fenceLines: number } {
  const names: string[] = [];
  let fenceLines = 0;
  FENCE_LINE.lastIndex = 0;
  for (const m of text.matchAll(FENCE_LINE)) {
    fenceLines++;
    if (m[1]) names.push(m[1]);
  }
  return { names, fenceLines };
}

/** Languages implied by framework names in `text`; `fenceLanguages` settle React-style JS-or-TS ambiguity. */
export function frameworkLanguages(text: string, fenceLanguages: readonly string[], taxonomy: Taxonomy): string[] {
  const found = new Set<string>();
  let typescript: boolean | undefined;
  for (const lang of FRAMEWORKS.scan(text).counts.keys()) {
    let id: string = lang;
    if (lang === 'js-or-ts') {
      typescript ??= fenceLanguages.includes('typescript') || TYPESCRIPT_EVIDENCE.test(text);
      id = typescript ? 'typescript' : 'javascript';
    }
    if (taxonomy.has('language', id)) found.add(id);
  }
  return [...found];
}

/**
 * Languages named in a request ("in Rust", "用 Python 写"). Used by the heuristic labeler only: the LLM reads the
 * request itself. Case-sensitive where the word is also an English word (Go, R, C).
 */
const MENTIONS: readonly (readonly [RegExp, string])[] = [
  [/\bpython\b|python3/i, 'python'],
  [/\bjavascript\b|\bnode\.?js\b/i, 'javascript'],
  [/\btypescript\b/i, 'typescript'],
  [/\bjava\b(?!\s*script)/i, 'java'],
  [/\bC\+\+|\bcpp\b/i, 'cpp'],
  [/\bC#|\bcsharp\b/i, 'csharp'],
  [/\bC语言|\bin C\b|\bC program|\bANSI C\b/, 'c'],
  [/\brust\b/i, 'rust'],
  [/\bgolang\b|\bGo语言|\bin Go\b|\bGo (?:code|program|function|service)\b/, 'go'],
  [/\bkotlin\b/i, 'kotlin'],
  [/\bSwift\b/, 'swift'],
  [/\bRuby\b/, 'ruby'],
  [/\bPHP\b/i, 'php'],
  [/\bSQL\b|\bPostgreSQL\b|\bMySQL\b|\bSQLite\b/i, 'sql'],
  [/\bbash\b|\bshell script|\bshell 脚本|\bzsh\b/i, 'shell'],
  [/\bPowerShell\b/i, 'powershell'],
  [/\bscala\b/i, 'scala'],
  [/\bhaskell\b/i, 'haskell'],
  [/\bLua\b/, 'lua'],
  [/\bPerl\b/, 'perl'],
  [/\bR语言|\bin R\b|\bR script\b|\bggplot2?\b|\bdplyr\b/, 'r'],
  [/\bMATLAB\b/i, 'matlab'],
  [/\bDart\b/, 'dart'],
  [/\bElixir\b/, 'elixir'],
  [/\bJulia\b(?= (?:code|language|function|script))/, 'julia'],
  [/\bSolidity\b/i, 'solidity'],
  [/\bDockerfile\b/i, 'dockerfile'],
  [/\bYAML\b/i, 'yaml'],
  [/\bHTML5?\b/i, 'html'],
  [/\bCSS3?\b/i, 'css'],
  [/\bVerilog\b/i, 'verilog'],
  [/\bAssembly\b|\b汇编/, 'assembly'],
];

/** Language ids explicitly named in `text` that the taxonomy knows. */
export function mentionedLanguages(text: string, taxonomy: Taxonomy): string[] {
  const found: string[] = [];
  for (const [pattern, id] of MENTIONS) {
    if (pattern.test(text) && taxonomy.has('language', id) && !found.includes(id)) found.push(id);
  }
  return found;
}
