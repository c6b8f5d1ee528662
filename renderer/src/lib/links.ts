/** The only places the window links to; every one opens in the user's browser through `links:open`. */
export const LINKS = {
  twilioApiDocs: 'https://www.twilio.com/docs/usage/api',
  authTokens: 'https://help.twilio.com/articles/223136027-Auth-Tokens-and-How-to-Change-Them',
  apiKeysOverview: 'https://www.twilio.com/docs/iam/api-keys',
  createApiKey: 'https://www.twilio.com/docs/iam/api-keys/keys-in-console',
  keyTypes: 'https://www.twilio.com/docs/iam/api-keys/keys-in-console#types-of-keys',
  restrictedKeys: 'https://www.twilio.com/docs/iam/api-keys/restricted-api-keys',
  regionalCredentials: 'https://www.twilio.com/docs/global-infrastructure/manage-regional-api-credentials',
  console: 'https://console.twilio.com/',
  signUp: 'https://www.twilio.com/try-twilio',
  consoleApiKeys: 'https://console.twilio.com/us1/account/keys-credentials/api-keys',
  restrictedFeedback:
    'mailto:support@sms-it.ai?subject=Restricted%20Twilio%20API%20key%20with%20SMS-iT%20Workflow',
  support: 'mailto:support@sms-it.ai',
} as const;

/** The friendly name the onboarding suggests for the new API key: the one the app gives its own keys. */
export { KEY_NAME as SUGGESTED_KEY_NAME } from '../../../electron/shared/key-name';

/** Where things are in the Twilio Console, written one way in every message (Twilio's own menu names). */
export { CONSOLE_PATHS } from '../../../electron/shared/console-paths';

/** The key types in Twilio's order ("Types of keys"), the one order the window uses everywhere. */
export const KEY_TYPE_ORDER = ['main', 'standard', 'restricted'] as const;
