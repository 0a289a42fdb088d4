import { EXIT, UsageError } from './args';
import { dashboardCommand, dashboardHelp } from './commands/dashboard';
import { exportCommand, exportHelp } from './commands/export';
import { labelCommand, labelHelp } from './commands/label';
import { scoreCommand, scoreHelp } from './commands/score';
import { selectCommand, selectHelp } from './commands/select';
import { statsCommand, statsHelp } from './commands/stats';
import { validateCommand, validateHelp } from './commands/validate';

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; help: string; summary: string }> = {
  label: { run: labelCommand, help: labelHelp, summary: 'tag every assistant reply with the taxonomy (Pass 1)' },
  score: { run: scoreCommand, help: scoreHelp, summary: 'score labeled replies: complexity, quality, reasoning, rarity, value (Pass 2)' },
  select: { run: selectCommand, help: selectHelp, summary: 'keep the best rows by value, selection, tags and quotas, with a coverage report' },
  validate: { run: validateCommand, help: validateHelp, summary: 'check a taxonomy and print problems as file:line:col' },
  stats: { run: statsCommand, help: statsHelp, summary: 'statistics of labeled datasets' },
  export: { run: exportCommand, help: exportHelp, summary: 'write sft-label-compatible labeled.json[l] and stats' },
  dashboard: { run: dashboardCommand, help: dashboardHelp, summary: 'write the dashboard of labeled data as one HTML file' },
};

const USAGE = `Usage: sft-labeler <command> [options]

Label supervised fine-tuning conversation datasets (JSON/JSONL: ShareGPT, OpenAI messages, Pangu,
Alpaca) with a 9-dimension capability taxonomy through any OpenAI-compatible endpoint.

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join('\n')}

Run "sft-labeler <command> --help" for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? EXIT.ok : EXIT.error;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${USAGE}`);
    return EXIT.error;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${command.help}`);
      return EXIT.error;
    }
    console.error(`Error: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = EXIT.error;
    },
  );
}
