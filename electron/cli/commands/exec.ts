/**
 * `smsit-twilio exec [NAME] -- COMMAND [ARGS…]`: runs one command with an account's credentials
 * in its environment only — for twilio-cli, twilio-node/-python scripts and anything else that
 * reads TWILIO_* variables — so no tool needs its own copy of the secret in a plain file.
 */
import { pickAccount } from '../../core/accounts/account-names';
import { requestSecretPurpose } from '../../core/twilio/auth-header';
import { accessLogPath } from '../../core/paths';
import { execEnvironment } from '../../core/tools/exec-environment';
import { execLogEntry, recordExec } from '../../core/tools/exec-log';
import { ChildStartError, runChild, type ChildEnd } from '../../core/tools/run-child';
import { parseOptions } from '../cli-args';
import { UsageError, type CliCommand } from '../cli-command';
import { printError } from '../cli-output';

/** Splits `[NAME] -- COMMAND [ARGS…]` at the first `--`: our part is parsed, the command's is passed on untouched. */
export function splitAtDoubleDash(args: string[]): { own: string[]; command: string[] } | null {
  const at = args.indexOf('--');
  return at < 0 ? null : { own: args.slice(0, at), command: args.slice(at + 1) };
}

/** `exec [NAME] -- COMMAND [ARGS…]`. */
export const execCommand: CliCommand = {
  name: 'exec',
  summary: 'Run a command with an account’s credentials in its environment only (TWILIO_* variables).',
  usage: 'smsit-twilio exec [NAME] -- COMMAND [ARGS…]',
  description: [
    'Runs COMMAND with the active account (or NAME) as TWILIO_ACCOUNT_SID plus TWILIO_API_KEY and',
    'TWILIO_API_SECRET (API key) or TWILIO_AUTH_TOKEN (Auth Token), and TWILIO_REGION / TWILIO_EDGE',
    'when the account is outside Twilio\'s default host. Only COMMAND gets them: nothing is written,',
    'nothing is put in the command line. TWILIO_* credential variables already set are replaced (their',
    'names are said on stderr). The exit status, the terminal and Ctrl-C / SIGTERM pass through.',
    'Each run is recorded in the access log (account, command name, time; never the arguments).',
    '',
    'Examples:  smsit-twilio exec -- twilio api:core:messages:list --limit 5',
    '           smsit-twilio exec Production -- node send-reminders.js',
  ].join('\n'),
  environment: ['SMSIT_TWILIO_HOME', 'SMSIT_TWILIO_KEYCHAIN_SERVICE'],
  async run(args, cli) {
    const split = splitAtDoubleDash(args);
    if (!split) throw new UsageError('Put -- before the command to run, as in: smsit-twilio exec -- twilio profiles:list');
    if (split.command.length === 0) throw new UsageError('Say which command to run after --.');
    const { positionals } = parseOptions(split.own, {}, { min: 0, max: 1, names: 'an account NAME' });
    const [command, ...commandArgs] = split.command as [string, ...string[]];
    const { registry, accounts, dataDir } = await cli.context();
    const record = pickAccount(await registry.read(), positionals[0] ?? null);
    const secret = await accounts.readSecret(record, requestSecretPurpose(record));
    const { env, replaced } = execEnvironment(record, secret, cli.env);
    if (replaced.length > 0) {
      cli.io.stderr.write(`smsit-twilio: replaced ${replaced.join(', ')} from your environment with the credentials of "${record.name}".\n`);
    }
    const startedAt = new Date();
    let end: ChildEnd;
    try {
      end = await runChild(command, commandArgs, env);
    } catch (error) {
      if (!(error instanceof ChildStartError)) throw error;
      end = { exitCode: error.exitCode, signal: null };
      printError(cli.io, error);
    }
    const entry = execLogEntry({ account: record.name, command, startedAt, exitCode: end.exitCode, durationMs: Date.now() - startedAt.getTime() });
    if (!(await recordExec(accessLogPath(dataDir), entry))) {
      cli.io.stderr.write(`smsit-twilio: this use of "${record.name}" could not be written to the access log in ${dataDir}.\n`);
    }
    return end.exitCode;
  },
};
