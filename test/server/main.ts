/**
 * Runs the test server standalone (bundled to dist/test-server.js). Prints one JSON line
 * `{"url":…,"port":…}` on stdout once listening, then serves until SIGINT/SIGTERM.
 *
 *   node dist/test-server.js [--port N] [--host H] [--latency-ms N] [--jitter-ms N] [--faults JSON]
 *     [--api-key K] [--max-prompt-chars N] [--no-json-schema] [--no-json-object] [--garbage] [--seed N]
 */
import { startTestServer, type TestServerOptions } from './index';

function parseArgs(argv: string[]): Partial<TestServerOptions> {
  const options: Partial<TestServerOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    const number = () => {
      const raw = value();
      const parsed = Number(raw);
      if (!Number.isFinite(parsed)) throw new Error(`${flag} expects a number, got "${raw}"`);
      return parsed;
    };
    switch (flag) {
      case '--port': options.port = number(); break;
      case '--host': options.host = value(); break;
      case '--latency-ms': options.latencyMs = number(); break;
      case '--jitter-ms': options.jitterMs = number(); break;
      case '--faults': options.faults = JSON.parse(value()) as TestServerOptions['faults']; break;
      case '--api-key': options.apiKey = value(); break;
      case '--max-prompt-chars': options.maxPromptChars = number(); break;
      case '--no-json-schema': options.supportsJsonSchema = false; break;
      case '--no-json-object': options.supportsJsonObject = false; break;
      case '--garbage': options.mode = 'garbage'; break;
      case '--seed': options.seed = number(); break;
      default: throw new Error(`Unknown option ${flag}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  let options: Partial<TestServerOptions>;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`test-server: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const server = await startTestServer(options);
  process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port })}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
