import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { buildTaxonomy } from './model';
import { PROBLEM_CODES as C } from './problems';
import { fileStartRange, type TaxonomyText } from './source';
import type { Taxonomy, TaxonomyProblem } from './types';
import { analyzeTaxonomyTexts } from './validate';

export { CategorySchema, RootFileSchema, SubcategorySchema, TagFileSchema, TagSchema } from './schema';
export type { TaxonomyText } from './source';

/** What loading returns: a taxonomy only when there are no errors; warnings may accompany it. */
export interface TaxonomyLoadResult {
  taxonomy?: Taxonomy;
  problems: TaxonomyProblem[];
}

const ROOT_FILE_NAMES = ['taxonomy.yaml', 'taxonomy.yml'];
const TAG_FOLDER = 'tags';

/**
 * The bundled `taxonomy/` folder, found by walking up from `start` until a directory holds
 * `taxonomy/taxonomy.yaml`. This finds it from the sources (`src/core/taxonomy` under tsx)
 * and from bundles in `dist/`, as long as the folder ships next to them.
 */
export function findBundledTaxonomyDir(start: string = moduleDir()): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, 'taxonomy');
    if (existsSync(join(candidate, 'taxonomy.yaml'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function moduleDir(): string {
  // CommonJS (tsx, esbuild bundles) defines __dirname; fall back to the working directory elsewhere.
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}

/**
 * Loads a taxonomy. Without `location`, the bundled one. `location` may be:
 * - a folder with `taxonomy.yaml` and optionally `tags/*.yaml` (the bundled layout);
 * - a single YAML file with tags inline under `categories[].tags`; if that file is named
 *   `taxonomy.yaml`, a sibling `tags/` folder is read as well.
 */
export async function loadTaxonomy(location?: string): Promise<TaxonomyLoadResult> {
  const target = location === undefined ? findBundledTaxonomyDir() : resolve(location);
  if (target === undefined) {
    return failure('(bundled taxonomy)', C.notFound, 'the bundled taxonomy folder (taxonomy/taxonomy.yaml) was not found');
  }
  let paths: string[];
  try {
    paths = await taxonomyFilePaths(target);
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    const message = missing ? `no taxonomy file or folder at ${target}` : `cannot read taxonomy at ${target}: ${errorText(err)}`;
    return failure(target, C.notFound, message);
  }
  if (paths.length === 0) {
    return failure(target, C.notFound, `no taxonomy.yaml in ${target}`);
  }
  const texts: TaxonomyText[] = [];
  const unreadable: TaxonomyProblem[] = [];
  for (const path of paths) {
    try {
      // Editors drop a byte-order mark from the text they show; drop it too so columns on line 1 agree.
      texts.push({ path, text: (await readFile(path, 'utf8')).replace(/^\uFEFF/, '') });
    } catch (err) {
      unreadable.push(problemAt(path, C.unreadable, `cannot read file: ${errorText(err)}`));
    }
  }
  const result = loadTaxonomyFromTexts(texts, target);
  if (unreadable.length === 0) return result;
  return { problems: [...unreadable, ...result.problems] };
}

/**
 * Validates and builds a taxonomy from file texts (pure; used by the editor for unsaved buffers).
 * `origin` names the taxonomy in messages; by default the root file's path.
 */
export function loadTaxonomyFromTexts(files: readonly TaxonomyText[], origin?: string): TaxonomyLoadResult {
  const { problems, shape } = analyzeTaxonomyTexts(files);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  const taxonomy = buildTaxonomy(shape, origin ?? shape.root?.path ?? '(taxonomy)');
  return { taxonomy, problems };
}

/** The files that make up the taxonomy at `target`: the root file first, then tag files by name. */
async function taxonomyFilePaths(target: string): Promise<string[]> {
  const info = await stat(target);
  if (info.isDirectory()) {
    const root = ROOT_FILE_NAMES.map((name) => join(target, name)).find((p) => existsSync(p));
    return root ? [root, ...(await tagFilePaths(join(target, TAG_FOLDER)))] : [];
  }
  const withFolder = ROOT_FILE_NAMES.includes(basename(target));
  return [target, ...(withFolder ? await tagFilePaths(join(dirname(target), TAG_FOLDER)) : [])];
}

async function tagFilePaths(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return [];
  const names = await readdir(folder);
  return names
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(folder, name));
}

function failure(file: string, code: string, message: string): TaxonomyLoadResult {
  return { problems: [problemAt(file, code, message)] };
}

function problemAt(file: string, code: string, message: string): TaxonomyProblem {
  return { file, severity: 'error', code, message, range: fileStartRange() };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
