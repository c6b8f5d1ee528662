/** `smsit-twilio verify`: checks pasted credentials against Twilio without saving anything. */
import { parseOptions, timeoutOption } from '../cli-args';
import type { CliCommand } from '../cli-command';
import { printJson, printReport, reportJson } from '../cli-output';
import { EXIT_OK, exitCodeFor } from '../exit-codes';
import { CREDENTIAL_OPTIONS, draftFromOptions } from './credential-options';

/** The `verify` command. */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Check credentials against Twilio (nothing is saved)',
  usage: 'smsit-twilio verify --account-sid AC… [--api-key-sid SK…] [--region R --edge E] [--timeout S] [--json]',
  description: [
    'The secret (the Auth Token, or the API Key Secret when --api-key-sid is given) is read from stdin:',
    'typed at a hidden prompt, or the first line of a pipe. It is never taken from the command line.',
    'With --json, prints one object: {ok, authType, keyType, account, warnings, error}.',
    'The flags are checked before the secret is asked for.',
  ].join('\n'),
  environment: ['SMSIT_TWILIO_API_BASE'],
  async run(args, cli) {
    const { values } = parseOptions(args, { ...CREDENTIAL_OPTIONS, timeout: { type: 'string' }, json: { type: 'boolean' } }, { min: 0, max: 0, names: '' });
    const timeoutMs = timeoutOption(values.timeout);
    const draft = await draftFromOptions(cli.io, values);
    const report = await cli.twilio(timeoutMs).verify(draft);
    if (values.json) printJson(cli.io, reportJson(report));
    else printReport(cli.io, report);
    return report.ok ? EXIT_OK : exitCodeFor(report.error?.kind ?? 'internal');
  },
};
