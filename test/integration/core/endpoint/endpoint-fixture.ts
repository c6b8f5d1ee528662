/** A running EngineEndpoint over a temp data folder, two saved accounts and one engine token, plus a raw HTTP client. */
import { request } from 'node:http';
import { join } from 'node:path';
import type { AccountStore } from '../../../../electron/core/accounts/account-store';
import { EngineEndpoint, type EngineEndpointOptions } from '../../../../electron/core/endpoint/engine-endpoint';
import { createEngineToken } from '../../../../electron/core/endpoint/engine-tokens';
import type { RegistryFile } from '../../../../electron/core/registry/registry-file';
import type { MemorySecretStore } from '../../../../electron/core/secrets/memory-secret-store';
import { memoryHome } from '../../../helpers/memory-home';
import { seedMainAndKeyed, type SeededAccounts } from '../../../helpers/seeded-accounts';
import { tempDir } from '../../../helpers/temp-dir';

/** Small timeouts so the slow-client tests finish quickly; the rules are the same as in production. */
export const TEST_LIMITS = { headersTimeoutMs: 400, requestTimeoutMs: 800, connectionsCheckingIntervalMs: 100, keepAliveTimeoutMs: 400, idleTimeoutMs: 800 };

export interface Fixture {
  dir: string;
  registry: RegistryFile;
  secrets: MemorySecretStore;
  accounts: AccountStore;
  endpoint: EngineEndpoint;
  port: number;
  token: string;
  /** The auth-token account (active) and the API-key account, with their secrets. */
  main: SeededAccounts['main'];
  keyed: SeededAccounts['keyed'];
}

/** Starts an endpoint on a free port with the accounts "Main" (auth token, active) and "Keyed" (API key, no auth token). */
export async function startFixture(overrides: Partial<EngineEndpointOptions> = {}): Promise<Fixture> {
  const { dir, secrets, context } = memoryHome({ dir: await tempDir('smsit-endpoint-') });
  const { registry, accounts } = context;
  const { main, keyed } = await seedMainAndKeyed(accounts);
  const { token } = await createEngineToken(registry, 'engine');
  const endpoint = new EngineEndpoint({
    registry,
    accounts,
    port: 0,
    logFile: join(dir, 'access-log.jsonl'),
    version: '9.9.9-test',
    limits: TEST_LIMITS,
    ...overrides,
  });
  const status = await endpoint.start();
  if (!status.running) throw new Error(`endpoint did not start: ${status.error?.message}`);
  return { dir, registry, secrets, accounts, endpoint, port: status.port, token, main, keyed };
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** One HTTP request with full control of the headers (Host included); no keep-alive. */
export function call(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: options.host ?? '127.0.0.1', port, path, method: options.method ?? 'GET', agent: false, headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Headers carrying the fixture's engine token. */
export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}
