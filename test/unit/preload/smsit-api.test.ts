import { describe, expect, it, vi } from 'vitest';
import { buildSmsitApi, type BridgeIpc } from '../../../electron/preload/smsit-api';
import { CHANNELS, STATE_CHANGED } from '../../../electron/shared/ipc-contract';

function fakeIpc() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const ipc = {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
    on: vi.fn((channel: string, fn: (...args: unknown[]) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(fn));
      return ipc;
    }),
    removeListener: vi.fn((channel: string, fn: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(fn);
      return ipc;
    }),
    emit: (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((fn) => fn(...args)),
    count: (channel: string) => listeners.get(channel)?.size ?? 0,
  };
  return ipc;
}

describe('preload bridge (window.smsit)', () => {
  it('has one method per contract channel plus onStateChanged, and nothing else', () => {
    const api = buildSmsitApi(fakeIpc() as unknown as BridgeIpc);
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onStateChanged'].sort());
    for (const key of Object.keys(api)) expect(typeof (api as Record<string, unknown>)[key]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('each method invokes its own channel with exactly the one payload given', async () => {
    const ipc = fakeIpc();
    const api = buildSmsitApi(ipc as unknown as BridgeIpc);
    await expect(api['accounts:rename']({ id: 'acc-1', name: 'Prod' })).resolves.toEqual({ ok: true, value: { channel: 'accounts:rename', input: { id: 'acc-1', name: 'Prod' } } });
    await api['state:get']();
    expect(ipc.invoke).toHaveBeenNthCalledWith(1, 'accounts:rename', { id: 'acc-1', name: 'Prod' });
    expect(ipc.invoke).toHaveBeenNthCalledWith(2, 'state:get', undefined);
    for (const channel of CHANNELS) await (api[channel] as (input?: unknown) => Promise<unknown>)({});
    expect(ipc.invoke.mock.calls.slice(2).map((call) => call[0])).toEqual(CHANNELS);
  });

  it('onStateChanged hands the listener the state only (never the IPC event) and unsubscribes', () => {
    const ipc = fakeIpc();
    const api = buildSmsitApi(ipc as unknown as BridgeIpc);
    const listener = vi.fn();
    const stop = api.onStateChanged(listener);
    const event = { sender: 'the ipcRenderer itself' };
    ipc.emit(STATE_CHANGED, event, { accounts: [] });
    expect(listener).toHaveBeenCalledWith({ accounts: [] });
    expect(listener.mock.calls[0]).toHaveLength(1);
    stop();
    expect(ipc.count(STATE_CHANGED)).toBe(0);
    ipc.emit(STATE_CHANGED, event, { accounts: [1] });
    expect(listener).toHaveBeenCalledOnce();
  });
});

describe('preload entry', () => {
  it('exposes the bridge as window.smsit through contextBridge and nothing else', async () => {
    const exposeInMainWorld = vi.fn();
    vi.doMock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer: fakeIpc() }));
    await import('../../../electron/preload/index');
    expect(exposeInMainWorld).toHaveBeenCalledOnce();
    expect(exposeInMainWorld.mock.calls[0]![0]).toBe('smsit');
    expect(Object.keys(exposeInMainWorld.mock.calls[0]![1])).toContain('accounts:add');
    vi.doUnmock('electron');
  });
});
