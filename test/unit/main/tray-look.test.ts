// The tray's warning about old keys and tokens: off by default, on past the user's number of days.
import { describe, expect, it } from 'vitest';
import { keyAgeStatus, trayStatuses } from '../../../electron/main/tray-look';
import { account, appState } from './app-state-fixtures';

const now = new Date('2026-11-27T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

describe('tray: key age warning', () => {
  it('is off by default, however old the key', () => {
    const state = appState(1, { accounts: [account(1, { active: true, secretCreatedAt: daysAgo(400) })] });
    expect(keyAgeStatus(state, now)).toBeNull();
    expect(keyAgeStatus({ ...state, keyAgeWarningDays: null }, now)).toBeNull();
  });

  it('warns once a key reaches the limit, naming the account and its age, and says how to rotate', () => {
    const state = appState(2, {
      keyAgeWarningDays: 90,
      accounts: [account(1, { active: true, secretCreatedAt: daysAgo(30) }), account(2, { name: 'Old shop', secretCreatedAt: daysAgo(91) })],
    });
    expect(keyAgeStatus(state, now)).toEqual({ look: 'warning', tooltip: 'The key of "Old shop" is 91 days old — rotate it', menuLine: 'The key of "Old shop" is 91 days old — rotate: smsit-twilio accounts rotate NAME' });
    expect(keyAgeStatus({ ...state, keyAgeWarningDays: 100 }, now)).toBeNull();
    expect(keyAgeStatus({ ...state, keyAgeWarningDays: 20 }, now)?.menuLine).toContain('2 accounts have keys or tokens over 20 days old');
  });

  it('counts from the day the account was saved when the key\'s own date is unknown, and shows among the tray\'s reasons', () => {
    const state = appState(1, { keyAgeWarningDays: 10, accounts: [account(1, { active: true, createdAt: daysAgo(400) })] });
    expect(trayStatuses(state).map((status) => status.look)).toContain('warning');
  });
});
