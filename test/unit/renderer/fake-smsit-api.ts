/** A fake `window.smsit` for the renderer's state classes: records every call, answers what a test sets. */
import type { AppState } from '../../../electron/shared/app-types';
import { CHANNELS, type Channel, type IpcResult, type SmsitApi } from '../../../electron/shared/ipc-contract';

/** The fake plus what it saw. */
export interface FakeApi {
  api: SmsitApi;
  calls: { channel: Channel; input: unknown }[];
  /** Sets the answer of one channel (a value, or an error result). */
  answer(channel: Channel, result: IpcResult<unknown>): void;
  push(state: AppState): void;
  listenerCount(): number;
}

/** Every channel answers `{ ok: true, value: null }` until told otherwise. */
export function fakeSmsitApi(): FakeApi {
  const calls: FakeApi['calls'] = [];
  const answers = new Map<Channel, IpcResult<unknown>>();
  const listeners = new Set<(state: AppState) => void>();
  const methods = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async (input?: unknown) => {
        calls.push({ channel, input });
        return answers.get(channel) ?? { ok: true, value: null };
      },
    ]),
  );
  const api = {
    ...methods,
    onStateChanged(listener: (state: AppState) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as SmsitApi;
  return {
    api,
    calls,
    answer: (channel, result) => answers.set(channel, result),
    push: (state) => listeners.forEach((listener) => listener(state)),
    listenerCount: () => listeners.size,
  };
}

/** A small AppState for tests. */
export function sampleState(overrides: Partial<AppState> = {}): AppState {
  return {
    accounts: [],
    endpoint: { url: 'http://127.0.0.1:4587', port: 4587, running: true, paused: false, error: null },
    tokens: [],
    keychain: { available: true, error: null },
    registryError: null,
    ...overrides,
  };
}
