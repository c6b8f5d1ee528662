/**
 * `smsit-twilio accounts rotate NAME [--yes] [--json]`: a new API key (or Auth Token) for an
 * account, switched to without downtime (core/rotation). The questions the rotation asks are put
 * on a terminal as y/N; elsewhere --yes answers them, and without it nothing changes.
 */
import { createInterface } from 'node:readline';
import { rotateApiKey, type Confirm } from '../../core/rotation/rotate-api-key';
import { rotateAuthToken } from '../../core/rotation/rotate-auth-token';
import { parseOptions } from '../cli-args';
import type { CliEnv } from '../cli-command';
import { printJson, reportJson } from '../cli-output';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes';

/** y/N on a terminal; --yes says yes; a pipe without --yes says no (and how to say yes). */
function confirmer(cli: CliEnv, yes: boolean): Confirm {
  return async (question) => {
    if (yes) return true;
    if (!cli.io.stdin.isTTY) {
      cli.io.stderr.write(`${question}\nNot a terminal, so not asked: run again with --yes to go ahead.\n`);
      return false;
    }
    const lines = createInterface({ input: cli.io.stdin, output: cli.io.stderr as NodeJS.WritableStream, terminal: false });
    const answer = await new Promise<string>((resolve) => lines.question(`${question} [y/N] `, resolve));
    lines.close();
    return /^y(es)?$/i.test(answer.trim());
  };
}

/** The `rotate` subcommand of `accounts`. */
export async function rotateSubcommand(args: string[], cli: CliEnv): Promise<number> {
  const { values, positionals } = parseOptions(args, { yes: { type: 'boolean' }, json: { type: 'boolean' } }, { min: 1, max: 1, names: 'the account NAME' });
  const context = await cli.context();
  const deps = { accounts: context.accounts, twilio: cli.twilio() };
  const record = await context.accounts.find(positionals[0]!);
  const confirm = confirmer(cli, values.yes === true);
  const out = cli.io.stdout;
  if (record.authType === 'apiKey') {
    const result = await rotateApiKey(deps, record.id, confirm);
    if (values.json) printJson(cli.io, { ...result, report: result.report ? reportJson(result.report) : null });
    else if (result.status === 'cancelled') cli.io.stderr.write('Nothing changed.\n');
    else {
      out.write(`"${result.account.name}" now uses the new Standard API key ${result.newKeySid}; it was verified with Twilio before the switch.\n`);
      if (result.oldKeyLeft) cli.io.stderr.write(`${result.oldKeyLeft}\n`);
      else out.write(`The old key ${result.oldKeySid} was deleted at Twilio.\n`);
    }
    return result.status === 'cancelled' ? EXIT_USAGE : EXIT_OK;
  }
  const result = await rotateAuthToken(deps, record.id, confirm);
  if (values.json) printJson(cli.io, { ...result, report: result.report ? reportJson(result.report) : null });
  else if (result.status === 'cancelled') cli.io.stderr.write('Nothing changed: the secondary Auth Token was deleted again and the old one still works.\n');
  else {
    out.write(`"${result.account.name}" now uses its new Auth Token (verified with Twilio, promoted, saved in the keychain). The old one no longer works anywhere.\n`);
    out.write('Webhooks signed with the old token are still accepted for 10 minutes, while Twilio switches over.\n');
  }
  return result.status === 'cancelled' ? EXIT_USAGE : EXIT_OK;
}
