/**
 * `npm run bench:endpoint`: loads GET /v1/headers with 50 connections beside a bare Node http
 * server given the same request and answering the same bytes, in the same run, and prints the
 * figures the issue sets goals for: req/s ratio (goal ≥ 0.8), p99 latency (within 2 ms of the bare server's), RSS growth over 200,000 requests
 * (≤ 20 MB). Not a test: figures depend on the machine. The servers run in a child process so
 * the load generator (autocannon, this process) and the servers each get their own core, and
 * the RSS measured is the servers' alone.
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** The slice of autocannon's API used here (it ships no types). */
interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  duration?: number;
  amount?: number;
}
interface LoadResult {
  requests: { average: number; total: number };
  duration: number;
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: LoadOptions, done: (error: Error | null, result: LoadResult) => void) => unknown;

const CONNECTIONS = 50;
const REQUESTS = 200_000;
/** At least this many interleaved rounds, more until the endpoint has answered REQUESTS. */
const MIN_ROUNDS = 8;
const SECONDS_PER_ROUND = 2;

type ServerInfo = { endpointPort: number; barePort: number; token: string; body: string };
type Memory = { rss: number; heapUsed: number; cpuMicros: number };

/** Child: the real endpoint (memory keychain, file access log) and a bare server with the same answer. */
async function runServers(): Promise<void> {
  const { AccountStore } = await import('../electron/core/accounts/account-store');
  const { EngineEndpoint } = await import('../electron/core/endpoint/engine-endpoint');
  const { createEngineToken } = await import('../electron/core/endpoint/engine-tokens');
  const { RegistryFile } = await import('../electron/core/registry/registry-file');
  const { MemorySecretStore } = await import('../electron/core/secrets/memory-secret-store');
  const dir = await mkdtemp(join(tmpdir(), 'smsit-bench-'));
  const registry = new RegistryFile({ path: join(dir, 'accounts.json') });
  const accounts = new AccountStore({ registry, secrets: new MemorySecretStore() });
  await accounts.add({ name: 'Bench', accountSid: `AC${'a1'.repeat(16)}`, authType: 'apiKey', apiKeySid: `SK${'b2'.repeat(16)}`, secret: 'c'.repeat(32) });
  const { token } = await createEngineToken(registry, 'bench');
  // BENCH_LOG_FILE=0 keeps the access log in memory only, to see what the file costs.
  const logFile = process.env.BENCH_LOG_FILE === '0' ? null : join(dir, 'access-log.jsonl');
  const endpoint = new EngineEndpoint({ registry, accounts, port: 0, logFile, version: 'bench' });
  const { port: endpointPort } = await endpoint.start();
  const probe = await fetch(`http://127.0.0.1:${endpointPort}/v1/headers`, { headers: { Authorization: `Bearer ${token}` } });
  const body = await probe.text();
  // The same answer, byte for byte (body and headers): what is compared is the endpoint's own work.
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const barePort = (bare.address() as { port: number }).port;
  process.on('message', async (message: string) => {
    if (message === 'rss' || message === 'cpu') {
      if (message === 'rss') global.gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      const { user, system } = process.cpuUsage();
      process.send!({ rss, heapUsed, cpuMicros: user + system } satisfies Memory);
    } else if (message === 'stop') {
      await endpoint.stop();
      bare.close();
      await rm(dir, { recursive: true, force: true });
      process.exit(0);
    }
  });
  process.send!({ endpointPort, barePort, token, body } satisfies ServerInfo);
}

/** Runs one load; `duration` is replaced by the measured wall time (autocannon's is whole seconds). */
function load(options: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve({ ...result, duration: (performance.now() - started) / 1000 })));
  });
}

/** Parent: drives the load and prints the figures. */
async function runBench(): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), ['--servers'], { execArgv: ['--import', 'tsx', '--expose-gc'] });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  const info = await next<ServerInfo>();
  const memory = async () => (child.send('rss'), next<Memory>());
  const cpu = async () => (child.send('cpu'), (await next<Memory>()).cpuMicros);
  const endpointUrl = `http://127.0.0.1:${info.endpointPort}/v1/headers`;
  const bareUrl = `http://127.0.0.1:${info.barePort}/`;
  const headers = { authorization: `Bearer ${info.token}` };
  console.log(`answer body: ${Buffer.byteLength(info.body)} bytes; ${CONNECTIONS} connections`);

  // Warm both up (JIT, caches, the secret read, the heap's working size) before measuring anything.
  await load({ url: endpointUrl, headers, connections: CONNECTIONS, amount: 50_000 });
  await load({ url: bareUrl, headers, connections: CONNECTIONS, duration: 3 });

  // Interleaved rounds, so that a change in the machine's load hits both servers alike.
  const before = await memory();
  let bareRequests = 0;
  let bareSeconds = 0;
  let endpointRequests = 0;
  let endpointSeconds = 0;
  let failures = 0;
  const p99s: number[] = [];
  const bareP99s: number[] = [];
  const ratios: number[] = [];
  let bareCpu = 0;
  let endpointCpu = 0;
  for (let round = 1; round <= MIN_ROUNDS || endpointRequests < REQUESTS; round += 1) {
    const cpu0 = await cpu();
    // The same request too (the bare server ignores the token), so both parse the same bytes.
    const bare = await load({ url: bareUrl, headers, connections: CONNECTIONS, duration: SECONDS_PER_ROUND });
    const cpu1 = await cpu();
    // Both by duration: in `amount` mode autocannon only ends at its next 1-second tick, which understates req/s.
    const served = await load({ url: endpointUrl, headers, connections: CONNECTIONS, duration: SECONDS_PER_ROUND });
    const cpu2 = await cpu();
    bareCpu += cpu1 - cpu0;
    endpointCpu += cpu2 - cpu1;
    bareRequests += bare.requests.total;
    bareSeconds += bare.duration;
    endpointRequests += served.requests.total;
    endpointSeconds += served.duration;
    failures += served.non2xx + served.errors + served.timeouts;
    p99s.push(served.latency.p99);
    bareP99s.push(bare.latency.p99);
    ratios.push(served.requests.total / served.duration / (bare.requests.total / bare.duration));
    console.log(
      `round ${round}: bare ${(bare.requests.total / bare.duration).toFixed(0)} req/s p99 ${bare.latency.p99} ms | ` +
        `/v1/headers ${(served.requests.total / served.duration).toFixed(0)} req/s p50 ${served.latency.p50} ms p99 ${served.latency.p99} ms`,
    );
  }
  const after = await memory();
  child.send('stop');

  const bareRps = bareRequests / bareSeconds;
  const endpointRps = endpointRequests / endpointSeconds;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const ratio = median(ratios);
  const p99 = median(p99s);
  const growthMb = (after.rss - before.rss) / 1024 / 1024;
  const row = (label: string, value: string, goal: string, ok: boolean) => console.log(`${label.padEnd(34)} ${value.padStart(10)}   goal ${goal.padEnd(9)} ${ok ? 'met' : 'MISSED'}`);
  console.log(`bare node http: ${bareRps.toFixed(0)} req/s; GET /v1/headers: ${endpointRps.toFixed(0)} req/s over ${endpointRequests} requests (${failures} not 2xx / errors)`);
  row('req/s ratio (median of rounds)', ratio.toFixed(3), '>= 0.8', ratio >= 0.8);
  console.log(`  (overall ${(endpointRps / bareRps).toFixed(3)}; per round ${ratios.map((r) => r.toFixed(2)).join(', ')})`);
  const bareP99 = median(bareP99s);
  row('p99 latency /v1/headers (median)', `${p99} ms`, `<= bare+2`, p99 <= bareP99 + 2);
  console.log(`  (bare server p99 median in the same rounds: ${bareP99} ms; goal: within 2 ms of it)`);
  row(`RSS growth over ${endpointRequests} requests`, `${growthMb.toFixed(1)} MB`, '<= 20 MB', growthMb <= 20);
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
  console.log(`  (server RSS ${mb(before.rss)} → ${mb(after.rss)}; JS heap after GC ${mb(before.heapUsed)} → ${mb(after.heapUsed)})`);
  // CPU time per request barely depends on how busy the machine is: the fairest comparison here.
  const bareCost = bareCpu / bareRequests;
  const endpointCost = endpointCpu / endpointRequests;
  console.log(`server CPU per request: bare ${bareCost.toFixed(1)} µs, /v1/headers ${endpointCost.toFixed(1)} µs (bare / endpoint = ${(bareCost / endpointCost).toFixed(3)})`);
  console.log(`machine load average (1 min) at the end: ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores`);
  // The same figures before issue 14 (lead, quiet machine; /work/notes/bench-endpoint-before.txt), to compare like with like.
  console.log('before issue 14 (quiet machine; the bare server then got no token and sent no nosniff header): ratio 0.592, p99 7 ms vs bare 4 ms, CPU per request bare 31.8 µs / endpoint 53.1 µs (0.599)');
}

if (process.argv.includes('--servers')) await runServers();
else await runBench();
