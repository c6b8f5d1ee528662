/**
 * Runs one command as a child with its own environment and the caller's terminal: stdin, stdout
 * and stderr are shared, SIGINT and SIGTERM sent to us are passed on, and the child's way of
 * ending comes back as a shell would report it (its code, or 128 + the signal's number).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { AppError } from '../errors';

/** The signals passed on to the child (a terminal's Ctrl-C, a service manager's stop). */
export const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** How the child ended. */
export interface ChildEnd {
  /** The child's exit code, or 128 + signal number when a signal ended it (as sh reports it). */
  exitCode: number;
  signal: NodeJS.Signals | null;
}

/** A command that could not be started, with the exit code a shell gives for it: 127 not found, 126 not runnable. */
export class ChildStartError extends AppError {
  readonly exitCode: number;

  constructor(command: string, error: NodeJS.ErrnoException) {
    const notFound = error.code === 'ENOENT';
    super(
      notFound ? 'bad-input' : 'io',
      notFound
        ? `"${command}" was not found. Give the command's full path, or check that it is on your PATH.`
        : `"${command}" could not be started (${error.code === 'EACCES' ? 'permission denied' : (error.code ?? 'unknown error')}).`,
      { field: 'command' },
    );
    this.exitCode = notFound ? 127 : 126;
  }
}

/** Starts `command args…` with `env` and resolves when it has ended; rejects (ChildStartError) when it cannot start. */
export function runChild(command: string, args: readonly string[], env: NodeJS.ProcessEnv, signals: NodeJS.EventEmitter = process): Promise<ChildEnd> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => () => void child.kill(signal);
    const handlers = FORWARDED_SIGNALS.map((signal) => [signal, forward(signal)] as const);
    // Listening keeps us alive on these signals until the child has decided what to do with them.
    for (const [signal, handler] of handlers) signals.on(signal, handler);
    const stopForwarding = () => {
      for (const [signal, handler] of handlers) signals.removeListener(signal, handler);
    };
    child.once('error', (error) => {
      stopForwarding();
      reject(new ChildStartError(command, error));
    });
    child.once('exit', (code, signal) => {
      stopForwarding();
      resolve({ exitCode: code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0), signal });
    });
  });
}
