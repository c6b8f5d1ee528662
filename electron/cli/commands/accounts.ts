/**
 * `smsit-twilio accounts …`: the saved accounts. Each subcommand is a small object (its help and
 * its run) over the same core operations the tray app uses (account-operations.ts, AccountStore).
 * Add one: an entry in ACCOUNT_SUBCOMMANDS; `accounts NAME --help` and the list in `accounts --help` follow.
 */
import { addAccount, removeAccount, upgradeAccount, verifyAccount } from '../../core/accounts/account-operations';
import { planKeyDeletion } from '../../core/accounts/key-deletion';
import { parseOptions } from '../cli-args';
import { UsageError, type CliCommand, type CliEnv, type CliSubcommand } from '../cli-command';
import { ACCOUNT_ENVIRONMENT, type EnvironmentVariable } from '../cli-help';
import { printAccounts, printJson, printReport, reportJson } from '../cli-output';
import { EXIT_OK, EXIT_USAGE, exitCodeFor } from '../exit-codes';
import { askYesNo } from '../cli-io';
import { AppError, toErrorInfo } from '../../core/errors';
import { verificationOutcome } from '../../shared/errors';
import { shellWord } from '../cli-advice';
import { KEEP_AUTH_TOKEN_BY_DEFAULT, KEEP_AUTH_TOKEN_REASON } from '../../shared/upgrade-choice';
import { CREDENTIAL_OPTIONS, draftFromOptions } from './credential-options';
import { rotateAccountSubcommand } from './accounts-rotate';
import { ageWarningSubcommand } from './accounts-age-warning';

/** Read by subcommands that also talk to Twilio. */
const TWILIO_ENVIRONMENT: readonly EnvironmentVariable[] = [...ACCOUNT_ENVIRONMENT, 'SMSIT_TWILIO_API_BASE'];


async function deps(cli: CliEnv) {
  const context = await cli.context();
  return { accounts: context.accounts, twilio: cli.twilio() };
}

/**
 * Deleting a key at Twilio cannot be undone: checked first (a key another account uses is refused
 * outright), then asked on a terminal, naming the key and what stops working; a script says --yes.
 */
async function keyDeletionConfirmed(cli: CliEnv, ref: string, yes: boolean): Promise<boolean> {
  const { record, keySid, consequence } = await planKeyDeletion((await cli.context()).accounts, ref);
  if (yes) return true;
  if (!cli.io.stdin.isTTY) {
    throw new AppError('bad-input', `${consequence} There is no terminal to ask on: add --yes to confirm.`, { field: 'deleteKey' });
  }
  cli.io.stderr.write(`${consequence}\n`);
  return askYesNo(cli.io, `Delete ${keySid} at Twilio and remove "${record.name}"?`);
}

/** The subcommands of `accounts`, in the order its help lists them. */
export const ACCOUNT_SUBCOMMANDS: CliSubcommand[] = [
  {
    name: 'add',
    summary: 'Save an account: its secret goes to the system keychain, after Twilio accepts it.',
    usage: 'smsit-twilio accounts add NAME --account-sid AC… [--api-key-sid SK…] [--region R --edge E] [--no-verify] [--json]',
    description: [
      'Reads the secret from stdin: the Auth Token, or the API Key Secret when --api-key-sid is given',
      '(a hidden prompt on a terminal, else the first line of a pipe). The flags are checked first.',
      'Twilio verifies the credentials before they are saved, unless --no-verify.',
    ].join('\n'),
    environment: TWILIO_ENVIRONMENT,
    async run(args, cli) {
      const { values, positionals } = parseOptions(args, { ...CREDENTIAL_OPTIONS, 'no-verify': { type: 'boolean' }, json: { type: 'boolean' } }, { min: 1, max: 1, names: 'the account NAME' });
      const draft = await draftFromOptions(cli.io, values);
      const name = positionals[0]!;
      const result = await addAccount(await deps(cli), { name, draft, verify: !values['no-verify'] }).catch((error: unknown) => {
        // Twilio's trouble is no reason to lose the paste: say how to save it unchecked.
        const info = toErrorInfo(error);
        if (!(error instanceof AppError) || verificationOutcome(info.kind) !== 'twilio-trouble') throw error;
        throw AppError.fromInfo(info, ` To save "${name}" without checking it now, run the same command with --no-verify.`);
      });
      if (values.json) {
        printJson(cli.io, { account: result.account, report: result.report ? reportJson(result.report) : null, warnings: result.warnings });
      } else {
        cli.io.stdout.write(`Saved "${result.account.name}"${result.account.active ? ' and made it the active account' : ''}; its secret is in the system keychain.\n`);
        for (const warning of result.warnings) cli.io.stderr.write(`Warning: ${warning}\n`);
        if (result.report) printReport(cli.io, result.report, result.account.name);
        else cli.io.stdout.write(`Not verified (--no-verify): check it later with: smsit-twilio accounts verify ${shellWord(result.account.name)}\n`);
      }
      return EXIT_OK;
    },
  },
  {
    name: 'list',
    summary: 'List the saved accounts: name, SIDs, credentials, region, last check; * marks the active one.',
    usage: 'smsit-twilio accounts list [--json]',
    description: 'With --json, prints the accounts as one JSON array (never a secret).',
    environment: ACCOUNT_ENVIRONMENT,
    async run(args, cli) {
      const { values } = parseOptions(args, { json: { type: 'boolean' } }, { min: 0, max: 0, names: '' });
      const accounts = await (await cli.context()).accounts.list();
      if (values.json) printJson(cli.io, accounts);
      else printAccounts(cli.io, accounts);
      return EXIT_OK;
    },
  },
  {
    name: 'use',
    summary: 'Make an account the active one: the engine gets its credentials from now on.',
    usage: 'smsit-twilio accounts use NAME',
    environment: ACCOUNT_ENVIRONMENT,
    async run(args, cli) {
      const { positionals } = parseOptions(args, {}, { min: 1, max: 1, names: 'the account NAME' });
      const record = await (await cli.context()).accounts.activate(positionals[0]!);
      cli.io.stdout.write(`"${record.name}" is now the active account: the engine gets its credentials from now on.\n`);
      return EXIT_OK;
    },
  },
  {
    name: 'verify',
    summary: 'Check a saved account against Twilio again.',
    usage: 'smsit-twilio accounts verify NAME [--json]',
    environment: TWILIO_ENVIRONMENT,
    async run(args, cli) {
      const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } }, { min: 1, max: 1, names: 'the account NAME' });
      const report = await verifyAccount(await deps(cli), positionals[0]!);
      if (values.json) printJson(cli.io, reportJson(report));
      else printReport(cli.io, report, positionals[0]);
      return report.ok ? EXIT_OK : exitCodeFor(report.error?.kind ?? 'internal');
    },
  },
  {
    name: 'rename',
    summary: 'Rename a saved account (its secrets stay where they are).',
    usage: 'smsit-twilio accounts rename OLD NEW',
    environment: ACCOUNT_ENVIRONMENT,
    async run(args, cli) {
      const { positionals } = parseOptions(args, {}, { min: 2, max: 2, names: 'the OLD and NEW names' });
      const record = await (await cli.context()).accounts.rename(positionals[0]!, positionals[1]!);
      cli.io.stdout.write(`Renamed to "${record.name}".\n`);
      return EXIT_OK;
    },
  },
  {
    name: 'upgrade',
    summary: 'Replace an account’s Auth Token with a new Standard API key made at Twilio.',
    usage: 'smsit-twilio accounts upgrade NAME [--drop-auth-token] [--json]',
    description: `The Auth Token is kept by default (--drop-auth-token removes it from the keychain). ${KEEP_AUTH_TOKEN_REASON}`,
    environment: TWILIO_ENVIRONMENT,
    async run(args, cli) {
      const options = { 'keep-auth-token': { type: 'boolean' }, 'drop-auth-token': { type: 'boolean' }, json: { type: 'boolean' } } as const;
      const { values, positionals } = parseOptions(args, options, { min: 1, max: 1, names: 'the account NAME' });
      if (values['keep-auth-token'] && values['drop-auth-token']) throw new UsageError('Give --keep-auth-token or --drop-auth-token, not both.');
      // --keep-auth-token is still accepted (it was needed before the default became "keep").
      const keepAuthToken = values['drop-auth-token'] ? false : KEEP_AUTH_TOKEN_BY_DEFAULT;
      const result = await upgradeAccount(await deps(cli), positionals[0]!, { keepAuthToken });
      if (values.json) {
        printJson(cli.io, { account: result.account, report: reportJson(result.report) });
      } else {
        cli.io.stdout.write(`"${result.account.name}" now uses the new Standard API key ${result.account.apiKeySid} ("${result.keyName}").\n`);
        cli.io.stdout.write(
          result.account.keepsAuthToken
            ? `The Auth Token is kept in the keychain (--drop-auth-token would have removed it). ${KEEP_AUTH_TOKEN_REASON}\n`
            : 'The Auth Token was removed from the keychain: webhook signature checks and deleting the key from here need it.\n',
        );
      }
      return EXIT_OK;
    },
  },
  rotateAccountSubcommand,
  ageWarningSubcommand,
  {
    name: 'remove',
    summary: 'Remove a saved account and its secrets from the keychain.',
    usage: 'smsit-twilio accounts remove NAME [--delete-key [--yes]]',
    description: [
      '--delete-key first deletes the account’s API key at Twilio (needs the Auth Token or a Main key).',
      'It asks first on a terminal, needs --yes otherwise, and never deletes a key another saved account uses.',
    ].join('\n'),
    environment: TWILIO_ENVIRONMENT,
    async run(args, cli) {
      const { values, positionals } = parseOptions(args, { 'delete-key': { type: 'boolean' }, yes: { type: 'boolean' } }, { min: 1, max: 1, names: 'the account NAME' });
      const deleteKey = values['delete-key'] === true;
      if (deleteKey && !(await keyDeletionConfirmed(cli, positionals[0]!, values.yes === true))) {
        cli.io.stderr.write('Nothing was deleted or removed.\n');
        return EXIT_USAGE;
      }
      const { keyDeleted, warnings } = await removeAccount(await deps(cli), positionals[0]!, { deleteKey });
      const secrets = warnings.length === 0 ? ' and its secrets from the keychain' : '';
      cli.io.stdout.write(`Removed "${positionals[0]}"${secrets}${keyDeleted ? '; its API key was deleted at Twilio' : ''}.\n`);
      for (const warning of warnings) cli.io.stderr.write(`Warning: ${warning}\n`);
      return EXIT_OK;
    },
  },
];

/** The `accounts` command; index.ts dispatches to its subcommands. */
export const accountsCommand: CliCommand = {
  name: 'accounts',
  summary: 'Add, list, switch, verify, rename, upgrade, rotate and remove saved accounts',
  usage: 'smsit-twilio accounts SUBCOMMAND [ARGS…] [OPTIONS]',
  subcommands: ACCOUNT_SUBCOMMANDS,
};
