/**
 * The JSON bodies the fake answers with, shaped like Twilio's (the contract test checks
 * them against the schemas in twilio-oai `twilio_api_v2010.json`).
 */
import type { FakeAccount, FakeKey } from './fake-twilio-state';

/** RFC 2822 dates, as the 2010-04-01 API writes them. */
function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

/** GET /2010-04-01/Accounts/{Sid}.json — note that Twilio sends the auth token in it. */
export function accountBody(account: FakeAccount): Record<string, unknown> {
  const base = `/2010-04-01/Accounts/${account.sid}`;
  return {
    auth_token: account.authToken,
    date_created: rfc2822(account.dateCreated),
    date_updated: rfc2822(account.dateCreated),
    friendly_name: account.friendlyName,
    owner_account_sid: account.sid,
    sid: account.sid,
    status: account.status,
    subresource_uris: {
      incoming_phone_numbers: `${base}/IncomingPhoneNumbers.json`,
      keys: `${base}/Keys.json`,
      balance: `${base}/Balance.json`,
    },
    type: account.type,
    uri: `${base}.json`,
  };
}

/** POST /2010-04-01/Accounts/{AccountSid}/Keys.json — the only answer that carries the secret. */
export function newKeyBody(key: FakeKey): Record<string, unknown> {
  return {
    sid: key.sid,
    friendly_name: key.friendlyName,
    date_created: rfc2822(key.dateCreated),
    date_updated: rfc2822(key.dateCreated),
    secret: key.secret,
  };
}

/** POST https://iam.twilio.com/v1/Keys — the IAM fallback's answer (schema iam.v1.new_key). */
export function iamNewKeyBody(key: FakeKey): Record<string, unknown> {
  return { ...newKeyBody(key), policy: null };
}

/** GET /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json?PageSize=N (an empty page). */
export function incomingNumbersPageBody(accountSid: string, pageSize: number): Record<string, unknown> {
  const uri = `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json?PageSize=${pageSize}&Page=0`;
  return {
    end: 0,
    first_page_uri: uri,
    next_page_uri: null,
    page: 0,
    page_size: pageSize,
    previous_page_uri: null,
    start: 0,
    uri,
    incoming_phone_numbers: [],
  };
}

/** Twilio's error body (twilio-node RestException reads code, message, more_info, status). */
export function errorBody(status: number, code: number, message: string): Record<string, unknown> {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

/** POST https://accounts.twilio.com/v1/AuthTokens/Secondary — the only answer that carries the secondary token (accounts.v1.secondary_auth_token). */
export function secondaryAuthTokenBody(account: FakeAccount, created: Date): Record<string, unknown> {
  return {
    account_sid: account.sid,
    date_created: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    date_updated: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    secondary_auth_token: account.secondaryAuthToken,
    url: 'https://accounts.twilio.com/v1/AuthTokens/Secondary',
  };
}

/** POST https://accounts.twilio.com/v1/AuthTokens/Promote (accounts.v1.auth_token_promotion): the promoted token. */
export function authTokenPromotionBody(account: FakeAccount): Record<string, unknown> {
  const date = account.authTokenCreated.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { account_sid: account.sid, auth_token: account.authToken, date_created: date, date_updated: date, url: 'https://accounts.twilio.com/v1/AuthTokens/Promote' };
}
