/**
 * Checks a Twilio webhook signature for the engine. Twilio signs webhooks with the account's auth
 * token (FACTS.md, "Webhook signatures"); an API key secret cannot check them, so only accounts
 * that keep an auth token can. The official library does the signature maths; it is loaded on the
 * first check, so commands and servers that never validate a webhook do not pay its start-up time.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import type { AccountRecord } from '../registry/registry-schema';

/** The POST /v1/webhooks/validate body. `params` for form-encoded webhooks, `body` for JSON ones (bodySHA256). */
export const webhookCheckSchema = z
  .object({
    account: z.string().min(1).max(200).optional(),
    url: z.string().min(1).max(4096),
    params: z.record(z.string().max(1000), z.union([z.string(), z.array(z.string())])).optional(),
    body: z.string().optional(),
    signature: z.string().min(1).max(512),
  })
  .strict()
  .refine((value) => !(value.params !== undefined && value.body !== undefined), {
    message: 'Send either params (form webhooks) or body (JSON webhooks), not both.',
  });

/** A parsed validation request. */
export type WebhookCheck = z.infer<typeof webhookCheckSchema>;

/** Parses the request body; throws `bad-input` naming the wrong field. */
export function parseWebhookCheck(input: unknown): WebhookCheck {
  const result = webhookCheckSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  throw new AppError(
    'bad-input',
    `The validation request is not right at "${field}": ${issue?.message ?? 'invalid'}. Send {"url", "signature", and "params" or "body"}.`,
    { field },
  );
}

/** True when an account keeps the auth token that Twilio signs its webhooks with. */
export function canValidateWebhooks(record: AccountRecord): boolean {
  return record.authType === 'authToken' || record.keepsAuthToken;
}

/** Throws `cannot-validate` for accounts without an auth token. */
export function requireWebhookToken(record: AccountRecord): void {
  if (!canValidateWebhooks(record)) {
    throw new AppError(
      'cannot-validate',
      `"${record.name}" uses an API key and keeps no auth token, and Twilio signs webhooks with the auth token. ` +
        'Add the account with its auth token, or upgrade it choosing to keep the auth token, to validate webhooks.',
    );
  }
}

/** Whether `check.signature` is Twilio's signature of the request, keyed with `authToken`. */
export async function isValidSignature(authToken: string, check: WebhookCheck): Promise<boolean> {
  if (!URL.canParse(check.url)) {
    throw new AppError('bad-input', 'The "url" is not a full URL. Send the exact URL Twilio called, with scheme, host and query.', { field: 'url' });
  }
  const { default: twilio } = await import('twilio');
  if (check.body !== undefined) return twilio.validateRequestWithBody(authToken, check.signature, check.url, check.body);
  return twilio.validateRequest(authToken, check.signature, check.url, check.params ?? {});
}
