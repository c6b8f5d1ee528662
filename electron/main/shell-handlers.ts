/** The channels the shell answers itself (they need Electron), and the merge with the core's. */
import { resolve } from 'node:path';
import { AppError } from '../core/errors';
import type { AppService } from '../core/app-service';
import type { ChannelHandlers, ShellChannel } from '../shared/ipc-contract';
import { isAllowedExternalUrl } from './web-guards';

/** The shell's handlers, and the .env files the user has picked in its open dialog so far. */
export type ShellHandlers = Pick<ChannelHandlers, ShellChannel> & { readonly pickedEnvFiles: ReadonlySet<string> };

/**
 * 'links:open' opens allow-listed links in the user's browser; 'clipboard:copy' writes text;
 * 'env-files:choose' asks the user for .env files to import from (the paths they picked, [] on cancel).
 */
export function createShellHandlers(deps: {
  openInBrowser(url: string): Promise<void>;
  writeClipboard(text: string): void;
  chooseEnvFiles(): Promise<string[]>;
}): ShellHandlers {
  const pickedEnvFiles = new Set<string>();
  return {
    pickedEnvFiles,
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
    'env-files:choose': async () => {
      const paths = await deps.chooseEnvFiles();
      for (const path of paths) pickedEnvFiles.add(resolve(path));
      return paths;
    },
  };
}

/**
 * One handler per channel: the core service's, plus the shell's own. The import looks only in
 * .env files the user picked in the shell's dialog: a page that went wrong cannot make the main
 * process read (or, with scrub, rewrite) any other file of the user's.
 */
export function mergeHandlers(core: AppService, shell: ShellHandlers): ChannelHandlers {
  const { pickedEnvFiles, ...own } = shell;
  return {
    ...core,
    ...own,
    'import:find': async (input) => {
      const stranger = input.envFiles.find((path) => !pickedEnvFiles.has(resolve(path)));
      if (stranger !== undefined) {
        throw new AppError('forbidden', `The app looks only in .env files chosen with "Choose .env files…"; ${stranger} was not chosen there, so nothing was read.`);
      }
      return core['import:find'](input);
    },
  };
}
