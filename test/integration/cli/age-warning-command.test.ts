// `smsit-twilio accounts age-warning DAYS|off`: the setting the tray's key-age warning reads.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index';
import { memoryHome, recordedIo } from '../../helpers/memory-home';
import { tempDir } from '../../helpers/temp-dir';

async function setup() {
  const { context } = memoryHome({ dir: await tempDir('smsit-age-') });
  const run = async (...args: string[]) => {
    const { streams, out } = recordedIo();
    const code = await runCli(args, streams, { context: async () => context });
    return { code, ...out };
  };
  return { registry: context.registry, run };
}

describe('smsit-twilio accounts age-warning', () => {
  it('sets the number of days and turns the warning off again', async () => {
    const { registry, run } = await setup();
    expect(await run('accounts', 'age-warning', '90')).toMatchObject({ code: 0, stdout: 'The tray will warn when a key or token is 90 days old or older.\n' });
    expect((await registry.read()).settings).toEqual({ keyAgeWarningDays: 90 });
    expect((await run('accounts', 'age-warning', 'OFF')).code).toBe(0);
    expect((await registry.read()).settings).toEqual({ keyAgeWarningDays: null });
  });

  it('refuses anything but 1–3650 days or "off" (exit 2)', async () => {
    const { run } = await setup();
    for (const wrong of ['0', '2.5', 'soon', '4000']) expect((await run('accounts', 'age-warning', wrong)).code).toBe(2);
  });
});
