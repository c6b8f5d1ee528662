/** Option parsing for every command, on node:util parseArgs, with usage errors people can act on. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-command';

type Options = NonNullable<ParseArgsConfig['options']>;

const SECRET_OPTIONS = /^--?(auth-?token|secret|api-?key-?secret|token|password)(=|$)/i;

/** Parses `args` strictly (`--help` is handled before, in index.ts); a wrong option becomes a UsageError, a secret on the command line a pointed one. */
export function parseOptions<O extends Options>(args: string[], options: O, positionals: { min: number; max: number; names: string }) {
  const secretArg = args.find((arg) => SECRET_OPTIONS.test(arg));
  if (secretArg) {
    throw new UsageError(
      `Secrets are never taken on the command line (they would stay in your shell history and show in the process list). ` +
        `Leave out ${secretArg.split('=')[0]}: the command asks for the secret, or reads the first line of a pipe.`,
    );
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
  const count = parsed.positionals.length;
  if (count < positionals.min || count > positionals.max) {
    throw new UsageError(count < positionals.min ? `Missing ${positionals.names}.` : `Unexpected argument "${parsed.positionals[positionals.max]}".`);
  }
  return parsed;
}

/** `--timeout S` in milliseconds: a positive number of seconds, at most 120. */
export function timeoutOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 120) {
    throw new UsageError(`--timeout takes a number of seconds between 1 and 120, not "${value}".`);
  }
  return Math.round(seconds * 1000);
}
