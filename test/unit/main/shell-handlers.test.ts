import { describe, expect, it, vi } from 'vitest';
import type { AppService } from '../../../electron/core/app-service';
import { createShellHandlers, mergeHandlers } from '../../../electron/main/shell-handlers';
import { CHANNELS } from '../../../electron/shared/ipc-contract';

describe('shell channel handlers', () => {
  it('links:open opens an allow-listed Twilio page in the browser', async () => {
    const openInBrowser = vi.fn(async () => undefined);
    const handlers = createShellHandlers({ openInBrowser, writeClipboard: vi.fn(), chooseEnvFiles: vi.fn() });
    await expect(handlers['links:open']({ url: 'https://www.twilio.com/docs/iam/api-keys' })).resolves.toBeNull();
    expect(openInBrowser).toHaveBeenCalledWith('https://www.twilio.com/docs/iam/api-keys');
  });

  it('links:open refuses anything else with a forbidden error, opening nothing', async () => {
    const openInBrowser = vi.fn(async () => undefined);
    const handlers = createShellHandlers({ openInBrowser, writeClipboard: vi.fn(), chooseEnvFiles: vi.fn() });
    await expect(handlers['links:open']({ url: 'file:///etc/passwd' })).rejects.toMatchObject({ kind: 'forbidden' });
    expect(openInBrowser).not.toHaveBeenCalled();
  });

  it('links:open says so, with the link, when no application could open it', async () => {
    const handlers = createShellHandlers({ openInBrowser: vi.fn(async () => { throw new Error('no handler'); }), writeClipboard: vi.fn(), chooseEnvFiles: vi.fn() });
    await expect(handlers['links:open']({ url: 'mailto:support@sms-it.ai' })).rejects.toMatchObject({
      kind: 'io',
      message: 'No application on this computer opened the link. You can open it yourself: mailto:support@sms-it.ai',
    });
  });

  it('clipboard:copy writes the text', async () => {
    const writeClipboard = vi.fn();
    await createShellHandlers({ openInBrowser: vi.fn(), writeClipboard, chooseEnvFiles: vi.fn() })['clipboard:copy']({ text: 'http://127.0.0.1:4587' });
    expect(writeClipboard).toHaveBeenCalledWith('http://127.0.0.1:4587');
  });

  it('env-files:choose answers the paths the user picked in the open dialog, and none when cancelled', async () => {
    const chooseEnvFiles = vi.fn(async () => ['/home/ana/app/.env']);
    const handlers = createShellHandlers({ openInBrowser: vi.fn(), writeClipboard: vi.fn(), chooseEnvFiles });
    await expect(handlers['env-files:choose'](undefined)).resolves.toEqual(['/home/ana/app/.env']);
    chooseEnvFiles.mockResolvedValueOnce([]);
    await expect(handlers['env-files:choose'](undefined)).resolves.toEqual([]);
  });

  it('import:find looks only in files the user picked in the open dialog: any other path is refused before the core reads anything', async () => {
    const find = vi.fn(async () => ({ found: [], notes: [] }));
    const core = { ...Object.fromEntries(CHANNELS.map((channel) => [channel, async () => null])), 'import:find': find } as unknown as AppService;
    const merged = mergeHandlers(core, createShellHandlers({ openInBrowser: vi.fn(), writeClipboard: vi.fn(), chooseEnvFiles: async () => ['/home/ana/shop/.env'] }));
    await expect(merged['import:find']({ envFiles: ['/home/ana/.ssh/id_ed25519'] })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(merged['import:find']({ envFiles: ['/home/ana/shop/.env'] })).rejects.toMatchObject({ kind: 'forbidden' });
    expect(find).not.toHaveBeenCalled();
    await merged['env-files:choose'](undefined);
    await expect(merged['import:find']({ envFiles: ['/home/ana/shop/.env'] })).resolves.toEqual({ found: [], notes: [] });
    await expect(merged['import:find']({ envFiles: [] })).resolves.toEqual({ found: [], notes: [] });
    expect(find).toHaveBeenCalledTimes(2);
  });

  it('merge answers every channel: the shell for links, clipboard and the open dialog, the core for the rest', async () => {
    const core = Object.fromEntries(CHANNELS.map((channel) => [channel, async () => `core ${channel}`])) as unknown as AppService;
    const writeClipboard = vi.fn();
    const merged = mergeHandlers(core, createShellHandlers({ openInBrowser: vi.fn(), writeClipboard, chooseEnvFiles: vi.fn() }));
    expect(Object.keys(merged).sort()).toEqual([...CHANNELS].sort());
    await expect(merged['state:get'](undefined)).resolves.toBe('core state:get');
    await expect(merged['clipboard:copy']({ text: 'x' })).resolves.toBeNull();
    expect(writeClipboard).toHaveBeenCalledWith('x');
  });
});
