// Which files make up a taxonomy, seen from one YAML file. Free of the `vscode` module (unit-tested in Node).
import { existsSync, promises as fs, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Names of a taxonomy's root file; tag files sit in a `tags/` folder beside it. */
export const ROOT_FILE_NAMES = ['taxonomy.yaml', 'taxonomy.yml'] as const;
const TAG_FOLDER = 'tags';

function isYaml(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** The root file inside a taxonomy folder, if it has one. */
export function rootFileIn(folder: string): string | undefined {
  return ROOT_FILE_NAMES.map((name) => join(folder, name)).find((p) => existsSync(p));
}

/**
 * The root file of the taxonomy `file` belongs to, or undefined when it belongs to none:
 * - the configured single-file taxonomy (`configuredFile`, any name) is its own root;
 * - `taxonomy.yaml` / `taxonomy.yml` is a root;
 * - `tags/<name>.yaml` belongs to the root beside the `tags/` folder, if there is one.
 */
export function taxonomyRootOf(file: string, configuredFile?: string): string | undefined {
  const path = resolve(file);
  if (!isYaml(path)) return undefined;
  if (configuredFile !== undefined && resolve(configuredFile) === path) return path;
  if ((ROOT_FILE_NAMES as readonly string[]).includes(basename(path).toLowerCase())) return path;
  const folder = dirname(path);
  if (basename(folder) === TAG_FOLDER) return rootFileIn(dirname(folder));
  return undefined;
}

/**
 * Every file of the taxonomy rooted at `root`: the root first, then (when the root is a `taxonomy.yaml`)
 * the tag files of the `tags/` folder beside it, by name, as the loader reads them.
 */
export async function taxonomyFilesOf(root: string): Promise<string[]> {
  const path = resolve(root);
  if (!(ROOT_FILE_NAMES as readonly string[]).includes(basename(path).toLowerCase())) return [path];
  const folder = join(dirname(path), TAG_FOLDER);
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [path];
  }
  return [path, ...names.filter(isYaml).sort().map((name) => join(folder, name))];
}

/** The root file of a taxonomy location (a folder or a file), as `loadTaxonomy` would pick it. */
export function rootOfLocation(location: string): string | undefined {
  try {
    return statSync(location).isDirectory() ? rootFileIn(location) : location;
  } catch {
    return undefined;
  }
}
