/** `smsit-twilio headers [NAME]`: the same answer as GET /v1/headers, for scripts on this machine. */
import { pickAccount } from '../../core/accounts/account-names';
import { headersAnswer } from '../../core/endpoint/headers-answer';
import { requestSecretPurpose } from '../../core/twilio/auth-header';
import { parseOptions } from '../cli-args';
import type { CliCommand } from '../cli-command';
import { printJson } from '../cli-output';
import { EXIT_OK } from '../exit-codes';

/** `headers [NAME] [--json]`. */
export const headersCommand: CliCommand = {
  name: 'headers',
  summary: 'Print the Authorization header, Account SID and API base URL of the active (or a named) account.',
  usage: 'smsit-twilio headers [NAME] [--json]',
  description: [
    'Prints what GET /v1/headers answers: --json gives {"account", "baseUrl", "headers"} on one line.',
    'The Authorization value holds the secret (Basic-encoded): pass it straight to the request, never store it.',
  ].join('\n'),
  environment: ['SMSIT_TWILIO_HOME', 'SMSIT_TWILIO_KEYCHAIN_SERVICE', 'SMSIT_TWILIO_API_BASE'],
  async run(args, cli) {
    const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } }, { min: 0, max: 1, names: 'an account NAME' });
    const { registry, accounts, apiBase } = await cli.context();
    const record = pickAccount(await registry.read(), positionals[0] ?? null);
    const secret = await accounts.readSecret(record, requestSecretPurpose(record));
    const answer = headersAnswer(record, secret, apiBase);
    if (values.json) printJson(cli.io, answer);
    else {
      const { account } = answer;
      cli.io.stdout.write(
        `Account:       ${account.name} (${account.accountSid}, ${account.authType}, ${account.region})\n` +
          `Base URL:      ${answer.baseUrl}\n` +
          `Authorization: ${answer.headers.Authorization}\n`,
      );
    }
    return EXIT_OK;
  },
};
