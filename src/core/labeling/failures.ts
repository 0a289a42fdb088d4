import { LlmError, type LlmErrorKind } from '../llm/types';
import type { FailureCode } from '../model/records';
import { isAbortError } from '../util/abort';

/** Why one call (and so the sample) failed, in the terms the store and the editor group by. */
export interface CallFailure {
  code: FailureCode;
  message: string;
  httpStatus?: number;
}

const CODE_OF_KIND: Readonly<Record<Exclude<LlmErrorKind, 'auth' | 'aborted'>, FailureCode>> = {
  context_length: 'context_length',
  content_filter: 'content_filtered',
  timeout: 'timeout',
  rate_limited: 'retries_exhausted',
  server: 'retries_exhausted',
  network: 'retries_exhausted',
  malformed: 'retries_exhausted',
  bad_request: 'http_error',
};

/**
 * Errors that must end the run rather than fail one sample: a cancelled run, and auth/billing failures
 * (every other sample would fail the same way).
 */
export function stopsTheRun(err: unknown): boolean {
  if (isAbortError(err)) return true;
  return err instanceof LlmError && (err.fatal || err.kind === 'aborted');
}

/** Map an error thrown by the LLM client to a sample failure. Call only for errors that do not stop the run. */
export function failureFromError(err: unknown): CallFailure {
  if (err instanceof LlmError && err.kind !== 'auth' && err.kind !== 'aborted') {
    const failure: CallFailure = { code: CODE_OF_KIND[err.kind], message: err.message };
    if (err.details.httpStatus !== undefined) failure.httpStatus = err.details.httpStatus;
    return failure;
  }
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
