import type { SmsitApi } from '../../electron/shared/ipc-contract';

declare global {
  interface Window {
    /** The typed bridge to the app, exposed by the preload (one method per IPC channel). */
    smsit: SmsitApi;
  }
}

export {};
