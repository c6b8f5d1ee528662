/** Reads and changes the account registry file: validated, locked across processes, written atomically. */
import { mkdir, rename } from 'node:fs/promises';
import { readFileNoFollow } from '../data-folder';
import { dirname, join } from 'node:path';
import { AppError } from '../errors';
import { writeFileAtomic, type WriteFile } from './atomic-write';
import { nameKey } from '../accounts/account-names';
import { withFileLock } from './file-lock';
import { emptyRegistry, REGISTRY_SCHEMA_VERSION, registrySchema, type Registry } from './registry-schema';

export interface RegistryFileOptions {
  path: string;
  writeFile?: WriteFile;
  lockTimeoutMs?: number;
  now?: () => Date;
}

/** Prefix of the name a damaged registry is kept aside under, beside the registry. */
export const CORRUPT_PREFIX = 'accounts.corrupt-';

type Parsed = { registry: Registry } | { problem: 'corrupt' | 'newer' } | { problem: 'duplicates'; message: string };

/** Accounts a hand edit doubled: one id twice, or names equal but for case. Null when there are none. */
function duplicates(registry: Registry): string | null {
  const seen = new Map<string, Registry['accounts'][number]>();
  for (const account of registry.accounts) {
    const twin = seen.get(`id:${account.id}`) ?? seen.get(`name:${nameKey(account.name)}`);
    if (twin) {
      return twin.id === account.id
        ? `two accounts have the same id "${account.id}" ("${twin.name}" and "${account.name}")`
        : `two accounts are named "${twin.name}" and "${account.name}", which differ only in case`;
    }
    seen.set(`id:${account.id}`, account).set(`name:${nameKey(account.name)}`, account);
  }
  return null;
}

function parse(text: string): Parsed {
  let json: unknown;
  try {
    // A byte order mark (Windows Notepad writes one) is not part of the JSON.
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { problem: 'corrupt' };
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > REGISTRY_SCHEMA_VERSION) return { problem: 'newer' };
  const result = registrySchema.safeParse(json);
  if (!result.success) return { problem: 'corrupt' };
  const doubled = duplicates(result.data);
  return doubled ? { problem: 'duplicates', message: doubled } : { registry: result.data };
}

/** The registry file of one data folder. */
export class RegistryFile {
  readonly path: string;
  private readonly writeFile: WriteFile;
  private readonly lockTimeoutMs: number;
  private readonly now: () => Date;
  private keptAside: AppError | null = null;

  constructor(options: RegistryFileOptions) {
    this.path = options.path;
    this.writeFile = options.writeFile ?? ((path, data) => writeFileAtomic(path, data));
    this.lockTimeoutMs = options.lockTimeoutMs ?? 10_000;
    this.now = options.now ?? (() => new Date());
  }

  /** The registry as it is on disk; an empty one on first run. Throws `registry-corrupt` after keeping a damaged file aside. */
  async read(): Promise<Registry> {
    const parsed = await this.load();
    if ('registry' in parsed) return parsed.registry;
    return this.locked(async () => {
      const again = await this.load();
      // A concurrent read of this instance kept the damaged file aside meanwhile: say so here too.
      if ('registry' in again && this.keptAside) throw this.keptAside;
      return this.recover(again);
    });
  }

  /** Runs `change` on the current registry under the lock and saves the result; returns what `change` returns. */
  async update<T>(change: (registry: Registry) => T | Promise<T>): Promise<T> {
    return this.locked(async () => {
      const registry = await this.recover(await this.load());
      const result = await change(registry);
      const checked = registrySchema.parse(registry);
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      try {
        await this.writeFile(this.path, `${JSON.stringify(checked, null, 2)}\n`);
      } catch (cause) {
        throw new AppError(
          'io',
          `Your accounts could not be saved to ${this.path}: ${(cause as NodeJS.ErrnoException).code ?? 'write failed'}. ` +
            'Nothing was changed. Check that the disk is not full and the folder is writable, then try again.',
          { path: this.path },
          { cause },
        );
      }
      return result;
    });
  }

  private locked<T>(fn: () => Promise<T>): Promise<T> {
    return mkdir(dirname(this.path), { recursive: true, mode: 0o700 }).then(() =>
      withFileLock(`${this.path}.lock`, fn, { timeoutMs: this.lockTimeoutMs }),
    );
  }

  private async load(): Promise<Parsed> {
    let text: string;
    try {
      text = await readFileNoFollow(this.path); // a link planted in the data folder is refused
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { registry: emptyRegistry() };
      if (error instanceof AppError) throw error; // a link refused: its message says what to do
      throw new AppError('io', `Your accounts file ${this.path} could not be read (${(error as NodeJS.ErrnoException).code}). Check its permissions, then try again.`, { path: this.path }, { cause: error });
    }
    return parse(text);
  }

  /** Never start empty over a user's accounts in silence: keep the damaged file and say where. */
  private async recover(parsed: Parsed): Promise<Registry> {
    if ('registry' in parsed) return parsed.registry;
    if (parsed.problem === 'duplicates') {
      // Using one of the two would be a guess (which secret, which is active): refuse both, keep the file.
      throw new AppError(
        'registry-corrupt',
        `Your accounts file ${this.path} was edited by hand and ${parsed.message}. It was left untouched, and no account is used until it is fixed: ` +
          'rename or remove one of them in the file (or restore a backup), then try again.',
        { path: this.path },
      );
    }
    if (parsed.problem === 'newer') {
      throw new AppError(
        'registry-corrupt',
        `Your accounts file ${this.path} was written by a newer version of SMS-iT Twilio Credentials. Update this app to use it; the file was left untouched.`,
        { path: this.path },
      );
    }
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const aside = join(dirname(this.path), `${CORRUPT_PREFIX}${stamp}.json`);
    await rename(this.path, aside);
    throw (this.keptAside = new AppError(
      'registry-corrupt',
      `Your accounts file could not be read: it is damaged. It was kept aside as ${aside}, and the app now starts with no accounts. ` +
        'Your secrets are still in the keychain: add the accounts again, or send that file to support@sms-it.ai for help.',
      { path: aside },
    ));
  }
}
