/** Builds `window.smsit` from the contract: one method per channel plus the state subscription. */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { CHANNELS, STATE_CHANGED } from '../shared/channel-names';
import type { SmsitApi } from '../shared/ipc-contract';
import type { AppState } from '../shared/app-types';

/** The three ipcRenderer calls the bridge uses (a fake in tests). */
export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * The api object. Each method forwards exactly one payload to its own channel, so the page cannot
 * name a channel, reach `ipcRenderer` or see an IPC event (whose `sender` would hand it the
 * whole ipcRenderer).
 */
export function buildSmsitApi(ipc: BridgeIpc): SmsitApi {
  const methods = Object.fromEntries(
    CHANNELS.map((channel) => [channel, (input?: unknown) => ipc.invoke(channel, input)]),
  );
  const onStateChanged = (listener: (state: AppState) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, state: AppState) => listener(state);
    ipc.on(STATE_CHANGED, forward);
    return () => {
      ipc.removeListener(STATE_CHANGED, forward);
    };
  };
  return Object.freeze({ ...methods, onStateChanged }) as SmsitApi;
}
