/** The channels the shell answers itself (they need Electron), and the merge with the core's. */
import { AppError } from '../core/errors';
import type { AppService } from '../core/app-service';
import type { ChannelHandlers, ShellChannel } from '../shared/ipc-contract';
import { isAllowedExternalUrl } from './web-guards';

/**
 * 'links:open' opens allow-listed links in the user's browser; 'clipboard:copy' writes text;
 * 'env-files:choose' asks the user for .env files to import from (the paths they picked, [] on cancel).
 */
export function createShellHandlers(deps: {
  openInBrowser(url: string): Promise<void>;
  writeClipboard(text: string): void;
  chooseEnvFiles(): Promise<string[]>;
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
    'env-files:choose': () => deps.chooseEnvFiles(),
  };
}

/** One handler per channel: the core service's, plus the shell's own. */
export function mergeHandlers(core: AppService, shell: Pick<ChannelHandlers, ShellChannel>): ChannelHandlers {
  return { ...core, ...shell };
}
