/**
 * `smsit-twilio accounts …`: the saved accounts. Each subcommand is a small function over the
 * same core operations the tray app uses (account-operations.ts, AccountStore).
 */
import { addAccount, removeAccount, upgradeAccount, verifyAccount } from '../../core/accounts/account-operations';
import { parseOptions } from '../cli-args';
import { UsageError, type CliCommand, type CliEnv } from '../cli-command';
import { printAccounts, printJson, printReport, reportJson } from '../cli-output';
import { EXIT_OK, exitCodeFor } from '../exit-codes';
import { CREDENTIAL_OPTIONS, draftFromOptions } from './credential-options';
import { rotateSubcommand } from './accounts-rotate';

type Subcommand = (args: string[], cli: CliEnv) => Promise<number>;

async function deps(cli: CliEnv) {
  const context = await cli.context();
  return { accounts: context.accounts, twilio: cli.twilio() };
}

const SUBCOMMANDS: Record<string, Subcommand> = {
  rotate: rotateSubcommand,

  async add(args, cli) {
    const { values, positionals } = parseOptions(args, { ...CREDENTIAL_OPTIONS, 'no-verify': { type: 'boolean' }, json: { type: 'boolean' } }, { min: 1, max: 1, names: 'the account NAME' });
    const draft = await draftFromOptions(cli.io, values);
    const result = await addAccount(await deps(cli), { name: positionals[0]!, draft, verify: !values['no-verify'] });
    if (values.json) {
      printJson(cli.io, { account: result.account, report: result.report ? reportJson(result.report) : null });
    } else {
      cli.io.stdout.write(`Saved "${result.account.name}"${result.account.active ? ' and made it the active account' : ''}; its secret is in the system keychain.\n`);
      if (result.report) printReport(cli.io, result.report);
      else cli.io.stdout.write('Not verified (--no-verify): check it later with "smsit-twilio accounts verify NAME".\n');
    }
    return EXIT_OK;
  },

  async list(args, cli) {
    const { values } = parseOptions(args, { json: { type: 'boolean' } }, { min: 0, max: 0, names: '' });
    const accounts = await (await cli.context()).accounts.list();
    if (values.json) printJson(cli.io, accounts);
    else printAccounts(cli.io, accounts);
    return EXIT_OK;
  },

  async use(args, cli) {
    const { positionals } = parseOptions(args, {}, { min: 1, max: 1, names: 'the account NAME' });
    const record = await (await cli.context()).accounts.activate(positionals[0]!);
    cli.io.stdout.write(`"${record.name}" is now the active account: the engine gets its credentials from now on.\n`);
    return EXIT_OK;
  },

  async verify(args, cli) {
    const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } }, { min: 1, max: 1, names: 'the account NAME' });
    const report = await verifyAccount(await deps(cli), positionals[0]!);
    if (values.json) printJson(cli.io, reportJson(report));
    else printReport(cli.io, report);
    return report.ok ? EXIT_OK : exitCodeFor(report.error?.kind ?? 'internal');
  },

  async rename(args, cli) {
    const { positionals } = parseOptions(args, {}, { min: 2, max: 2, names: 'the OLD and NEW names' });
    const record = await (await cli.context()).accounts.rename(positionals[0]!, positionals[1]!);
    cli.io.stdout.write(`Renamed to "${record.name}".\n`);
    return EXIT_OK;
  },

  async upgrade(args, cli) {
    const { values, positionals } = parseOptions(args, { 'keep-auth-token': { type: 'boolean' }, json: { type: 'boolean' } }, { min: 1, max: 1, names: 'the account NAME' });
    const result = await upgradeAccount(await deps(cli), positionals[0]!, { keepAuthToken: values['keep-auth-token'] === true });
    if (values.json) {
      printJson(cli.io, { account: result.account, report: reportJson(result.report) });
    } else {
      cli.io.stdout.write(`"${result.account.name}" now uses the new Standard API key ${result.account.apiKeySid} ("SMS-iT Workflow integration").\n`);
      cli.io.stdout.write(result.account.keepsAuthToken ? 'The Auth Token is kept in the keychain for webhook signature checks.\n' : 'The Auth Token was removed from the keychain.\n');
    }
    return EXIT_OK;
  },

  async remove(args, cli) {
    const { values, positionals } = parseOptions(args, { 'delete-key': { type: 'boolean' } }, { min: 1, max: 1, names: 'the account NAME' });
    const { keyDeleted } = await removeAccount(await deps(cli), positionals[0]!, { deleteKey: values['delete-key'] === true });
    cli.io.stdout.write(`Removed "${positionals[0]}" and its secrets from the keychain${keyDeleted ? '; its API key was deleted at Twilio' : ''}.\n`);
    return EXIT_OK;
  },
};

/** The `accounts` command and its subcommands. */
export const accountsCommand: CliCommand = {
  name: 'accounts',
  summary: 'Add, list, switch, verify, rename, upgrade and remove saved accounts',
  usage: [
    'smsit-twilio accounts add NAME --account-sid AC… [--api-key-sid SK…] [--region R --edge E] [--no-verify] [--json]',
    'smsit-twilio accounts list [--json]',
    'smsit-twilio accounts use NAME',
    'smsit-twilio accounts verify NAME [--json]',
    'smsit-twilio accounts rename OLD NEW',
    'smsit-twilio accounts upgrade NAME [--keep-auth-token] [--json]',
    'smsit-twilio accounts rotate NAME [--yes] [--json]              # new API key or Auth Token, no downtime',
    'smsit-twilio accounts remove NAME [--delete-key]',
    '',
    '"add" reads the secret from stdin (hidden prompt, or the first line of a pipe) and verifies it',
    'with Twilio before saving, unless --no-verify. "upgrade" replaces an Auth Token with a new',
    'Standard API key; --keep-auth-token keeps the token for webhook signature checks.',
    '"remove --delete-key" first deletes the API key at Twilio (needs the Auth Token or a Main key).',
  ].join('\n'),
  async run(args, cli) {
    const [name, ...rest] = args;
    const subcommand = name ? SUBCOMMANDS[name] : undefined;
    if (!subcommand) throw new UsageError(name ? `Unknown subcommand "accounts ${name}".` : 'Say what to do with the accounts.');
    return subcommand(rest, cli);
  },
};
