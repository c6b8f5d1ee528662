/**
 * The shape of one `smsit-twilio` command and what it is given to run. Commands are plain
 * objects listed in the table of `index.ts`; adding one is a file plus one line there.
 */
import type { AppContext } from '../core/app-context';
import type { TwilioService } from '../core/twilio/twilio-service';
import type { CliIo } from './cli-io';

/** What every command gets: the terminal, and the core built on demand (so `--help` never touches the keychain). */
export interface CliEnv {
  io: CliIo;
  env: NodeJS.ProcessEnv;
  /** Registry, keychain and account store of the data folder (SMSIT_TWILIO_HOME or the app's). */
  context(): Promise<AppContext>;
  /** The Twilio client, honouring SMSIT_TWILIO_API_BASE; `timeoutMs` overrides the 15 s default. */
  twilio(timeoutMs?: number): TwilioService;
}

/** One top-level command (`verify`, `accounts`, …). `run` returns the exit code. */
export interface CliCommand {
  name: string;
  /** One line for the overview in `smsit-twilio --help`. */
  summary: string;
  /** The usage lines shown by `smsit-twilio NAME --help` and on a usage error. */
  usage: string;
  run(args: string[], cli: CliEnv): Promise<number>;
}

/** Thrown for wrong usage (unknown option, missing argument): printed with the usage, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
