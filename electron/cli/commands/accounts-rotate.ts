/**
 * `smsit-twilio accounts rotate NAME [--yes] [--json]`: a new API key (or Auth Token) for an
 * account, switched to without downtime (core/rotation). The questions the rotation asks are put
 * on a terminal as y/N; elsewhere --yes answers them, and without it nothing changes.
 */
import { rotateApiKey, type Confirm } from '../../core/rotation/rotate-api-key';
import { rotateAuthToken } from '../../core/rotation/rotate-auth-token';
import { parseOptions } from '../cli-args';
import type { CliEnv, CliSubcommand } from '../cli-command';
import { ACCOUNT_ENVIRONMENT } from '../cli-help';
import { askYesNo } from '../cli-io';
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
    return askYesNo(cli.io, question);
  };
}

/** `accounts rotate NAME [--yes] [--json]`. */
async function rotate(args: string[], cli: CliEnv): Promise<number> {
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

/** The `rotate` subcommand of `accounts`. */
export const rotateAccountSubcommand: CliSubcommand = {
  name: 'rotate',
  summary: 'Give an account a new API key (or Auth Token) without downtime, and retire the old one.',
  usage: 'smsit-twilio accounts rotate NAME [--yes] [--json]',
  description: [
    'API key account: a new Standard key is made (with the kept Auth Token, or the account\'s Main key),',
    'stored, verified and switched to; then the old key is deleted at Twilio. A Main key becomes a',
    'Standard key: asked first. Auth Token account: a secondary Auth Token is made, stored, verified,',
    'and — after you confirm that every other system using the old token stops working — promoted and',
    'switched to. Questions are y/N on a terminal; elsewhere --yes answers them (without it, nothing changes).',
  ].join('\n'),
  environment: [...ACCOUNT_ENVIRONMENT, 'SMSIT_TWILIO_API_BASE'],
  run: rotate,
};
