/** Well-formed made-up Twilio values for tests (never real credentials). */
import { randomBytes } from 'node:crypto';

const hex = () => randomBytes(16).toString('hex');

/** A new random Account SID. */
export const accountSid = (): string => `AC${hex()}`;
/** A new random API Key SID. */
export const apiKeySid = (): string => `SK${hex()}`;
/** A new random 32-character auth token. */
export const authToken = (): string => hex();
/** A new random 32-character API key secret (letters and digits). */
export const apiKeySecret = (): string => randomBytes(24).toString('base64').replace(/[^A-Za-z0-9]/g, 'x').slice(0, 32);
