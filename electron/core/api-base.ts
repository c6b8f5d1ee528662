/** SMSIT_TWILIO_API_BASE, read and checked in one place for every shell (a proxy, or the fake Twilio in tests). */
import { AppError } from './errors';

/** The base every Twilio request and `baseUrl` answer uses instead of the regional host, without a trailing slash; null when unset. */
export function parseApiBase(env: NodeJS.ProcessEnv): string | null {
  const base = env.SMSIT_TWILIO_API_BASE?.trim();
  if (!base) return null;
  let url: URL | null = null;
  try {
    url = new URL(base);
  } catch {
    url = null;
  }
  // Credentials in the URL would be sent to the proxy beside Twilio's own, and shown in messages.
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password) {
    throw new AppError(
      'bad-input',
      `SMSIT_TWILIO_API_BASE must be an http(s) URL without credentials, like https://twilio-proxy.example.com; it is "${url ? url.origin : base}".`,
      { field: 'SMSIT_TWILIO_API_BASE' },
    );
  }
  return base.replace(/\/+$/, '');
}
