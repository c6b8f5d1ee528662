/** Hands the `window.smsit` api down the component tree without a module global (tests pass a fake). */
import { getContext } from 'svelte';
import type { SmsitApi } from '../../../electron/shared/ipc-contract';

const KEY = Symbol('smsit-api');

/** The context to mount App with (`mount(App, { context })`), so every component below can `useApi()`. */
export function apiContext(api: SmsitApi): Map<symbol, SmsitApi> {
  return new Map([[KEY, api]]);
}

/** The api, from any component below App. */
export function useApi(): SmsitApi {
  const api = getContext<SmsitApi | undefined>(KEY);
  if (!api) throw new Error('useApi() called outside App.');
  return api;
}
