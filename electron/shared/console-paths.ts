/**
 * Where things are in the Twilio Console, written one way in every message of the window, the
 * command line and the core (the seed's wording: Account Dashboard > Account Info; Admin >
 * Account Management > Keys & Credentials > API keys & tokens).
 */
export const CONSOLE_PATHS = {
  accountInfo: 'Account Dashboard > Account Info',
  apiKeys: 'Admin > Account Management > Keys & Credentials > API keys & tokens',
} as const;
