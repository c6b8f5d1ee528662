/**
 * The `smsit-twilio` command: the composition root of the headless shell. It builds the
 * core on demand (no keychain is touched for `--help` or `verify`), dispatches to the command
 * table, and turns every error into a message and an exit code (exit-codes.ts).
 * Secrets come only from stdin; TWILIO_* environment variables are never read.
 */
import pkg from '../../package.json';
import type { AppContext } from '../core/app-context';
import { AppError } from '../core/errors';
import { TwilioService } from '../core/twilio/twilio-service';
import { UsageError, type CliCommand, type CliEnv } from './cli-command';
import type { CliIo } from './cli-io';
import { errorJson, printError, printJson } from './cli-output';
import { accountsCommand } from './commands/accounts';
import { verifyCommand } from './commands/verify';
import { serveCommand } from './commands/serve';
import { tokensCommand } from './commands/tokens';
import { logCommand } from './commands/log';
import { headersCommand } from './commands/headers';
import { EXIT_OK, EXIT_STORAGE, EXIT_USAGE, exitCodeFor } from './exit-codes';

/** Every command, in the order `--help` lists them. Add a command: its file, plus one line here. */
export const COMMANDS: CliCommand[] = [
  verifyCommand,
  accountsCommand,
  serveCommand,
  tokensCommand,
  headersCommand,
  logCommand,
];


function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'smsit-twilio — keep Twilio credentials in the system keychain and check them with Twilio.',
    '',
    'Usage: smsit-twilio COMMAND [OPTIONS]   (smsit-twilio COMMAND --help for details)',
    '',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Secrets are read from stdin (hidden prompt, or the first line of a pipe), never from arguments.',
    'Exit codes: 0 ok, 1 credentials rejected, 2 bad input or usage, 3 keychain unavailable,',
    '4 network / timeout / rate limit / Twilio error.',
    'Environment: SMSIT_TWILIO_HOME (data folder), SMSIT_TWILIO_API_BASE (send all Twilio requests there).',
    'TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and the other TWILIO_* variables are ignored on purpose.',
  ].join('\n');
}

/** What a run may be given instead of the real thing (tests): environment, fetch, the core's objects. */
export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  context?: () => Promise<AppContext>;
}

/** The CliEnv of this process: core objects built lazily from `env`. */
export function createCliEnv(io: CliIo, options: CliOptions = {}): CliEnv {
  const env = options.env ?? process.env;
  let context: Promise<AppContext> | undefined;
  return {
    io,
    env,
    context() {
      // Imported here, not at the top: loading keytar must not be needed for --help or verify.
      context ??= options.context?.() ?? import('../core/app-context').then(({ openAppContext }) => openAppContext({ env }));
      return context;
    },
    twilio(timeoutMs) {
      return new TwilioService({ fetch: options.fetch, apiBase: env.SMSIT_TWILIO_API_BASE ?? null, ...(timeoutMs ? { timeoutMs } : {}) });
    },
  };
}

function checkApiBase(env: NodeJS.ProcessEnv): void {
  const base = env.SMSIT_TWILIO_API_BASE?.trim();
  if (!base) return;
  let url: URL | null = null;
  try {
    url = new URL(base);
  } catch {
    url = null;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password) {
    throw new UsageError(`SMSIT_TWILIO_API_BASE must be an http(s) URL without credentials, like https://twilio-proxy.example.com; it is "${url ? url.origin : base}".`);
  }
}

/** Runs one command line; returns the exit code. Output goes to `io`. */
export async function runCli(argv: string[], io: CliIo, options: CliOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${overview()}\n`);
    return name ? EXIT_OK : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${pkg.version}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`Unknown command "${name}".\n\n${overview()}\n`);
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    checkApiBase(env);
    return await command.run(args, createCliEnv(io, options));
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\nUsage:\n${command.usage}\n`);
      return EXIT_USAGE;
    }
    if (args.includes('--json')) printJson(io, { ok: false, error: errorJson(error) });
    else printError(io, error);
    if (error instanceof AppError) return exitCodeFor(error.kind);
    // keytar failing to load at all (no libsecret) is a keychain problem, not a crash.
    if (/keytar|libsecret/i.test(String((error as Error)?.message))) return EXIT_STORAGE;
    return exitCodeFor('internal');
  }
}

/** The process entry: real streams and environment, and the exit code. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
}
