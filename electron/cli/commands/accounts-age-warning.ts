/** `smsit-twilio accounts age-warning DAYS|off`: when the tray warns that a key or token is old (default: never). */
import { parseOptions } from '../cli-args';
import { UsageError, type CliSubcommand } from '../cli-command';
import { ACCOUNT_ENVIRONMENT } from '../cli-help';
import { EXIT_OK } from '../exit-codes';

/** The `age-warning` subcommand of `accounts`. */
export const ageWarningSubcommand: CliSubcommand = {
  name: 'age-warning',
  summary: 'Have the tray warn when a key or token is older than DAYS (off by default).',
  usage: 'smsit-twilio accounts age-warning DAYS|off',
  description: 'The age is shown by "accounts list" (SECRET AGE); "accounts rotate NAME" renews a key or token.',
  environment: ACCOUNT_ENVIRONMENT,
  async run(args, cli) {
    const { positionals } = parseOptions(args, {}, { min: 1, max: 1, names: 'DAYS (1 to 3650) or off' });
    const given = positionals[0]!.trim().toLowerCase();
    const days = given === 'off' ? null : Number(given);
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650)) throw new UsageError(`Give a whole number of days from 1 to 3650, or "off" — not "${positionals[0]}".`);
    const { registry } = await cli.context();
    await registry.update((current) => {
      current.settings = { ...current.settings, keyAgeWarningDays: days };
    });
    cli.io.stdout.write(days === null ? 'The tray will not warn about old keys and tokens.\n' : `The tray will warn when a key or token is ${days} days old or older.\n`);
    return EXIT_OK;
  },
};
