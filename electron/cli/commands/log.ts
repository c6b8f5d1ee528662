/** `smsit-twilio log`: the endpoint's recent requests, read from the access log file (the server may be another process). */
import { accessLogPath, resolveDataDir } from '../../core/paths';
import { parseOptions } from '../cli-args';
import { UsageError, type CliCommand } from '../cli-command';
import { printJson } from '../cli-output';
import { EXIT_OK } from '../exit-codes';

const requests = (count: number) => (count === 1 ? '1 request' : `${count} requests`);

/** `log [--limit N] [--json]`. */
export const logCommand: CliCommand = {
  name: 'log',
  summary: 'Show the loopback endpoint’s recent requests (time, token, route, account, status, duration).',
  usage: 'smsit-twilio log [--limit N] [--json]',
  description: 'The last N requests (default 50), oldest first; never a secret. Reads the access log file only.',
  environment: ['SMSIT_TWILIO_HOME'],
  async run(args, cli) {
    const { values } = parseOptions(args, { limit: { type: 'string' }, json: { type: 'boolean' } }, { min: 0, max: 0, names: '' });
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new UsageError(`--limit takes a number from 1 to 10000, not "${values.limit}".`);
    // Only the data folder is needed: reading the log never touches the keychain.
    const { readAccessLogFile } = await import('../../core/endpoint/access-log-file');
    const entries = await readAccessLogFile(accessLogPath(resolveDataDir(cli.env)), limit);
    if (values.json) {
      printJson(cli.io, entries);
      return EXIT_OK;
    }
    if (entries.length === 0) cli.io.stdout.write('No requests logged yet.\n');
    for (const e of entries) {
      const who = `token=${e.tokenName ?? '-'} account=${e.account ?? '-'}`;
      if (e.tokenName === null && e.count !== undefined) {
        cli.io.stdout.write(`${e.time}  ${e.status}  ${requests(e.count)} without a valid token (counted, not logged one by one)\n`);
        continue;
      }
      // Alike requests within a second share a line: its count, and the longest of their durations.
      const timing = e.count === undefined ? `${e.durationMs} ms` : `${requests(e.count)}, longest ${e.durationMs} ms`;
      cli.io.stdout.write(`${e.time}  ${e.status}  ${e.method.padEnd(4)} ${e.route}  ${who}  ${timing}\n`);
    }
    return EXIT_OK;
  },
};
