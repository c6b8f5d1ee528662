/** Looks for Twilio credentials in twilio-cli's config, the environment and named .env files. */
import { basename, dirname, resolve } from 'node:path';
import { AppError } from '../errors';
import { dotenvVariables } from './dotenv-text';
import { credentialsFromVariables, type FoundCredential } from './found-credential';
import { readPlainFile } from './rewrite-plain-file';
import { twilioCliCredentials } from './twilio-cli-config';

/** Where to look. A missing twilio-cli config is fine unless its path was given; a missing .env file is an error. */
export interface ImportSources {
  twilioCliConfig: { path: string; given: boolean } | null;
  environment: Readonly<Record<string, string | undefined>> | null;
  envFiles: readonly string[];
}

/** What was found, in source order, and what was seen but cannot be imported. */
export interface FindResult {
  found: FoundCredential[];
  notes: string[];
}

async function readIfThere(path: string, required: boolean): Promise<string | null> {
  try {
    return await readPlainFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return null;
    if (error instanceof AppError) throw error;
    throw new AppError('bad-input', code === 'ENOENT' ? `There is no file ${path}.` : `${path} could not be read (${code ?? 'error'}).`, { path });
  }
}

/** Reads every source; never changes one. */
export async function findCredentials(sources: ImportSources): Promise<FindResult> {
  const found: FoundCredential[] = [];
  const notes: string[] = [];
  if (sources.twilioCliConfig) {
    const path = resolve(sources.twilioCliConfig.path);
    const content = await readIfThere(path, sources.twilioCliConfig.given);
    if (content !== null) {
      const cli = twilioCliCredentials(content, path);
      found.push(...cli.found);
      notes.push(...cli.notes);
    }
  }
  if (sources.environment) {
    found.push(...credentialsFromVariables(sources.environment, { kind: 'environment', path: null, suggestedName: 'From the environment' }));
  }
  for (const given of sources.envFiles) {
    const path = resolve(given);
    const content = (await readIfThere(path, true))!;
    const fromFile = credentialsFromVariables(dotenvVariables(content), { kind: 'env-file', path, suggestedName: basename(dirname(path)) || basename(path) });
    if (fromFile.length === 0) notes.push(`${path} holds no TWILIO_ACCOUNT_SID with a TWILIO_AUTH_TOKEN or TWILIO_API_KEY + TWILIO_API_SECRET.`);
    found.push(...fromFile);
  }
  return { found, notes };
}
