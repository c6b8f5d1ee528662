/**
 * Which auth tokens a webhook signature is checked with. During an Auth Token rotation Twilio may
 * sign with either token until the promotion has spread (FACTS.md, "Rotation"; twilio-ruby #660):
 * from the secondary's creation until `otherAuthTokenUntil`, the other entry counts as well.
 */
import type { AccountRecord } from '../registry/registry-schema';
import type { SecretPurpose } from '../secrets/secret-store';

/** The entries to try, the account's current token first. */
export function webhookTokenPurposes(record: Pick<AccountRecord, 'authType' | 'secretInNext' | 'otherAuthTokenUntil'>, now: Date = new Date()): SecretPurpose[] {
  if (record.authType !== 'authToken') return ['auth-token'];
  const [current, other]: SecretPurpose[] = record.secretInNext ? ['auth-token-next', 'auth-token'] : ['auth-token', 'auth-token-next'];
  const until = record.otherAuthTokenUntil;
  const otherCounts = until === null || (until !== undefined && Date.parse(until) > now.getTime());
  return otherCounts ? [current!, other!] : [current!];
}
