/**
 * Turns whatever a Twilio call ends with into an AppError with a kind and words a person can
 * act on. Twilio's own message is only repeated for unexpected errors (kind `twilio`), and
 * never the body: account answers carry the auth token.
 */
import type { AuthType } from '../../shared/app-types';
import { AppError } from '../errors';

/** What the message needs to know about the credentials that were refused. */
export interface RefusalContext {
  authType: AuthType;
  region: string;
}

interface TwilioAnswerError {
  status: number;
  code?: number;
  message?: string;
}

function isAnswerError(error: unknown): error is TwilioAnswerError {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';
}

/** The 20003 message: the usual reasons, including the region, since Twilio says only "Authenticate". */
export function invalidCredentialsMessage({ authType, region }: RefusalContext): string {
  const regionHint = `the credentials were made in another Twilio region than ${region.toUpperCase()} (regional credentials only work in their own region)`;
  if (authType === 'apiKey') {
    return (
      'Twilio did not accept this API key (error 20003, "Authenticate"). Likely causes: the API Key Secret is wrong, ' +
      'or the key was deleted or its secret rotated; the Account SID and the API Key SID belong to different accounts or were swapped; ' +
      `or ${regionHint}.`
    );
  }
  return (
    'Twilio did not accept this Account SID and Auth Token (error 20003, "Authenticate"). Likely causes: the Auth Token is wrong ' +
    'or was rotated (Twilio shows the new one after a rotation); the Account SID belongs to another account (or an API Key SID was pasted as the Account SID); ' +
    `or ${regionHint}.`
  );
}

/** One AppError for a failed Twilio call; `context` words the 20003 message. */
export function toTwilioError(error: unknown, context: RefusalContext): AppError {
  if (error instanceof AppError) return error;
  if (isAnswerError(error)) {
    const details = { httpStatus: error.status, twilioCode: typeof error.code === 'number' && error.code !== 0 ? error.code : null };
    const code = details.twilioCode;
    if (error.status === 401 || code === 20003) return new AppError('invalid-credentials', invalidCredentialsMessage(context), details);
    if (error.status === 403 || code === 20403) {
      return new AppError('forbidden', `Twilio refused this request for these credentials (error ${code ?? 20403}, "Forbidden"): the key does not have the permission it needs. Use a Standard or Main API key, or the Auth Token.`, details);
    }
    if (error.status === 404 || code === 20404) {
      return new AppError('not-found', `Twilio has no such resource for this account (error ${code ?? 20404}). Check the Account SID, and that the account was not closed.`, details);
    }
    if (error.status === 429 || code === 20429) {
      return new AppError('rate-limited', 'Twilio is receiving too many requests for this account (error 20429) and asked us to slow down. Wait a minute and try again.', details);
    }
    const said = (error.message ?? '').slice(0, 200).replace(/\s+/g, ' ');
    return new AppError('twilio', `Twilio answered with an error (HTTP ${error.status}${code ? `, error ${code}` : ''}${said ? `: ${said}` : ''}). Try again in a few minutes; status.twilio.com lists Twilio incidents.`, details);
  }
  if (error instanceof SyntaxError) {
    return new AppError('twilio', 'The answer did not look like it came from Twilio (it was not JSON). A proxy or firewall may be in the way; check SMSIT_TWILIO_API_BASE and your proxy settings.', {}, { cause: error });
  }
  return new AppError('twilio', 'The call to Twilio failed in an unexpected way. Try again; if it keeps happening, tell us at support@sms-it.ai.', {}, { cause: error });
}
