/**
 * The names of every IPC channel, free of any library, so the sandboxed preload can build
 * `window.smsit` from them without bundling the schemas. ipc-contract.ts gives each its schema.
 */
export const CHANNELS = [
  'state:get',
  'credentials:verify',
  'accounts:add',
  'accounts:verify',
  'accounts:rename',
  'accounts:activate',
  'accounts:remove',
  'accounts:upgrade',
  'accounts:rotate',
  'import:find',
  'import:save',
  'endpoint:pause',
  'endpoint:resume',
  'endpoint:set-port',
  'tokens:create',
  'tokens:revoke',
  'log:list',
  'links:open',
  'clipboard:copy',
  'env-files:choose',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** The push channel that carries the whole AppState after every change. */
export const STATE_CHANGED = 'state:changed';
