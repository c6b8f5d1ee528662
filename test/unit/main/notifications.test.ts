import { describe, expect, it, vi } from 'vitest';
import { notesForChange, setupNotifications } from '../../../electron/main/notifications';
import { account, appState, verification, withActive } from './app-state-fixtures';

describe('notifications', () => {
  it('say nothing at launch', () => {
    expect(notesForChange(null, appState(3))).toEqual([]);
  });

  it('announce a change of the active account with its name and SID tail', () => {
    const before = appState(3);
    const after = withActive(appState(3), 'acc-2');
    expect(notesForChange(before, after)).toEqual([
      { title: 'Active Twilio account: Account 2', body: 'The engine now gets the credentials of Account 2 (…0002).' },
    ]);
  });

  it('announce a verification that just failed, with the error kind’s message, once', () => {
    const before = appState(2);
    const after = appState(2);
    after.accounts[1] = account(2, { lastVerification: verification(false) });
    const notes = notesForChange(before, after);
    expect(notes).toEqual([{ title: 'Verification failed: Account 2', body: 'Twilio rejected these credentials (20003). Paste the secret again.' }]);
    expect(notesForChange(after, structuredClone(after))).toEqual([]);
  });

  it('title a suspended account and Twilio trouble by what they are, not as a failed verification', () => {
    const after = (error: { kind: 'account-inactive' | 'timeout'; message: string }) => {
      const state = appState(2);
      state.accounts[1] = account(2, { lastVerification: verification(false, { error }) });
      return state;
    };
    expect(notesForChange(appState(2), after({ kind: 'account-inactive', message: 'Suspended.' }))).toEqual([{ title: 'Account 2 cannot send messages', body: 'Suspended.' }]);
    expect(notesForChange(appState(2), after({ kind: 'timeout', message: 'No answer.' }))).toEqual([{ title: 'Could not verify Account 2: Twilio had a problem', body: 'No answer.' }]);
  });

  it('stay quiet for a verification that passed', () => {
    const after = appState(1);
    after.accounts[0] = account(1, { active: true, lastVerification: verification(true) });
    expect(notesForChange(appState(1), after)).toEqual([]);
  });

  it('are shown only where the system supports them', () => {
    const show = vi.fn();
    const onState = setupNotifications({ isSupported: () => false, show });
    onState(appState(2));
    onState(withActive(appState(2), 'acc-2'));
    expect(show).not.toHaveBeenCalled();
    const shown = vi.fn();
    const supported = setupNotifications({ isSupported: () => true, show: shown });
    supported(appState(2));
    supported(withActive(appState(2), 'acc-2'));
    expect(shown).toHaveBeenCalledOnce();
  });
});
