/**
 * `npm run bench:verify`: how long one verification takes against the fake Twilio with 200 ms
 * of latency on every answer, per auth type. The goal is one round trip: ≤ 1.25 × 200 ms,
 * which an API key only meets because the account fetch and the probe run in parallel.
 * A benchmark, not a test: it prints figures and never fails on them.
 */
import { performance } from 'node:perf_hooks';
import type { CredentialDraft } from '../electron/shared/app-types';
import { TwilioService } from '../electron/core/twilio/twilio-service';
import { startFakeTwilio } from '../test/fakes/fake-twilio';

const LATENCY_MS = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 10);

const fake = await startFakeTwilio({ latencyMs: LATENCY_MS });
const account = fake.state.addAccount();
const key = (keyType: 'main' | 'standard' | 'restricted') => fake.state.addKey(account.sid, { keyType });
const drafts: [string, CredentialDraft][] = [
  ['Auth Token', { authType: 'authToken', accountSid: account.sid, secret: account.authToken }],
  ...(['main', 'standard', 'restricted'] as const).map((type): [string, CredentialDraft] => {
    const made = key(type);
    return [`API key (${type})`, { authType: 'apiKey', accountSid: account.sid, apiKeySid: made.sid, secret: made.secret }];
  }),
];

const service = new TwilioService({ apiBase: fake.url });
const goal = 1.25 * LATENCY_MS;
console.log(`verify against the fake Twilio, ${LATENCY_MS} ms latency per answer, ${RUNS} runs each (goal ≤ ${goal} ms)`);
for (const [label, draft] of drafts) {
  await service.verify(draft); // warm-up: module loading and the first connection
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    const report = await service.verify(draft);
    times.push(performance.now() - start);
    if (!report.ok) throw new Error(`${label}: verification failed: ${report.error?.message}`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const verdict = median <= goal ? 'within goal' : 'OVER goal';
  console.log(`${label.padEnd(20)} median ${median.toFixed(1)} ms  min ${times[0]!.toFixed(1)}  max ${times.at(-1)!.toFixed(1)}  = ${(median / LATENCY_MS).toFixed(2)} × latency  ${verdict}`);
}
await fake.close();
