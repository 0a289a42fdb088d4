// "SFT: Score Current File" (Pass 2 on labeled samples) and "SFT: Label and Score Current File" (Pass 1 then 2).
import { commandTargets } from '../util/datasetUris';
import { runPassOnUris, type LabelServices } from './labelCommands';
import type { RunOutcome } from './runJob';

/** "SFT: Score Current File": the Explorer selection, the editor's file, or the URI passed by a caller. */
export function scoreCurrentFile(services: LabelServices, args: readonly unknown[]): Promise<RunOutcome[]> {
  return runPassOnUris(services, commandTargets(args), 'score');
}

/** "SFT: Label and Score Current File": labels what is missing or stale, then scores what changed. */
export function labelAndScoreCurrentFile(services: LabelServices, args: readonly unknown[]): Promise<RunOutcome[]> {
  return runPassOnUris(services, commandTargets(args), 'label+score');
}

