/**
 * The help texts of `smsit-twilio`: the overview, a command's help (its subcommands listed),
 * a subcommand's help, each naming the environment variables it reads.
 */
import type { CliCommand, CliHelp, CliSubcommand } from './cli-command';

/** Every environment variable the command line reads, with what it does; commands name theirs. */
export const ENVIRONMENT = {
  SMSIT_TWILIO_HOME: 'the data folder (accounts.json, engine tokens, access log); default: the app’s',
  SMSIT_TWILIO_KEYCHAIN_SERVICE: 'the keychain service name; default "SMS-iT Twilio Credentials"',
  SMSIT_TWILIO_API_BASE: 'send every Twilio request to this http(s) URL (a proxy) instead of Twilio',
  'TWILIO_*': 'Twilio credentials in this environment, listed and imported when chosen (not with --no-environment)',
} as const;

/** The name of an environment variable the command line reads. */
export type EnvironmentVariable = keyof typeof ENVIRONMENT;

/** Read by every command that opens the saved accounts. */
export const ACCOUNT_ENVIRONMENT: readonly EnvironmentVariable[] = ['SMSIT_TWILIO_HOME', 'SMSIT_TWILIO_KEYCHAIN_SERVICE'];

const IGNORED = 'TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and the other TWILIO_* variables are ignored on purpose.';

function environmentLines(names: readonly EnvironmentVariable[] | undefined, ignored = IGNORED): string[] {
  if (!names || names.length === 0) return ['Environment: none read. ' + ignored];
  const width = Math.max(...names.map((name) => name.length));
  // A command that reads TWILIO_* (import) lists them instead of saying they are ignored.
  return ['Environment:', ...names.map((name) => `  ${name.padEnd(width)}  ${ENVIRONMENT[name]}`), ...(names.includes('TWILIO_*') ? [] : [ignored])];
}

function listLines(entries: readonly { name: string; summary: string }[]): string[] {
  const width = Math.max(...entries.map((entry) => entry.name.length));
  return entries.map((entry) => `  ${entry.name.padEnd(width)}  ${entry.summary}`);
}

/** `smsit-twilio --help`. */
export function overviewHelp(commands: readonly CliCommand[]): string {
  return [
    'smsit-twilio — keep Twilio credentials in the system keychain and check them with Twilio.',
    '',
    'Usage: smsit-twilio COMMAND [OPTIONS]   (smsit-twilio COMMAND --help for details)',
    '',
    ...listLines(commands),
    '',
    'Secrets are read from stdin (hidden prompt, or the first line of a pipe), never from arguments.',
    'Exit codes: 0 ok, 1 credentials rejected, 2 bad input or usage, 3 keychain unavailable,',
    '4 network / timeout / rate limit / Twilio error.',
    '',
    ...environmentLines(
      (Object.keys(ENVIRONMENT) as EnvironmentVariable[]).filter((name) => name !== 'TWILIO_*'),
      'TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and the other TWILIO_* variables are ignored on purpose (import reads them to move them into the keychain).',
    ),
  ].join('\n');
}

function helpOf(item: CliHelp, extra: string[] = []): string {
  const usage = item.usage.split('\n');
  return [
    `Usage: ${usage[0]}`,
    ...usage.slice(1).map((line) => `       ${line}`),
    '',
    item.summary,
    ...(item.description ? ['', item.description] : []),
    ...extra,
    '',
    ...environmentLines(item.environment),
  ].join('\n');
}

/** `smsit-twilio COMMAND --help`: its usage, its subcommands if any, its environment. */
export function commandHelp(command: CliCommand): string {
  if (!command.subcommands) return helpOf(command);
  const names = new Set(command.subcommands.flatMap((sub) => sub.environment ?? []));
  return helpOf(
    { ...command, environment: (Object.keys(ENVIRONMENT) as EnvironmentVariable[]).filter((name) => names.has(name)) },
    ['', 'Subcommands (smsit-twilio ' + command.name + ' SUBCOMMAND --help for details):', ...listLines(command.subcommands)],
  );
}

/** `smsit-twilio COMMAND SUBCOMMAND --help`. */
export function subcommandHelp(subcommand: CliSubcommand): string {
  return helpOf(subcommand);
}

