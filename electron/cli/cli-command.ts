/**
 * The shape of one `smsit-twilio` command and what it is given to run. Commands are plain
 * objects listed in the table of `index.ts`; adding one is a file plus one line there. A command
 * with subcommands (`accounts`, `tokens`) lists them, and each has its own `--help`.
 */
import type { AppContext } from '../core/app-context';
import type { TwilioService } from '../core/twilio/twilio-service';
import type { CliIo } from './cli-io';
import type { EnvironmentVariable } from './cli-help';

/** What every command gets: the terminal, and the core built on demand (so `--help` never touches the keychain). */
export interface CliEnv {
  io: CliIo;
  env: NodeJS.ProcessEnv;
  /** Registry, keychain and account store of the data folder (SMSIT_TWILIO_HOME or the app's). */
  context(): Promise<AppContext>;
  /** The Twilio client, honouring SMSIT_TWILIO_API_BASE; `timeoutMs` overrides the 15 s default. */
  twilio(timeoutMs?: number): TwilioService;
}

/** What `--help` shows for a command or a subcommand. */
export interface CliHelp {
  /** One line for the list in the parent's help (`smsit-twilio --help`, `smsit-twilio accounts --help`). */
  summary: string;
  /** The usage line(s), each starting with `smsit-twilio …`. */
  usage: string;
  /** What it does, in a few lines, shown under the usage. */
  description?: string;
  /** The environment variables it reads, named in its help (cli-help.ts describes each one). */
  environment?: readonly EnvironmentVariable[];
}

/** One subcommand (`accounts add`); `run` gets the arguments after its name and returns the exit code. */
export interface CliSubcommand extends CliHelp {
  name: string;
  run(args: string[], cli: CliEnv): Promise<number>;
}

/** One top-level command (`verify`, `accounts`, …): either `run`, or `subcommands` dispatched by index.ts. */
export interface CliCommand extends CliHelp {
  name: string;
  subcommands?: readonly CliSubcommand[];
  run?(args: string[], cli: CliEnv): Promise<number>;
}

/** Thrown for wrong usage (unknown option, missing argument): printed with the usage, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
