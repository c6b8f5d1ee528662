// What a person sees of the command line's shape: flags checked before the secret is asked for,
// the `accounts list` table, and a help of its own for each subcommand naming the variables it reads.
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/cli-io';
import { runCli } from '../../../electron/cli/index';
import { memoryHomePerTest, recordedIo } from '../../helpers/memory-home';
import { accountSid, apiKeySecret, apiKeySid, authToken } from '../../helpers/sample-credentials';
import { runSmsitTwilio } from './run-smsit-twilio';

const home = memoryHomePerTest({ prefix: 'smsit-cli-shape-' });

/** A terminal as stdin: records whether the hidden prompt switched it to raw mode (that is, asked for the secret). */
function terminal() {
  const out = { stdout: '', stderr: '', prompted: false };
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => ((out.prompted = true), stdin) });
  const streams: CliIo = { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, stdin };
  return { streams, out };
}

describe('flags are checked before the secret is asked for', () => {
  it('accounts add NAME without --account-sid fails at once, without the hidden prompt', async () => {
    const { streams, out } = terminal();
    const code = await runCli(['accounts', 'add', 'Bakery'], streams, { context: async () => home.context });
    expect(code).toBe(2);
    expect(out.prompted).toBe(false);
    expect(out.stderr).toBe(
      '--account-sid is missing: give the Account SID (AC…), shown in the Twilio Console under Account Dashboard > Account Info.\n\n' +
        'Usage: smsit-twilio accounts add NAME --account-sid AC… [--api-key-sid SK…] [--region R --edge E] [--no-verify] [--json]\n' +
        '(smsit-twilio accounts add --help for details)\n',
    );
    expect(await home.context.accounts.list()).toEqual([]);
  });

  it('a malformed --account-sid, a malformed --api-key-sid and swapped SIDs fail before the prompt, naming the flag', async () => {
    const cases: [string[], string][] = [
      [['--account-sid', 'AC123'], '--account-sid is not an Account SID: An Account SID is "AC" followed by 32 characters; this one has 3.'],
      [['--account-sid', accountSid(), '--api-key-sid', 'SKnope'], '--api-key-sid is not an API Key SID: An API Key SID is "SK" followed by 32 characters; this one has 4.'],
      [['--account-sid', apiKeySid(), '--api-key-sid', accountSid()], '--account-sid and --api-key-sid are swapped: the Account SID starts with AC, the API Key SID with SK.'],
      [['--account-sid', accountSid(), '--region', 'mars1'], 'Error: "mars1" is not a Twilio region.'],
    ];
    for (const [flags, words] of cases) {
      const { streams, out } = terminal();
      const code = await runCli(['accounts', 'add', 'Bakery', ...flags], streams, { context: async () => home.context });
      expect(code, flags.join(' ')).toBe(2);
      expect(out.prompted, flags.join(' ')).toBe(false);
      expect(out.stderr.split('\n')[0]).toContain(words);
    }
  });

  it('the real command exits 2 with the same words and reads no secret from a pipe', async () => {
    const run = await runSmsitTwilio(['accounts', 'add', 'Bakery'], { input: `${authToken()}\n`, env: { SMSIT_TWILIO_HOME: home.dir } });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('--account-sid is missing: give the Account SID (AC…), shown in the Twilio Console under Account Dashboard > Account Info.');
    expect(run.stdout).toBe('');
  });
});

describe('accounts list', () => {
  it('prints a table with a header row, aligned columns and the API Key SID', async () => {
    const bakery = { accountSid: accountSid() };
    const keyed = { accountSid: accountSid(), apiKeySid: apiKeySid() };
    await home.context.accounts.add({ name: 'Bakery', accountSid: bakery.accountSid, authType: 'authToken', secret: authToken() });
    await home.context.accounts.add({ name: 'Keyed', accountSid: keyed.accountSid, authType: 'apiKey', apiKeySid: keyed.apiKeySid, secret: apiKeySecret() });
    const out = { stdout: '', stderr: '' };
    const streams: CliIo = { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, stdin: new PassThrough() };
    expect(await runCli(['accounts', 'list'], streams, { context: async () => home.context })).toBe(0);
    const dash = '-'.padEnd(34);
    expect(out.stdout).toBe(
      [
        `   NAME    ACCOUNT SID                         API KEY SID                         CREDENTIALS                     REGION  LAST CHECK    SECRET AGE`,
        `*  Bakery  ${bakery.accountSid}  ${dash}  Account SID + Auth Token        us1     not verified  saved today`,
        `   Keyed   ${keyed.accountSid}  ${keyed.apiKeySid}  API key (type not checked yet)  us1     not verified  saved today`,
        '* the active account: the engine gets its credentials.',
        '',
      ].join('\n'),
    );
  });
});

describe('help', () => {
  it('each subcommand has its own --help, naming the environment variables it reads', async () => {
    const add = await runSmsitTwilio(['accounts', 'add', '--help']);
    expect(add.code).toBe(0);
    expect(add.stdout).toBe(
      [
        'Usage: smsit-twilio accounts add NAME --account-sid AC… [--api-key-sid SK…] [--region R --edge E] [--no-verify] [--json]',
        '',
        'Save an account: its secret goes to the system keychain, after Twilio accepts it.',
        '',
        'Reads the secret from stdin: the Auth Token, or the API Key Secret when --api-key-sid is given',
        '(a hidden prompt on a terminal, else the first line of a pipe). The flags are checked first.',
        'Twilio verifies the credentials before they are saved, unless --no-verify.',
        '',
        'Environment:',
        '  SMSIT_TWILIO_HOME              the data folder (accounts.json, engine tokens, access log); default: the app’s',
        '  SMSIT_TWILIO_KEYCHAIN_SERVICE  the keychain service name; default "SMS-iT Twilio Credentials"',
        '  SMSIT_TWILIO_API_BASE          send every Twilio request to this http(s) URL (a proxy) instead of Twilio',
        'TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and the other TWILIO_* variables are ignored on purpose.',
        '',
      ].join('\n'),
    );
    expect(add.stdout).not.toContain('accounts remove');

    const list = await runSmsitTwilio(['accounts', 'list', '--help']);
    expect(list.stdout.split('\n')[0]).toBe('Usage: smsit-twilio accounts list [--json]');
    expect(list.stdout).toContain('  SMSIT_TWILIO_HOME ');
    expect(list.stdout).not.toContain('SMSIT_TWILIO_API_BASE');

    const accounts = await runSmsitTwilio(['accounts', '--help']);
    // One aligned line per subcommand (the column is as wide as the longest name).
    expect(accounts.stdout).toMatch(/Subcommands \(smsit-twilio accounts SUBCOMMAND --help for details\):\n {2}add( +)Save an account/);
    const pad = /\n {2}add( +)Save/.exec(accounts.stdout)![1]!.length + 'add'.length;
    expect(accounts.stdout).toContain(`\n  ${'remove'.padEnd(pad)}Remove a saved account and its secrets from the keychain.\n`);

    const create = await runSmsitTwilio(['tokens', 'create', '--help']);
    expect(create.stdout.split('\n')[0]).toBe('Usage: smsit-twilio tokens create NAME [--file PATH] [--json]');
    expect(create.stdout).toContain('Environment:\n  SMSIT_TWILIO_HOME  the data folder');

    const log = await runSmsitTwilio(['log', '--help']);
    expect(log.stdout).toContain('Environment:\n  SMSIT_TWILIO_HOME  the data folder (accounts.json, engine tokens, access log); default: the app’s\n');

    const imported = await runSmsitTwilio(['import', '--help']);
    expect(imported.stdout).toContain('\n  TWILIO_*                       Twilio credentials in this environment, listed and imported when chosen (not with --no-environment)\n');
    expect(imported.stdout).not.toContain('ignored on purpose');

    const verify = await runSmsitTwilio(['verify', '--help']);
    expect(verify.stdout).toContain('Environment:\n  SMSIT_TWILIO_API_BASE  send every Twilio request to this http(s) URL (a proxy) instead of Twilio\n');
  });

  it('an unknown subcommand names the ones there are', async () => {
    const run = await runSmsitTwilio(['accounts', 'frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('Unknown subcommand "accounts frobnicate": use add, list, use, verify, rename, upgrade, rotate, age-warning, remove.');
  });
});
