/** Pieces the throughput benchmarks share: the test server in its own process, and the report line. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as path from 'node:path';
import { createInterface } from 'node:readline';

export interface ServerProcess {
  url: string;
  stats(): Promise<{ totalRequests: number; maxInFlight: number }>;
  stop(): void;
}

/** The loopback server in a process of its own, so the CPU a benchmark reports is ours alone. */
export async function startServerProcess(latencyMs: number): Promise<ServerProcess> {
  const main = path.join(__dirname, '..', 'test', 'server', 'main.ts');
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', main, '--latency-ms', String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [firstLine] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const url = (JSON.parse(firstLine) as { url: string }).url;
  return {
    url,
    stats: async () => (await (await fetch(url.replace(/\/v1$/, '') + '/__stats')).json()) as { totalRequests: number; maxInFlight: number },
    stop: () => child.kill('SIGTERM'),
  };
}

export function round(n: number, dp = 2): number {
  return Math.round(n * 10 ** dp) / 10 ** dp;
}

/** Time a run and the CPU this process spent on it. */
export async function measure<T>(run: () => Promise<T>): Promise<{ result: T; seconds: number; cpuSeconds: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await run();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { result, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/**
 * Print the human summary and the one JSON line of a throughput benchmark. `callsPerSample` sets the
 * ideal: concurrency / (calls × latency).
 */
export function reportThroughput(r: {
  bench: string;
  verb: string;
  samples: number;
  done: number;
  failed: number;
  latencyMs: number;
  concurrency: number;
  callsPerSample: number;
  seconds: number;
  cpuSeconds: number;
  server: { totalRequests: number; maxInFlight: number };
}): void {
  const rate = r.done / r.seconds;
  const ideal = r.concurrency / (r.callsPerSample * (r.latencyMs / 1000));
  console.log(`${r.verb} ${r.done}/${r.samples} samples in ${r.seconds.toFixed(2)} s: ${rate.toFixed(1)} samples/s (ideal ${ideal.toFixed(1)})`);
  console.log(`requests ${r.server.totalRequests}, max in flight ${r.server.maxInFlight}, CPU ${r.cpuSeconds.toFixed(2)} s (this process only; the server runs in its own)`);
  console.log(
    JSON.stringify({
      bench: r.bench,
      samples: r.samples,
      [r.verb]: r.done,
      failed: r.failed,
      latency_ms: r.latencyMs,
      concurrency: r.concurrency,
      seconds: round(r.seconds),
      samples_per_s: round(rate),
      ideal_samples_per_s: round(ideal),
      fraction_of_ideal: round(rate / ideal, 3),
      cpu_s_per_1000_samples: round((r.cpuSeconds / r.samples) * 1000),
      requests: r.server.totalRequests,
      max_in_flight: r.server.maxInFlight,
    }),
  );
}
