/** Builders of AppState values for the shell's tests (not a test file itself). */
import type { AccountSummary, AppState, VerificationSummary } from '../../../electron/shared/app-types';

/** The n-th saved account; its SID ends in a recognisable tail (`…0003` for n = 3). */
export function account(n: number, overrides: Partial<AccountSummary> = {}): AccountSummary {
  return {
    id: `acc-${n}`,
    name: `Account ${n}`,
    accountSid: `AC${'a'.repeat(28)}${String(n).padStart(4, '0')}`,
    authType: 'apiKey',
    apiKeySid: `SK${'b'.repeat(32)}`,
    keyType: 'standard',
    region: 'us1',
    edge: null,
    keepsAuthToken: false,
    active: false,
    canDeleteKey: false,
    canRotate: false,
    keySharedWith: [],
    maskedSecret: '••••1234',
    createdAt: '2026-11-27T05:00:00.000Z',
    lastVerification: null,
    ...overrides,
  };
}

/** A verification result. */
export function verification(ok: boolean, overrides: Partial<VerificationSummary> = {}): VerificationSummary {
  return {
    at: '2026-11-27T06:00:00.000Z',
    ok,
    keyType: ok ? 'standard' : null,
    friendlyName: ok ? 'Acme' : null,
    status: ok ? 'active' : null,
    type: ok ? 'Full' : null,
    warnings: [],
    error: ok ? null : { kind: 'invalid-credentials', message: 'Twilio rejected these credentials (20003). Paste the secret again.' },
    ...overrides,
  };
}

/** `state` with account `id` made the active one (and no other), as the core pushes it after a switch. */
export function withActive(state: AppState, id: string): AppState {
  return { ...state, accounts: state.accounts.map((summary) => ({ ...summary, active: summary.id === id })) };
}

/** A healthy state with `count` accounts, the first one active, the endpoint running. */
export function appState(count: number, overrides: Partial<AppState> = {}): AppState {
  const accounts = Array.from({ length: count }, (_, i) => account(i + 1, { active: i === 0 }));
  return {
    accounts,
    endpoint: { url: 'http://127.0.0.1:4587', port: 4587, running: true, paused: false, error: null },
    tokens: [],
    keychain: { available: true, error: null },
    registryError: null,
    ...overrides,
  };
}
