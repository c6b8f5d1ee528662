// The command line speaks in its own words: commands and flags (never "fields" or "the app"),
// account names filled in, and a "What to do" for each kind of failure, said once.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index';
import { fakeTwilioForFile } from '../../helpers/fake-twilio-for-file';
import { memoryHomePerTest, recordedIo } from '../../helpers/memory-home';

const fake = fakeTwilioForFile();
const home = memoryHomePerTest({ prefix: 'smsit-cli-words-' });

async function run(args: string[], input = '') {
  const { streams, out } = recordedIo(input);
  const code = await runCli(args, streams, { env: { SMSIT_TWILIO_API_BASE: fake.url }, context: async () => home.context });
  return { code, ...out };
}

describe('CLI words', () => {
  it('accounts add Bakery --no-verify names Bakery in the command to run next, and verify names the upgrade command', async () => {
    const account = fake.state.addAccount({ friendlyName: 'Bakery Ltd' });
    const added = await run(['accounts', 'add', 'Bakery', '--account-sid', account.sid, '--no-verify'], account.authToken);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Not verified (--no-verify): check it later with: smsit-twilio accounts verify Bakery\n');
    const verified = await run(['accounts', 'verify', 'Bakery']);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('  Warning: Twilio recommends Auth Tokens for local testing only; upgrade to an API key.\n  Upgrade: smsit-twilio accounts upgrade Bakery\n');
    expect(added.stdout + verified.stdout + verified.stderr).not.toMatch(/\bNAME\b|in the app|field/);
  });

  it('no active account: what happened, then the command that fixes it with the account name filled in', async () => {
    const account = fake.state.addAccount();
    await run(['accounts', 'add', 'Corner Shop', '--account-sid', account.sid, '--no-verify'], account.authToken);
    await home.context.registry.update((registry) => void (registry.activeAccountId = null));
    const headers = await run(['headers']);
    expect(headers.code).toBe(2);
    expect(headers.stderr).toBe('Error: No Twilio account is active. Saved accounts: "Corner Shop".\nWhat to do: Choose the active account with: smsit-twilio accounts use "Corner Shop"\n');
  });

  it('refused credentials point at --region, not at a field', async () => {
    const account = fake.state.addAccount();
    const refused = await run(['accounts', 'add', 'Wrong', '--account-sid', account.sid], 'f'.repeat(32));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Error: Twilio did not accept this Account SID and Auth Token \(error 20003, "Authenticate"\)\. .*\(regional credentials only work in their own region\)\.\n/);
    expect(refused.stderr).toContain("\nWhat to do: Copy the values again with the Twilio Console's copy buttons. Credentials made outside US1 work only in their region: give it with --region (for example --region ie1).\n");
  });

  it('Twilio trouble while adding says how to save without checking, in flags', async () => {
    const account = fake.state.addAccount();
    fake.inject({ status: 503 });
    const trouble = await run(['accounts', 'add', 'Later', '--account-sid', account.sid], account.authToken);
    expect(trouble.code).toBe(4);
    expect(trouble.stderr).toContain('Nothing was saved. To save "Later" without checking it now, run the same command with --no-verify.\n');
    expect(trouble.stderr).toContain('What to do: Run the command again in a few minutes; status.twilio.com lists Twilio incidents.\n');
  });

  it('an unavailable keychain: what happened, and the platform fix once with one install command', async () => {
    const account = fake.state.addAccount();
    home.secrets.failOn.add('set');
    const failed = await run(['accounts', 'add', 'Locked', '--account-sid', account.sid, '--no-verify'], account.authToken);
    expect(failed.code).toBe(3);
    expect(failed.stderr.match(/What to do:/g)).toHaveLength(1);
    expect(failed.stderr.split('apt-get install').length).toBeLessThanOrEqual(2);
  });
});
