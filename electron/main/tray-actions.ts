/** What the tray menu's items do: core calls, window views, the clipboard, the login item. */
import { toErrorInfo } from '../core/errors';
import { activeAccountIn } from '../shared/active-account';
import type { AppState } from '../shared/app-types';
import type { Note } from './notifications';
import type { AppService } from '../core/app-service';
import type { TrayActions } from './tray-menu';
import type { WindowView } from './window';

/** The tray's collaborators. */
export interface TrayActionDeps {
  service: AppService;
  state(): AppState | null;
  showWindow(view: WindowView): void;
  writeClipboard(text: string): void;
  setLaunchAtLogin(enabled: boolean): Promise<void>;
  /** Rebuilds the menu (a setting outside AppState changed, or a radio item must snap back). */
  refreshTray(): void;
  notify(note: Note): void;
  quit(): void;
}

/**
 * The actions. A tray click has no window to show an error in, so a failure becomes a
 * notification with the error kind's message; state changes themselves arrive as pushes.
 */
export function createTrayActions(deps: TrayActionDeps): TrayActions {
  const attempt = (what: string, work: () => Promise<unknown>) => {
    work().catch((error: unknown) => {
      deps.notify({ title: `Could not ${what}`, body: toErrorInfo(error).message });
      deps.refreshTray();
    });
  };
  return {
    activate: (id) => attempt('switch the active account', () => deps.service['accounts:activate']({ id })),
    verifyActive: () =>
      attempt('verify the active account', async () => {
        const id = activeAccountIn(deps.state()?.accounts ?? [])?.id;
        if (!id) return deps.showWindow('setup');
        const report = await deps.service['accounts:verify']({ id });
        // A failure is announced by the state change (see notifications.ts); success needs a word too.
        if (report.ok) deps.notify({ title: 'Twilio accepted the active account', body: report.warnings.join(' ') || 'Its credentials work.' });
      }),
    pauseEndpoint: () => attempt('pause the engine endpoint', () => deps.service['endpoint:pause'](undefined)),
    resumeEndpoint: () => attempt('resume the engine endpoint', () => deps.service['endpoint:resume'](undefined)),
    copyEngineUrl: () => {
      const url = deps.state()?.endpoint.url;
      if (url) deps.writeClipboard(url);
    },
    addAccount: () => deps.showWindow('setup'),
    manageAccounts: () => deps.showWindow('accounts'),
    engineAccess: () => deps.showWindow('engine'),
    setLaunchAtLogin: (enabled) => attempt('change Launch at login', async () => {
      await deps.setLaunchAtLogin(enabled);
      deps.refreshTray();
    }),
    quit: () => deps.quit(),
  };
}
