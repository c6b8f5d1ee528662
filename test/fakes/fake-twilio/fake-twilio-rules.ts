/**
 * Twilio's access rules as the fake applies them (FACTS.md, "Verifying" and "API keys"):
 * the account resource and the Keys resources need the auth token or a Main key (a Standard
 * key gets 401 / 20003, the same answer as a wrong secret); phone numbers may be read by
 * Standard keys too; a Restricted key without that permission gets 403 / 20403.
 */
import { accountBody, authTokenPromotionBody, errorBody, iamNewKeyBody, incomingNumbersPageBody, newKeyBody, secondaryAuthTokenBody } from './fake-twilio-bodies';
import { fakeSecret } from './fake-twilio-state';
import type { FakePrincipal, FakeTwilioState } from './fake-twilio-state';

/** A request after authentication, as the rules see it. */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
  principal: FakePrincipal | null;
}

/** What the fake answers: a status and a JSON body (none for 204). */
export interface FakeAnswer {
  status: number;
  body: Record<string, unknown> | null;
  headers?: Record<string, string>;
}

const ACCOUNT = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\.json$/;
const NUMBERS = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/IncomingPhoneNumbers\.json$/;
const KEYS = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Keys\.json$/;
const KEY = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Keys\/(SK[0-9a-f]{32})\.json$/;
/** IAM v1 (iam.twilio.com): the account is a form field, not in the path. */
const IAM_KEYS = '/v1/Keys';
/** Accounts v1 (accounts.twilio.com): the account is the one the credentials belong to. */
const SECONDARY_TOKEN = '/v1/AuthTokens/Secondary';
const PROMOTE_TOKEN = '/v1/AuthTokens/Promote';

/** The 20003 answer: wrong credentials, wrong region, or a Standard key on a Main-only resource. */
export const authenticate = (): FakeAnswer => ({ status: 401, body: errorBody(401, 20003, 'Authenticate') });
const forbidden = (): FakeAnswer => ({ status: 403, body: errorBody(403, 20403, 'Forbidden') });
const notFound = (path: string): FakeAnswer => ({
  status: 404,
  body: errorBody(404, 20404, `The requested resource ${path} was not found`),
});

function mainOnly(principal: FakePrincipal): FakeAnswer | null {
  if (principal.kind === 'authToken' || principal.key.keyType === 'main') return null;
  return principal.key.keyType === 'restricted' ? forbidden() : authenticate();
}

/** Answers one authenticated request by Twilio's rules. */
export function answer(state: FakeTwilioState, req: FakeRequest): FakeAnswer {
  const { principal, path, method } = req;
  if (!principal) return authenticate();
  if (path === IAM_KEYS && method === 'POST') return createKey(state, principal, req.form.get('AccountSid') ?? '', req.form, true);
  if (path === SECONDARY_TOKEN || path === PROMOTE_TOKEN) return authTokens(principal, path, method);
  const accountSid = (ACCOUNT.exec(path) ?? NUMBERS.exec(path) ?? KEYS.exec(path) ?? KEY.exec(path))?.[1];
  if (!accountSid) return notFound(path);
  // Credentials of one account never open another account's resources.
  if (principal.account.sid !== accountSid) return authenticate();

  if (ACCOUNT.test(path) && method === 'GET') {
    // Standard and Restricted keys cannot read the Accounts resource: both get 20003 (FACTS.md).
    if (principal.kind === 'key' && principal.key.keyType !== 'main') return authenticate();
    return { status: 200, body: accountBody(principal.account) };
  }
  if (NUMBERS.test(path) && method === 'GET') {
    if (principal.kind === 'key' && principal.key.keyType === 'restricted') return forbidden();
    const pageSize = Number(req.query.get('PageSize') ?? '50');
    return { status: 200, body: incomingNumbersPageBody(accountSid, pageSize) };
  }
  if (KEYS.test(path) && method === 'POST') {
    if (principal.account.legacyKeyCreationFails) return { status: 401, body: errorBody(401, 20003, 'Policy evaluation failed') };
    return createKey(state, principal, accountSid, req.form, false);
  }
  const keyMatch = KEY.exec(path);
  if (keyMatch && method === 'DELETE') {
    const refusal = mainOnly(principal);
    if (refusal) return refusal;
    const key = state.keys.get(keyMatch[2] ?? '');
    if (!key || key.accountSid !== accountSid) return notFound(path);
    state.keys.delete(key.sid);
    return { status: 204, body: null };
  }
  return notFound(path);
}

/** POST …/Keys.json and POST iam /v1/Keys: a new Standard key, its secret in this answer only. */
function createKey(state: FakeTwilioState, principal: FakePrincipal, accountSid: string, form: URLSearchParams, iam: boolean): FakeAnswer {
  if (principal.account.sid !== accountSid) return authenticate();
  const refusal = mainOnly(principal);
  if (refusal) return refusal;
  const friendlyName = form.get('FriendlyName') ?? '';
  if (friendlyName.length > 64) {
    return { status: 400, body: errorBody(400, 21200, 'FriendlyName must be at most 64 characters') };
  }
  const key = state.addKey(accountSid, { keyType: 'standard', friendlyName, region: principal.account.region });
  return { status: 201, body: iam ? iamNewKeyBody(key) : newKeyBody(key) };
}

/**
 * Accounts v1 AuthTokens (FACTS.md, "Rotation"): only the auth token (primary or secondary) may
 * manage auth tokens — an API key, even a Main one, gets 20003 here (unverified for Main keys at
 * Twilio; the app explains either refusal). Promote without a secondary is refused with 20404.
 */
function authTokens(principal: FakePrincipal, path: string, method: string): FakeAnswer {
  if (principal.kind !== 'authToken') return authenticate();
  const account = principal.account;
  if (path === SECONDARY_TOKEN && method === 'POST') {
    account.secondaryAuthToken = fakeSecret();
    return { status: 201, body: secondaryAuthTokenBody(account, new Date()) };
  }
  if (path === SECONDARY_TOKEN && method === 'DELETE') {
    if (account.secondaryAuthToken === null) return notFound(path);
    account.secondaryAuthToken = null;
    return { status: 204, body: null };
  }
  if (path === PROMOTE_TOKEN && method === 'POST') {
    if (account.secondaryAuthToken === null) return notFound(path);
    account.authToken = account.secondaryAuthToken;
    account.secondaryAuthToken = null;
    account.authTokenCreated = new Date();
    return { status: 200, body: authTokenPromotionBody(account) };
  }
  return notFound(path);
}
