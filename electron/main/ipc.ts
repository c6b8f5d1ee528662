/**
 * The only file that touches `ipcMain`. Generic over the contract in electron/shared/ipc-contract.ts:
 * every channel gets one handler that checks who is calling, validates the payload with the
 * channel's schema, and answers an IpcResult — errors as typed kinds, never stack traces.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { AppError, toErrorInfo } from '../core/errors';
import { CHANNELS, STATE_CHANGED, channelInputs, type Channel, type ChannelHandlers, type IpcResult } from '../shared/ipc-contract';
import type { AppState } from '../shared/app-types';

/** Where the calls may come from: the app window, showing our bundled page. */
export interface TrustedWindow {
  current(): BrowserWindow | null;
  /** file:// URL of the bundled renderer page (without fragment). */
  readonly rendererUrl: string;
}

/** The frame's URL without fragment or query, so the views (`#setup`, `#accounts`, `#engine`) count as the same page. */
function pageOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    parsed.search = '';
    return parsed.href;
  } catch {
    return null;
  }
}

/**
 * True only for the main frame of our window showing our bundled file. A subframe, another
 * window, a page that somehow navigated away, or a frame already gone (senderFrame null) is refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, window: TrustedWindow): boolean {
  const win = window.current();
  const frame = event.senderFrame;
  if (!win || !frame) return false;
  const main = win.webContents.mainFrame;
  const sameFrame = frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
  return event.sender === win.webContents && sameFrame && frame.parent === null && pageOf(frame.url) === window.rendererUrl;
}

const refused: IpcResult<never> = {
  ok: false,
  error: { kind: 'forbidden', message: 'This request did not come from the app window, so it was refused.' },
};

/** Answers one call: trust check, schema check, handler, typed result. Exported for tests. */
export async function answer<C extends Channel>(
  channel: C,
  handlers: ChannelHandlers,
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  payload: unknown,
  window: TrustedWindow,
): Promise<IpcResult<unknown>> {
  if (!isTrustedSender(event, window)) return refused;
  const parsed = channelInputs[channel].safeParse(payload);
  if (!parsed.success) {
    // Field names only: the rejected values may be secrets being pasted.
    const field = parsed.error.issues.map((issue) => issue.path.join('.')).filter(Boolean).join(', ');
    const error = new AppError('bad-input', `The window sent "${channel}" a request the app cannot read${field ? ` (${field})` : ''}. Reload the window and try again.`, field ? { field } : {});
    return { ok: false, error: toErrorInfo(error) };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    const info = toErrorInfo(error);
    // The kind is enough to find the cause in a log; a foreign error's message may quote a secret.
    if (info.kind === 'internal') console.error(`[ipc] ${channel} failed unexpectedly (${error instanceof Error ? error.name : typeof error})`);
    return { ok: false, error: info };
  }
}

/** Registers one `ipcMain.handle` per channel of the contract; returns a function that removes them. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handlers: ChannelHandlers, window: TrustedWindow): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => answer(channel, handlers, event, payload, window));
  }
  return () => CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}

/** Pushes the whole state to the window (the only main → renderer message). */
export function pushState(window: { send(channel: string, payload: unknown): void }, state: AppState): void {
  window.send(STATE_CHANGED, state);
}
