// Imported first by main.ts, before any message is validated. zod probes `new Function` once to decide
// whether to compile its parsers; under the page's CSP (no 'unsafe-eval') the probe fails anyway and would
// be reported as a CSP violation. Jitless parsing is all the page needs.
import * as z from 'zod/mini';

z.config({ jitless: true });
