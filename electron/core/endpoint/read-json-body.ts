/** Reads a small JSON request body with a hard size limit, so a client can't make us buffer megabytes. */
import type { IncomingMessage } from 'node:http';
import { AppError } from '../errors';

/** A body error that also knows its HTTP status (413 / 415 / 400). */
export class BodyError extends AppError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super('bad-input', message);
  }
}

/** Resolves the parsed JSON body; rejects with BodyError for a wrong type, an oversized or malformed body. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new BodyError(415, 'Send the body as JSON with the header Content-Type: application/json.');
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyError(400, 'The request body is not valid JSON.');
  }
}

function tooLarge(maxBytes: number): BodyError {
  return new BodyError(413, `The request body is larger than ${Math.round(maxBytes / 1024)} KiB, the most this endpoint accepts.`);
}
