import { z } from 'zod';
import { SCORE_FLAGS } from '../model/records';

/**
 * The Pass 2 answer schema. The wire schema (sent as `json_schema`, or embedded in the prompt by lower rungs of
 * the ladder) is strict-mode friendly: every field required, no extra keys, integers 1–10, flags from the fixed
 * list. Locally the answer is only required to be a JSON object: `validateScoreAnswer` checks each field on its
 * own, so one bad sub-score costs that field, not the whole answer.
 */

const subScore = z.int().min(1).max(10);

export const SCORE_ANSWER_SCHEMA = z.object({
  complexity: z
    .object({ instruction: subScore, analytical_depth: subScore, implementation: subScore, overall: subScore })
    .describe('How demanding the task is.'),
  quality: z
    .object({ correctness: subScore, code_quality: subScore, explanation: subScore, completeness: subScore, overall: subScore })
    .describe('How good the final response is; overall at most correctness + 2.'),
  reasoning: z
    .object({ clarity: subScore, consistency: subScore, self_correction: z.boolean(), overall: subScore })
    .describe('How well the approach is reasoned (the written reasoning when there is one).'),
  flags: z.array(z.enum(SCORE_FLAGS)).describe('Usually empty; at most one.'),
  confidence: z.number().min(0).max(1).describe('How sure you are of these scores, 0 to 1.'),
});

export const SCORE_SCHEMA_NAME = 'pass2_score';

let wire: Record<string, unknown> | undefined;

/** JSON Schema sent to the server (built once). */
export function scoreWireSchema(): Record<string, unknown> {
  if (!wire) {
    wire = z.toJSONSchema(SCORE_ANSWER_SCHEMA) as Record<string, unknown>;
    delete wire.$schema;
  }
  return wire;
}

/** Local parse: any JSON object; fields are checked by `validateScoreAnswer`. */
export const LENIENT_SCORE_ANSWER = z.record(z.string(), z.unknown());
