/** The tray menu as a pure function of the app state: rebuilt whole on every change, tested without Electron. */
import type { MenuItemConstructorOptions } from 'electron';
import type { AccountSummary, AppState } from '../shared/app-types';
import { activeAccountIn } from '../shared/active-account';
import { sidTail, trayStatuses } from './tray-look';

/** What the menu's items do; the tray wires these to the core service and the window. */
export interface TrayActions {
  activate(accountId: string): void;
  verifyActive(): void;
  pauseEndpoint(): void;
  resumeEndpoint(): void;
  copyEngineUrl(): void;
  addAccount(): void;
  manageAccounts(): void;
  engineAccess(): void;
  setLaunchAtLogin(enabled: boolean): void;
  quit(): void;
}

/** Settings the menu shows that live outside AppState (the OS owns them). */
export interface TrayMenuOptions {
  launchAtLogin: boolean;
}

/** How many accounts are listed directly; the rest go under a submenu so the menu stays on screen. */
export const DIRECT_ACCOUNTS = 10;
const MAX_NAME = 40;

/** Electron reads `&` as a mnemonic marker on every platform; `&&` shows one literal `&`. */
export function menuText(text: string): string {
  const short = text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text;
  return short.replaceAll('&', '&&');
}

function accountLabel(account: AccountSummary): string {
  return `${menuText(account.name)} (${sidTail(account.accountSid)})`;
}

function statusItems(state: AppState): MenuItemConstructorOptions[] {
  const active = activeAccountIn(state.accounts);
  const lines = trayStatuses(state).flatMap((status) => (status.menuLine ? [status.menuLine] : []));
  const header = active ? `Active: ${accountLabel(active)}` : state.accounts.length ? 'No active account' : 'No account yet — add one to start';
  return [{ id: 'active', label: header, enabled: false }, ...lines.map((label, i) => ({ id: `status-${i}`, label, enabled: false }))];
}

function accountItems(state: AppState, actions: TrayActions): MenuItemConstructorOptions[] {
  const radio = (a: AccountSummary): MenuItemConstructorOptions => ({
    id: `account:${a.id}`,
    label: accountLabel(a),
    type: 'radio',
    checked: a.active,
    click: () => actions.activate(a.id),
  });
  const direct = state.accounts.slice(0, DIRECT_ACCOUNTS).map(radio);
  const rest = state.accounts.slice(DIRECT_ACCOUNTS);
  if (rest.length === 0) return direct;
  return [...direct, { id: 'more-accounts', label: `More accounts (${rest.length})`, submenu: rest.map(radio) }];
}

function endpointItems(state: AppState, actions: TrayActions): MenuItemConstructorOptions[] {
  const { url, paused, running } = state.endpoint;
  const toggle: MenuItemConstructorOptions = paused
    ? { id: 'endpoint-toggle', label: `Resume engine endpoint (${url})`, click: () => actions.resumeEndpoint() }
    : { id: 'endpoint-toggle', label: `Pause engine endpoint (${url})`, enabled: running, click: () => actions.pauseEndpoint() };
  return [toggle, { id: 'copy-url', label: 'Copy engine URL', enabled: url !== '', click: () => actions.copyEngineUrl() }];
}

/** The whole tray menu for `state`: status, quick switch, verify, endpoint, windows, login item, quit. */
export function buildTrayMenu(state: AppState, options: TrayMenuOptions, actions: TrayActions): MenuItemConstructorOptions[] {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const accounts = accountItems(state, actions);
  const active = activeAccountIn(state.accounts);
  return [
    ...statusItems(state),
    separator,
    ...(accounts.length ? [...accounts, separator] : []),
    { id: 'verify', label: 'Verify active account', enabled: active !== null && state.keychain.available, click: () => actions.verifyActive() },
    separator,
    ...endpointItems(state, actions),
    separator,
    { id: 'add-account', label: 'Add account…', click: () => actions.addAccount() },
    { id: 'manage-accounts', label: 'Manage accounts…', click: () => actions.manageAccounts() },
    { id: 'engine-access', label: 'Engine access…', click: () => actions.engineAccess() },
    separator,
    { id: 'launch-at-login', label: 'Launch at login', type: 'checkbox', checked: options.launchAtLogin, click: (item) => actions.setLaunchAtLogin(item.checked) },
    separator,
    { id: 'quit', label: 'Quit SMS-iT Twilio Credentials', click: () => actions.quit() },
  ];
}
