/** One fake Twilio for the whole calling test file: started before its tests, closed after them. */
import { afterAll, beforeAll } from 'vitest';
import { startFakeTwilio, type FakeTwilio } from '../fakes/fake-twilio';

/** The file's fake Twilio; use it inside tests and hooks (it is started in beforeAll). */
export function fakeTwilioForFile(options: Parameters<typeof startFakeTwilio>[0] = {}): FakeTwilio {
  let current: FakeTwilio | null = null;
  beforeAll(async () => {
    current = await startFakeTwilio(options);
  });
  afterAll(() => current?.close());
  const started = (): FakeTwilio => {
    if (!current) throw new Error('fakeTwilioForFile: the fake runs only while the file\'s tests do');
    return current;
  };
  return new Proxy({} as FakeTwilio, {
    get: (_target, key) => {
      const value: unknown = Reflect.get(started(), key);
      return typeof value === 'function' ? value.bind(started()) : value;
    },
    set: (_target, key, value) => Reflect.set(started(), key, value),
  });
}
