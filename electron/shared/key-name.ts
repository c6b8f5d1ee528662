/** The FriendlyName of the API keys this app creates or suggests, so users recognise them in the Twilio Console (64 characters at most). */
export const KEY_NAME = 'SMS-iT Workflow integration';
