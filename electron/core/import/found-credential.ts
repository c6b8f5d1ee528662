/** A Twilio credential found in a plain file or the environment, before it is imported. */
import type { AuthType, ImportSourceKind } from '../../shared/app-types';

export type { ImportSourceKind } from '../../shared/app-types';

/** One credential found; `secret` stays in memory and is never shown (see `describeFound`). */
export interface FoundCredential {
  kind: ImportSourceKind;
  /** The file it is in (null for the environment). */
  path: string | null;
  /** twilio-cli's profile ID (null for other sources). */
  profileId: string | null;
  /** The variable or JSON key that holds the secret, so --scrub knows what to take out. */
  secretKey: string;
  accountSid: string;
  authType: AuthType;
  apiKeySid: string | null;
  secret: string;
  region: string | null;
  edge: string | null;
  /** The name it is saved under unless the user gives another. */
  suggestedName: string;
}

/** The variables twilio-cli and Twilio's libraries read (FACTS.md): one credential for an API key, one for an Auth Token. */
export function credentialsFromVariables(
  variables: Readonly<Record<string, string | undefined>>,
  source: Pick<FoundCredential, 'kind' | 'path' | 'suggestedName'>,
): FoundCredential[] {
  const accountSid = variables.TWILIO_ACCOUNT_SID?.trim();
  if (!accountSid) return [];
  const common = { ...source, profileId: null, accountSid, region: variables.TWILIO_REGION?.trim() || null, edge: variables.TWILIO_EDGE?.trim() || null };
  const found: FoundCredential[] = [];
  const keySid = variables.TWILIO_API_KEY?.trim();
  const keySecret = variables.TWILIO_API_SECRET?.trim();
  if (keySid && keySecret) found.push({ ...common, authType: 'apiKey', apiKeySid: keySid, secret: keySecret, secretKey: 'TWILIO_API_SECRET' });
  const token = variables.TWILIO_AUTH_TOKEN?.trim();
  if (token) found.push({ ...common, authType: 'authToken', apiKeySid: null, secret: token, secretKey: 'TWILIO_AUTH_TOKEN' });
  if (found.length === 2) found[1]!.suggestedName = `${source.suggestedName} (Auth Token)`;
  return found;
}

/** The same credential, told by Twilio's identity of it: Account SID and key SID (none for an Auth Token). */
export function sameCredential(a: { accountSid: string; apiKeySid: string | null; authType: AuthType }, b: { accountSid: string; apiKeySid: string | null; authType: AuthType }): boolean {
  return a.accountSid === b.accountSid && a.authType === b.authType && (a.authType === 'authToken' || a.apiKeySid === b.apiKeySid);
}
