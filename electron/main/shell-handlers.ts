/** The two channels the shell answers itself (they need Electron), and the merge with the core's. */
import { AppError } from '../core/errors';
import { CHANNELS, type ChannelHandlers } from '../shared/ipc-contract';
import { isAllowedExternalUrl } from './web-guards';

/** Channels whose work is an Electron API rather than the core. */
export type ShellChannel = 'links:open' | 'clipboard:copy';
/** The core service's side of the contract. */
export type CoreHandlers = Omit<ChannelHandlers, ShellChannel>;

/** 'links:open' opens allow-listed links in the user's browser; 'clipboard:copy' writes text. */
export function createShellHandlers(deps: {
  openInBrowser(url: string): Promise<void>;
  writeClipboard(text: string): void;
}): Pick<ChannelHandlers, ShellChannel> {
  return {
    'links:open': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new AppError('forbidden', "The app opens only Twilio's https pages and mail to support@sms-it.ai; this link was not opened.");
      }
      try {
        await deps.openInBrowser(url);
      } catch (error) {
        throw new AppError('io', `No application on this computer opened the link. You can open it yourself: ${url}`, {}, { cause: error });
      }
      return null;
    },
    'clipboard:copy': async ({ text }) => {
      deps.writeClipboard(text);
      return null;
    },
  };
}

/**
 * One handler per channel: the shell's own, else the core service's method bound to it (the
 * service may be a class instance, whose methods a spread would lose).
 */
export function mergeHandlers(core: CoreHandlers, shell: Pick<ChannelHandlers, ShellChannel>): ChannelHandlers {
  const merged: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    const own = (shell as Partial<ChannelHandlers>)[channel];
    const fromCore = (core as Partial<ChannelHandlers>)[channel] as ((input: unknown) => Promise<unknown>) | undefined;
    if (own) merged[channel] = own;
    else if (fromCore) merged[channel] = fromCore.bind(core);
    else throw new Error(`No handler for IPC channel "${channel}"`);
  }
  return merged as ChannelHandlers;
}
