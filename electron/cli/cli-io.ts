/**
 * The terminal as commands see it, injectable for tests: output streams, and the one way a
 * secret comes in — stdin, never argv (argv shows in `ps` and in shell history). On a
 * terminal it is a hidden prompt; from a pipe, the first line.
 */
import { createInterface } from 'node:readline';
import { AppError } from '../core/errors';

/** stdin as far as reading a secret needs it. */
export interface SecretInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/** Streams a command writes to and reads from. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: SecretInput;
}

/** The first line of a pipe (without its line break); empty when the pipe is empty. */
function firstLine(input: SecretInput): Promise<string> {
  return new Promise((resolve) => {
    const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(line);
    });
    lines.once('close', () => {
      if (!answered) resolve('');
    });
  });
}

/** Reads typed characters without echoing them, until Enter; Ctrl-C aborts. */
function hiddenPrompt(input: SecretInput, output: CliIo['stderr'], prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    output.write(prompt);
    input.setRawMode?.(true);
    input.resume();
    const done = (error: Error | null) => {
      input.setRawMode?.(false);
      input.pause();
      input.removeListener('data', onData);
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return done(null);
        if (char === '\u0003') return done(new AppError('bad-input', 'Cancelled: no secret was entered.'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}

/** Reads one secret from stdin: a hidden prompt on a terminal, else the first line of the pipe. */
export function readSecret(io: CliIo, label: string): Promise<string> {
  if (io.stdin.isTTY) return hiddenPrompt(io.stdin, io.stderr, `${label} (typing is hidden): `);
  return firstLine(io.stdin);
}

/** Asks a yes/no question on a terminal (stderr); only "y" or "yes" is yes, anything else — Enter included — is no. */
export async function askYesNo(io: CliIo, question: string): Promise<boolean> {
  io.stderr.write(`${question} [y/N] `);
  const answer = await firstLine(io.stdin);
  return /^\s*y(es)?\s*$/i.test(answer);
}
