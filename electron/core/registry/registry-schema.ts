/** The one JSON registry file: everything about accounts but their secrets. Validated on every read. */
import { z } from 'zod';
import { ERROR_KINDS, type ErrorKind } from '../errors';
import { SECRET_PURPOSES } from '../secrets/secret-store';

export const REGISTRY_SCHEMA_VERSION = 1;

const isoTime = z.string().min(1);

/**
 * A stored error's kind. A kind this version does not know (written by a newer version) is read as
 * `internal`, its message kept: one unknown word must not make the whole registry "damaged".
 */
const storedErrorKind = z.string().transform((kind): ErrorKind => ((ERROR_KINDS as readonly string[]).includes(kind) ? (kind as ErrorKind) : 'internal'));

const errorInfoSchema = z.object({
  kind: storedErrorKind,
  message: z.string(),
  details: z
    .object({
      httpStatus: z.number().nullable(),
      twilioCode: z.number().nullable(),
      field: z.string(),
      path: z.string(),
    })
    .partial()
    .optional(),
});

// Not loose: a verification is replaced whole by the next one, and shells build it from their own type.
export const verificationSchema = z.object({
  at: isoTime,
  ok: z.boolean(),
  keyType: z.enum(['main', 'standard', 'restricted']).nullable(),
  friendlyName: z.string().nullable(),
  status: z.string().nullable(),
  type: z.string().nullable(),
  warnings: z.array(z.string()),
  error: errorInfoSchema.nullable(),
});

export const accountRecordSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/),
  authType: z.enum(['authToken', 'apiKey']),
  apiKeySid: z.string().regex(/^SK[0-9a-fA-F]{32}$/).nullable(),
  keyType: z.enum(['main', 'standard', 'restricted']).nullable(),
  region: z.string().min(1),
  edge: z.string().nullable(),
  /** An auth token is kept in the keychain (always for authToken; by choice for apiKey, for webhooks). */
  keepsAuthToken: z.boolean(),
  createdAt: isoTime,
  lastVerification: verificationSchema.nullable(),
  /** During a rotation's switch: the request secret is in the `-next` keychain entry (rotation/secret-slots.ts). */
  secretInNext: z.boolean().optional(),
  /** Webhooks are also checked with the auth token in `auth-token-next` until then (null: until the rotation ends). */
  otherAuthTokenUntil: isoTime.nullable().optional(),
  /** When the current key or token was made (rotation, upgrade); absent: not known, shown as the date it was saved. */
  secretCreatedAt: isoTime.optional(),
});

export const engineTokenSchema = z.looseObject({
  name: z.string().min(1),
  /** sha256 of the token, hex. The token itself is shown once and never stored. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** SCRAM-style keys for the mutual exchange (endpoint/engine-proof.ts), hex; absent on tokens made before it (Bearer only). */
  storedKey: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  serverKey: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  createdAt: isoTime,
  lastUsedAt: isoTime.nullable(),
});

/**
 * A keychain entry being written outside the registry lock (a new account's secret, an upgrade's
 * new key secret): the orphan cleaner leaves it alone until its account is saved or it is old.
 */
export const pendingSecretSchema = z.object({
  accountId: z.string().min(1),
  purpose: z.enum(SECRET_PURPOSES as [SecretPurposeName, ...SecretPurposeName[]]),
  since: isoTime,
});

/**
 * Objects are loose: fields this version does not know (a newer minor version's, a hand edit) are
 * kept through every write instead of being dropped by an older writer.
 */
export const registrySchema = z.looseObject({
  schemaVersion: z.literal(REGISTRY_SCHEMA_VERSION),
  activeAccountId: z.string().nullable(),
  accounts: z.array(accountRecordSchema),
  engine: z.looseObject({
    port: z.number().int().min(1).max(65535).nullable(),
    paused: z.boolean(),
    tokens: z.array(engineTokenSchema),
  }),
  pendingSecrets: z.array(pendingSecretSchema).optional(),
  /** The user's choices that are not about one account. */
  settings: z
    .object({
      /** The tray warns when a key or token is older than this many days; absent or null: never. */
      keyAgeWarningDays: z.number().int().min(1).max(3650).nullable(),
    })
    .partial()
    .optional(),
});

type SecretPurposeName = (typeof SECRET_PURPOSES)[number];

export type Registry = z.infer<typeof registrySchema>;
export type AccountRecord = z.infer<typeof accountRecordSchema>;
export type EngineTokenRecord = z.infer<typeof engineTokenSchema>;
export type PendingSecret = z.infer<typeof pendingSecretSchema>;

/** The registry of a first run: no accounts, endpoint on its default port, no tokens. */
export function emptyRegistry(): Registry {
  return {
    schemaVersion: REGISTRY_SCHEMA_VERSION,
    activeAccountId: null,
    accounts: [],
    engine: { port: null, paused: false, tokens: [] },
  };
}
