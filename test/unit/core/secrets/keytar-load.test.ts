// keytar is loaded on first use; a load that fails as a missing libsecret does becomes the typed
// keychain-unavailable error, told by the error's code (never by its message text).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/core/errors';
import { KeytarSecretStore } from '../../../../electron/core/secrets/keytar-secret-store';
import { tempDir } from '../../../helpers/temp-dir';

const require = createRequire(import.meta.url);

describe('KeytarSecretStore loading keytar', () => {
  it('turns a native module that cannot be opened (ERR_DLOPEN_FAILED, as without libsecret) into keychain-unavailable', async () => {
    const broken = join(await tempDir(), 'keytar.node');
    writeFileSync(broken, 'not a shared library');
    let loads = 0;
    const store = new KeytarSecretStore('test service', async () => {
      loads += 1;
      return require(broken);
    });
    const failure = await store.get('id', 'auth-token').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ kind: 'keychain-unavailable' });
    expect((failure as AppError).message).toMatch(/^The system keychain could not be opened: its native module did not load/);
    expect(((failure as AppError).cause as { code?: string }).code).toBe('ERR_DLOPEN_FAILED');
    // Not cached as broken: the next call tries again (the user may have installed libsecret).
    await store.list().catch(() => {});
    expect(loads).toBe(2);
  });

  it('turns a missing keytar module into keychain-unavailable saying how to rebuild it', async () => {
    const store = new KeytarSecretStore('test service', async () => require(join(await tempDir(), 'keytar.node')));
    const failure = await store.set('id', 'auth-token', 'x').catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: 'keychain-unavailable' });
    expect((failure as AppError).message).toContain('Run "npm rebuild keytar"');
  });

  it('leaves any other failure as it is, whatever its message says', async () => {
    const odd = new Error('keytar: libsecret exploded');
    const store = new KeytarSecretStore('test service', async () => {
      throw odd;
    });
    await expect(store.get('id', 'auth-token')).rejects.toBe(odd);
  });

  it('does not load keytar until a secret is asked for', () => {
    let loads = 0;
    new KeytarSecretStore('test service', async () => {
      loads += 1;
      throw new Error('not reached');
    });
    expect(loads).toBe(0);
  });
});
