/** Runs the real `bin/smsit-twilio.mjs` in a child process (async: the fake Twilio lives in this process). */
import { fileURLToPath } from 'node:url';
import { runNode, type ScriptResult } from '../../helpers/run-script';

const BIN = fileURLToPath(new URL('../../../bin/smsit-twilio.mjs', import.meta.url));

export type CliRun = ScriptResult;

/** Spawns the command with `input` piped to stdin and `env` added to a copy of this environment without TWILIO_* variables. */
export function runSmsitTwilio(args: string[], options: { input?: string; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  const env = { ...process.env, ...options.env };
  for (const name of Object.keys(env)) if (name.startsWith('TWILIO_') || env[name] === undefined) delete env[name];
  return runNode([BIN, ...args], { env, stdin: options.input ?? '' });
}
