/**
 * The packaged app's Electron fuses (issue 14.7). The Electron binary cannot be downloaded here,
 * so this takes the fuse settings from electron-builder.yml, checks them against electron-builder's
 * own schema, turns them into a fuse config with electron-builder's own code, and lets
 * @electron/fuses flip them in a stand-in file that carries the fuse sentinel and Electron's
 * default wire — the same steps `npm run dist` performs on the real binary.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FuseV1Options, getCurrentFuseWire, flipFuses } from '@electron/fuses';
import { PlatformPackager } from 'app-builder-lib';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { tempDir } from '../../helpers/temp-dir';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's shipped wire: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, V8 snapshot off, file: privileges on. */
const ELECTRON_DEFAULT_WIRE = '10110001';

async function builderConfig(): Promise<any> {
  return parse(await readFile(join(__dirname, '../../../electron-builder.yml'), 'utf8'));
}

async function standInBinary(): Promise<string> {
  const file = join(await tempDir(), 'smsit-twilio-credentials');
  const wire = Buffer.concat([Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]), Buffer.from(ELECTRON_DEFAULT_WIRE, 'latin1')]);
  await writeFile(file, Buffer.concat([Buffer.alloc(4096, 0xcc), Buffer.from(SENTINEL, 'latin1'), wire, Buffer.alloc(4096, 0xcc)]));
  return file;
}

describe('Electron fuses of the packaged app', () => {
  it('are valid electron-builder configuration', async () => {
    const config = await builderConfig();
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} } as never)).resolves.toBeUndefined();
    expect(config.asar).not.toBe(false); // OnlyLoadAppFromAsar needs the app in an asar
  });

  it('turn RunAsNode, NODE_OPTIONS and --inspect off and asar integrity, asar-only and cookie encryption on', async () => {
    const config = await builderConfig();
    const fuseConfig = await (PlatformPackager.prototype as any).generateFuseConfig.call({}, config.electronFuses);
    const binary = await standInBinary();
    await flipFuses(binary, fuseConfig);
    const wire = await getCurrentFuseWire(binary);
    const state = (option: FuseV1Options) => ({ 49: 'on', 48: 'off' })[wire[option] as number] ?? `state ${wire[option]}`;
    expect({
      runAsNode: state(FuseV1Options.RunAsNode),
      nodeOptions: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      inspect: state(FuseV1Options.EnableNodeCliInspectArguments),
      asarIntegrity: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      onlyAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      cookieEncryption: state(FuseV1Options.EnableCookieEncryption),
    }).toEqual({ runAsNode: 'off', nodeOptions: 'off', inspect: 'off', asarIntegrity: 'on', onlyAsar: 'on', cookieEncryption: 'on' });
  });
});
