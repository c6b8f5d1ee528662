/**
 * What a pasted Twilio value must look like, checked the same way in the window (as the
 * user types), in the command line and in the core before anything is sent to Twilio.
 * Formats: twilio-oai `twilio_api_v2010.json` (AC/SK + 32 hex); auth token length as twilio-cli checks it.
 */
import { CONSOLE_PATHS } from './console-paths';

/** The result of checking one field: the cleaned value, and a blocking message or a gentle warning. */
export interface FieldCheck {
  value: string;
  ok: boolean;
  message: string | null;
  warning: string | null;
}

export type CredentialField = 'accountSid' | 'apiKeySid' | 'authToken' | 'apiKeySecret';

export const FIELD_LABELS: Record<CredentialField, string> = {
  accountSid: 'Account SID',
  apiKeySid: 'API Key SID',
  authToken: 'Auth Token',
  apiKeySecret: 'API Key Secret',
};

const HEX32 = /^[0-9a-fA-F]{32}$/;
const SID_SHAPE = /^(AC|SK)[0-9a-fA-F]{32}$/i;

function pass(value: string, warning: string | null = null): FieldCheck {
  return { value, ok: true, message: null, warning };
}

function fail(value: string, message: string): FieldCheck {
  return { value, ok: false, message, warning: null };
}

/** SIDs never contain white space, so any pasted space or line break is dropped. */
function cleanSid(raw: string): string {
  return raw.replace(/\s+/g, '');
}

/** Secrets are trimmed at both ends only: white space inside one means it was copied wrongly. */
function cleanSecret(raw: string): string {
  return raw.trim();
}

function sidKind(value: string): 'account' | 'key' | null {
  if (!SID_SHAPE.test(value)) return null;
  return value.slice(0, 2).toUpperCase() === 'AC' ? 'account' : 'key';
}

function checkSid(raw: string, prefix: 'AC' | 'SK'): FieldCheck {
  const value = cleanSid(raw);
  const label = prefix === 'AC' ? 'Account SID' : 'API Key SID';
  if (value === '') return fail(value, `Paste the ${label} here.`);
  const kind = sidKind(value);
  if (prefix === 'AC' && kind === 'key') {
    return fail(value, `This is an API Key SID (it starts with SK), not the Account SID. The Account SID starts with AC: copy it from ${CONSOLE_PATHS.accountInfo} in the Twilio Console.`);
  }
  if (prefix === 'SK' && kind === 'account') {
    return fail(value, 'This is your Account SID (it starts with AC), not the API Key SID. The API Key SID starts with SK: copy it from the page Twilio shows after you create the key.');
  }
  if (!value.startsWith(prefix)) {
    if (value.slice(0, 2).toUpperCase() === prefix) {
      return fail(value, `An ${label} starts with a capital "${prefix}". Copy it again with the Console's copy button.`);
    }
    return fail(value, `An ${label} starts with "${prefix}" followed by 32 characters 0-9 and a-f. This value starts with "${value.slice(0, 2)}".`);
  }
  const rest = value.slice(2);
  if (rest.length !== 32) {
    return fail(value, `An ${label} is "${prefix}" followed by 32 characters; this one has ${rest.length}. Copy it again with the Console's copy button.`);
  }
  if (!HEX32.test(rest)) {
    return fail(value, `An ${label} contains only the characters 0-9 and a-f after "${prefix}". Copy it again with the Console's copy button.`);
  }
  return pass(value);
}

/** Account SID: `AC` + 32 hex; an `SK…` pasted here is named as the swap it is. */
export function checkAccountSid(raw: string): FieldCheck {
  return checkSid(raw, 'AC');
}

/** API Key SID: `SK` + 32 hex; an `AC…` pasted here is named as the swap it is. */
export function checkApiKeySid(raw: string): FieldCheck {
  return checkSid(raw, 'SK');
}

function secretCommon(value: string, label: string): FieldCheck | null {
  if (value === '') return fail(value, `Paste the ${label} here.`);
  if (/\s/.test(value)) return fail(value, `The ${label} has a space or line break inside it. Copy it again in one piece.`);
  const kind = sidKind(value);
  if (kind === 'account') return fail(value, `This is an Account SID (it starts with AC), not the ${label}.`);
  if (kind === 'key') return fail(value, `This is an API Key SID (it starts with SK), not the ${label}.`);
  return null;
}

/** Auth Token: 32 characters (twilio-cli checks only the length; hex is not promised). */
export function checkAuthToken(raw: string): FieldCheck {
  const value = cleanSecret(raw);
  const common = secretCommon(value, 'Auth Token');
  if (common) return common;
  if (value.length !== 32) {
    return fail(value, `An Auth Token is 32 characters; this one has ${value.length}. In the Console, click "Show" next to the Auth Token, then copy it with the copy button.`);
  }
  return pass(value);
}

/** API Key Secret: no format in Twilio's spec, so anything odd only warns. */
export function checkApiKeySecret(raw: string): FieldCheck {
  const value = cleanSecret(raw);
  const common = secretCommon(value, 'API Key Secret');
  if (common) return common;
  if (!/^[0-9A-Za-z]{32}$/.test(value)) {
    return pass(value, `Twilio's API key secrets are usually 32 letters and digits; this one has ${value.length} characters. Check that you copied the whole secret.`);
  }
  return pass(value);
}

/** The checker for each field, by name. */
export const FIELD_CHECKS: Record<CredentialField, (raw: string) => FieldCheck> = {
  accountSid: checkAccountSid,
  apiKeySid: checkApiKeySid,
  authToken: checkAuthToken,
  apiKeySecret: checkApiKeySecret,
};

/** Why a swap is a swap, said after "the SIDs are swapped:" in each shell's words (fields, or flags). */
export const SID_PREFIXES = 'the Account SID starts with AC, the API Key SID with SK.';

/** What is wrong with the SIDs of a draft: the field to fix, why, and whether the two were swapped. */
export interface SidProblem {
  field: 'accountSid' | 'apiKeySid';
  message: string;
  swapped: boolean;
}

/**
 * The first problem with an Account SID and (for API key credentials) an API Key SID: a swap is
 * named as the swap it is (n8n #1782), before either field's own check. Null when both are fine.
 */
export function sidProblem(accountSid: string, apiKeySid: string | null): SidProblem | null {
  const account = checkAccountSid(accountSid);
  const key = apiKeySid === null ? null : checkApiKeySid(apiKeySid);
  if (key && sidKind(account.value) === 'key' && sidKind(key.value) === 'account') {
    return { field: 'accountSid', swapped: true, message: `The Account SID and the API Key SID are swapped: ${SID_PREFIXES}` };
  }
  if (!account.ok) return { field: 'accountSid', swapped: false, message: account.message ?? 'This is not an Account SID.' };
  if (key && !key.ok) return { field: 'apiKeySid', swapped: false, message: key.message ?? 'This is not an API Key SID.' };
  return null;
}
