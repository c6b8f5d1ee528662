import { describe, expect, it, vi } from 'vitest';
import { createShellHandlers, mergeHandlers, type CoreHandlers } from '../../../electron/main/shell-handlers';
import { CHANNELS } from '../../../electron/shared/ipc-contract';

describe('shell channel handlers', () => {
  it('links:open opens an allow-listed Twilio page in the browser', async () => {
    const openInBrowser = vi.fn(async () => undefined);
    const handlers = createShellHandlers({ openInBrowser, writeClipboard: vi.fn() });
    await expect(handlers['links:open']({ url: 'https://www.twilio.com/docs/iam/api-keys' })).resolves.toBeNull();
    expect(openInBrowser).toHaveBeenCalledWith('https://www.twilio.com/docs/iam/api-keys');
  });

  it('links:open refuses anything else with a forbidden error, opening nothing', async () => {
    const openInBrowser = vi.fn(async () => undefined);
    const handlers = createShellHandlers({ openInBrowser, writeClipboard: vi.fn() });
    await expect(handlers['links:open']({ url: 'file:///etc/passwd' })).rejects.toMatchObject({ kind: 'forbidden' });
    expect(openInBrowser).not.toHaveBeenCalled();
  });

  it('links:open says so, with the link, when no application could open it', async () => {
    const handlers = createShellHandlers({ openInBrowser: vi.fn(async () => { throw new Error('no handler'); }), writeClipboard: vi.fn() });
    await expect(handlers['links:open']({ url: 'mailto:support@sms-it.ai' })).rejects.toMatchObject({
      kind: 'io',
      message: 'No application on this computer opened the link. You can open it yourself: mailto:support@sms-it.ai',
    });
  });

  it('clipboard:copy writes the text', async () => {
    const writeClipboard = vi.fn();
    await createShellHandlers({ openInBrowser: vi.fn(), writeClipboard })['clipboard:copy']({ text: 'http://127.0.0.1:4587' });
    expect(writeClipboard).toHaveBeenCalledWith('http://127.0.0.1:4587');
  });

  it('merge covers every channel and keeps a class-based service’s `this`', async () => {
    class Service {
      secretName = 'from-the-instance';
      async 'state:get'() {
        return this.secretName;
      }
    }
    const core = new Service() as unknown as Record<string, unknown>;
    for (const channel of CHANNELS) if (!(channel in core) && !channel.startsWith('links') && !channel.startsWith('clipboard')) core[channel] = async () => channel;
    const merged = mergeHandlers(core as unknown as CoreHandlers, createShellHandlers({ openInBrowser: vi.fn(), writeClipboard: vi.fn() }));
    expect(Object.keys(merged).sort()).toEqual([...CHANNELS].sort());
    await expect(merged['state:get'](undefined)).resolves.toBe('from-the-instance');
  });

  it('merge fails loudly at start when the core lacks a channel', () => {
    expect(() => mergeHandlers({} as CoreHandlers, createShellHandlers({ openInBrowser: vi.fn(), writeClipboard: vi.fn() }))).toThrow(/No handler for IPC channel/);
  });
});
