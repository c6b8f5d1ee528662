/**
 * The one IPC contract: every channel the window may call, its payload schema and its result.
 * Main's `ipc.ts` and the preload are generic over this map, so adding a channel is its name in
 * channel-names.ts, its schema and result here, and its handler: a method on the core's AppService,
 * or in main's shell-handlers.ts for a ShellChannel. The compiler points at whichever is missing.
 */
import { z } from 'zod';
import { CHANNELS, STATE_CHANGED, type Channel } from './channel-names';
import type { ErrorInfo } from './errors';
import type {
  AccessLogEntry,
  AccountSummary,
  AppState,
  EndpointStatus,
  ImportOutcome,
  ImportScan,
  VerificationReport,
} from './app-types';

const id = z.string().min(1).max(100);
const accountName = z.string().max(200);

export const credentialDraftSchema = z.object({
  authType: z.enum(['authToken', 'apiKey']),
  accountSid: z.string().max(200),
  apiKeySid: z.string().max(200).optional(),
  secret: z.string().max(500),
  region: z.string().max(20).optional(),
  edge: z.string().max(40).nullable().optional(),
});

const none = z.undefined();

/** Payload schema of every channel. Channel names are `noun:verb`. */
export const channelInputs = {
  'state:get': none,
  'credentials:verify': credentialDraftSchema,
  'accounts:add': z.object({ name: accountName, draft: credentialDraftSchema, verify: z.boolean() }),
  'accounts:verify': z.object({ id }),
  'accounts:rename': z.object({ id, name: accountName }),
  'accounts:activate': z.object({ id }),
  'accounts:remove': z.object({ id, deleteKey: z.boolean() }),
  'accounts:upgrade': z.object({ id, keepAuthToken: z.boolean() }),
  'accounts:rotate': z.object({ id }),
  // Paths the shell's open dialog gave the window (env-files:choose); main refuses any other (shell-handlers.ts).
  'import:find': z.object({ envFiles: z.array(z.string().min(1).max(4096)).max(50) }),
  'import:save': z.object({ id, name: accountName, scrub: z.boolean() }),
  'endpoint:pause': none,
  'endpoint:resume': none,
  'endpoint:set-port': z.object({ port: z.number().int().min(1).max(65535) }),
  'tokens:create': z.object({ name: z.string().max(100) }),
  'tokens:revoke': z.object({ name: z.string().max(100) }),
  'log:list': none,
  'links:open': z.object({ url: z.string().max(500) }),
  'clipboard:copy': z.object({ text: z.string().max(10_000) }),
  'env-files:choose': none,
} as const satisfies Record<Channel, z.ZodType>;

/** Result type of every channel. */
export interface ChannelResults {
  'state:get': AppState;
  'credentials:verify': VerificationReport;
  /** `warnings`: what the user should know about the saved account (its key is also saved under another name, …). */
  'accounts:add': { account: AccountSummary; report: VerificationReport | null; warnings: string[] };
  'accounts:verify': VerificationReport;
  'accounts:rename': AccountSummary;
  'accounts:activate': AccountSummary;
  /** `warnings` name the secrets the keychain could not delete (cleaned at the next start). */
  'accounts:remove': { keyDeleted: boolean; warnings: string[] };
  /** `keyName`: the new key's friendly name at Twilio (account and computer in it, to tell keys apart). */
  'accounts:upgrade': { account: AccountSummary; report: VerificationReport; keyName: string };
  /** The window asked first; `message` says what was done (and names a key left at Twilio, if any). */
  'accounts:rotate': { account: AccountSummary; report: VerificationReport | null; message: string };
  /** Each credential found under an opaque id (its secret stays in main), and notes on what cannot be imported. */
  'import:find': ImportScan;
  /** Verified, saved and (with `scrub`) taken out of its file — or why not; a duplicate is reported, not saved. */
  'import:save': ImportOutcome;
  'endpoint:pause': EndpointStatus;
  'endpoint:resume': EndpointStatus;
  /** Moves the endpoint to the port and saves it; `port-in-use` (field `port`) leaves it where it was. */
  'endpoint:set-port': EndpointStatus;
  'tokens:create': { name: string; token: string };
  'tokens:revoke': null;
  'log:list': AccessLogEntry[];
  'links:open': null;
  'clipboard:copy': null;
  /** The .env files the user picked in the shell's open dialog; empty when cancelled. */
  'env-files:choose': string[];
}

export { CHANNELS, STATE_CHANGED, type Channel };
export type ChannelInput<C extends Channel> = z.input<(typeof channelInputs)[C]>;
export type ChannelResult<C extends Channel> = ChannelResults[C];

/** Channels whose work is an Electron API (the browser, the clipboard, the open dialog): main answers them, not the core. */
export type ShellChannel = 'links:open' | 'clipboard:copy' | 'env-files:choose';
/** Every other channel: the core's AppService answers it. */
export type CoreChannel = Exclude<Channel, ShellChannel>;

/** What crosses IPC: a value, or a typed error (never a stack trace). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** The handlers main needs: one async method per channel (the core's and the shell's), throwing AppError on failure. */
export type ChannelHandlers = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<ChannelResult<C>>;
};

/** `window.smsit` as the renderer sees it: one method per channel plus the state subscription. */
export type SmsitApi = {
  [C in Channel]: ChannelInput<C> extends undefined
    ? () => Promise<IpcResult<ChannelResult<C>>>
    : (input: ChannelInput<C>) => Promise<IpcResult<ChannelResult<C>>>;
} & {
  onStateChanged(listener: (state: AppState) => void): () => void;
};
