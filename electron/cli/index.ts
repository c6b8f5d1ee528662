/**
 * The `smsit-twilio` command: the composition root of the headless shell. It builds the
 * core on demand (no keychain is touched for `--help` or `verify`), dispatches to the command
 * table, and turns every error into a message and an exit code (exit-codes.ts).
 * Secrets come only from stdin; TWILIO_* environment variables are never read.
 * Built to out/cli/index.js (scripts/build-cli.mjs); heavy modules (twilio, keytar, the
 * endpoint) are imported by the commands that use them, so `--help` starts in a blink.
 */
import { version } from '../../package.json';
import type { AppContext } from '../core/app-context';
import { parseApiBase } from '../core/api-base';
import { AppError, toErrorInfo } from '../core/errors';
import { TwilioService } from '../core/twilio/twilio-service';
import { UsageError, type CliCommand, type CliEnv, type CliHelp } from './cli-command';
import { commandHelp, overviewHelp, subcommandHelp } from './cli-help';
import type { CliIo } from './cli-io';
import { errorJson, printError, printJson } from './cli-output';
import { accountsCommand } from './commands/accounts';
import { verifyCommand } from './commands/verify';
import { serveCommand } from './commands/serve';
import { tokensCommand } from './commands/tokens';
import { logCommand } from './commands/log';
import { headersCommand } from './commands/headers';
import { doctorCommand } from './commands/doctor';
import { execCommand } from './commands/exec';
import { importCommand } from './commands/import';
import { EXIT_OK, EXIT_USAGE, exitCodeFor } from './exit-codes';

/** Every command, in the order `--help` lists them. Add a command: its file, plus one line here. */
export const COMMANDS: CliCommand[] = [
  verifyCommand,
  accountsCommand,
  serveCommand,
  tokensCommand,
  headersCommand,
  execCommand,
  importCommand,
  logCommand,
  doctorCommand,
];

/** What a run may be given instead of the real thing (tests): environment, fetch, the core's objects. */
export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  context?: () => Promise<AppContext>;
}

/** The CliEnv of this process: core objects built lazily from `env`; `apiBase` is SMSIT_TWILIO_API_BASE as parsed once by runCli. */
export function createCliEnv(io: CliIo, options: CliOptions = {}, apiBase: string | null = null): CliEnv {
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
      return new TwilioService({ fetch: options.fetch, apiBase, ...(timeoutMs ? { timeoutMs } : {}) });
    },
  };
}

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

/** The command line resolved to what runs: the command or subcommand, its arguments, its help. */
interface Target {
  help: CliHelp;
  helpText: string;
  args: string[];
  run: ((args: string[], cli: CliEnv) => Promise<number>) | null;
}

/** Finds the subcommand named by `args[0]` when the command has subcommands; else the command itself. */
function resolveTarget(command: CliCommand, args: string[]): Target {
  if (!command.subcommands) {
    return { help: command, helpText: commandHelp(command), args, run: command.run?.bind(command) ?? null };
  }
  const [name, ...rest] = args;
  const subcommand = command.subcommands.find((candidate) => candidate.name === name);
  if (subcommand) return { help: subcommand, helpText: subcommandHelp(subcommand), args: rest, run: subcommand.run.bind(subcommand) };
  const names = command.subcommands.map((sub) => sub.name).join(', ');
  const problem =
    name === undefined || isHelp(name) ? null : name.startsWith('-') ? `Say what to do first: smsit-twilio ${command.name} ${names.split(', ')[0]} …` : `Unknown subcommand "${command.name} ${name}": use ${names}.`;
  return {
    help: command,
    helpText: commandHelp(command),
    args: rest,
    run: async () => {
      throw new UsageError(problem ?? `Say what to do: smsit-twilio ${command.name} SUBCOMMAND (${names}).`);
    },
  };
}

/** Runs one command line; returns the exit code. Output goes to `io`. */
export async function runCli(argv: string[], io: CliIo, options: CliOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const [name, ...args] = argv;
  if (!name || isHelp(name) || name === 'help') {
    io.stdout.write(`${overviewHelp(COMMANDS)}\n`);
    return name ? EXIT_OK : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`Unknown command "${name}".\n\n${overviewHelp(COMMANDS)}\n`);
    return EXIT_USAGE;
  }
  const target = resolveTarget(command, args);
  // After `--` the words belong to another command (exec): its --help and --json are not ours.
  const own = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (own.some(isHelp)) {
    io.stdout.write(`${target.helpText}\n`);
    return EXIT_OK;
  }
  try {
    const apiBase = parseApiBase(env); // a wrong value is said before any work, whatever the command
    if (!target.run) throw new UsageError(`"${command.name}" cannot run on its own.`);
    return await target.run(target.args, createCliEnv(io, options, apiBase));
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\nUsage: ${target.help.usage.split('\n').join('\n       ')}\n(smsit-twilio ${argv.slice(0, target.help === command ? 1 : 2).join(' ')} --help for details)\n`);
      return EXIT_USAGE;
    }
    if (own.includes('--json')) printJson(io, { ok: false, error: errorJson(toErrorInfo(error)) });
    else printError(io, error);
    // keytar failing to load (no libsecret) arrives as a typed keychain-unavailable AppError (keytar-secret-store.ts).
    if (error instanceof AppError) return exitCodeFor(error.kind);
    return exitCodeFor('internal');
  }
}

/** The process entry: real streams and environment, and the exit code. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
}
