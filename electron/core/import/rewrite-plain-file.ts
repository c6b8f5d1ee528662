/**
 * Rewrites a plain file in place for --scrub: read as bytes, changed by a function, written to a
 * temp file beside it with the same mode and renamed over it — a reader sees the old file or the
 * new one, never half. No copy of the old content is kept anywhere (it holds a secret in clear).
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { AppError } from '../errors';
import { writeFileAtomic } from '../registry/atomic-write';

/** Reads a text file that must round-trip byte for byte through UTF-8 (so nothing else changes when it is rewritten). */
export async function readPlainFile(path: string): Promise<string> {
  const bytes = await readFile(path);
  const content = bytes.toString('utf8');
  if (!Buffer.from(content, 'utf8').equals(bytes)) {
    throw new AppError('bad-input', `${path} is not UTF-8 text, so it cannot be rewritten without changing other lines; remove the secret from it yourself.`, { path });
  }
  return content;
}

/** Applies `change` to the file's text and puts the result in its place atomically, keeping its mode; follows a symlink to the real file. */
export async function rewritePlainFile(path: string, change: (content: string) => string): Promise<void> {
  const real = await realpath(path);
  const { mode } = await stat(real);
  const next = change(await readPlainFile(real));
  try {
    await writeFileAtomic(real, next, mode);
  } catch (error) {
    throw error instanceof AppError ? error : new AppError('io', `${path} could not be rewritten (${(error as NodeJS.ErrnoException).code ?? 'error'}); it was left as it is.`, { path }, { cause: error });
  }
}
