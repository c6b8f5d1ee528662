// `smsit-twilio headers`: the real bin, the private test keychain, a real endpoint process.
import { describe, expect, it } from 'vitest';
import { runSmsitTwilio } from './run-smsit-twilio';
import { seededHomeForFile, startServe } from './serve-process';

const home = seededHomeForFile('smsit-headers-');
const cli = (...args: string[]) => runSmsitTwilio(args, { env: { SMSIT_TWILIO_HOME: home.dir, SMSIT_TWILIO_API_BASE: 'http://127.0.0.1:4010' } });

describe('smsit-twilio headers', () => {
  it('--json prints exactly what GET /v1/headers answers, for the active and for a named account', async () => {
    const token = (await cli('tokens', 'create', 'compare')).stdout.trim();
    const serve = await startServe(home.dir, ['--port', '0'], { SMSIT_TWILIO_API_BASE: 'http://127.0.0.1:4010' });
    try {
      for (const [args, query] of [[[], ''], [['keyed'], '?account=keyed']] as const) {
        const printed = await cli('headers', ...args, '--json');
        expect(printed.code).toBe(0);
        const served = await fetch(`http://127.0.0.1:${serve.port}/v1/headers${query}`, { headers: { Authorization: `Bearer ${token}` } });
        expect(JSON.parse(printed.stdout)).toEqual(await served.json());
      }
    } finally {
      await serve.stop();
    }
  });

  it('prints the header for people, and an unknown account as a usage error naming it', async () => {
    const plain = await cli('headers', 'Main');
    expect(plain.stdout).toContain(`Account:       Main (${home.seeded.main.accountSid}, authToken, us1)`);
    expect(plain.stdout).toContain('Base URL:      http://127.0.0.1:4010');
    expect(plain.stdout).toMatch(/Authorization: Basic [A-Za-z0-9+/=]+\n/);
    const unknown = await cli('headers', 'Ghost');
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('No saved account is named "Ghost". Saved accounts: "Main", "Keyed".')]);
  });
});
