import { loadTaxonomy } from '../../core/taxonomy/load';
import { formatProblem } from '../../core/taxonomy/validate';
import { EXIT, parse } from '../args';

export const validateHelp = `Usage: sft-labeler validate [path]

Check a taxonomy (a YAML file, or a folder with taxonomy.yaml and tags/*.yaml) and print every
problem as file:line:col. Without a path, checks the bundled taxonomy.

Exit code: 0 when there are no errors (warnings allowed), 1 otherwise.`;

export async function validateCommand(argv: string[]): Promise<number> {
  const { positionals } = parse(argv, {});
  const target = positionals[0];
  const { taxonomy, problems } = await loadTaxonomy(target);
  for (const p of problems) console.log(formatProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (taxonomy) {
    const tags = taxonomy.categories.reduce((n, c) => n + c.tags.length, 0);
    console.log(
      `${taxonomy.origin}: ${taxonomy.categories.length} categories, ${tags} tags, ${errors} errors, ${warnings} warnings (hash ${taxonomy.hash.slice(0, 12)})`,
    );
  } else {
    console.log(`${target ?? 'bundled taxonomy'}: ${errors} errors, ${warnings} warnings`);
  }
  return errors ? EXIT.error : EXIT.ok;
}
