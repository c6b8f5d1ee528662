import { describe, expect, it, vi } from 'vitest';
import { electronFetch } from '../../../electron/main/net-fetch';

describe('net.fetch for Twilio requests', () => {
  it('passes requests to Electron’s net.fetch, turning URL objects into strings', async () => {
    const netFetch = vi.fn(async () => new Response('{}'));
    const fetch = electronFetch({ fetch: netFetch } as never);
    await fetch(new URL('https://api.twilio.com/2010-04-01/Accounts/AC1.json'), { method: 'GET' });
    await fetch('https://api.twilio.com/x', undefined);
    expect(netFetch).toHaveBeenNthCalledWith(1, 'https://api.twilio.com/2010-04-01/Accounts/AC1.json', { method: 'GET' });
    expect(netFetch).toHaveBeenNthCalledWith(2, 'https://api.twilio.com/x', undefined);
  });
});
