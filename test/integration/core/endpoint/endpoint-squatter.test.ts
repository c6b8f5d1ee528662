// Issue 14 item 2: whoever holds 127.0.0.1:PORT while the app is down learns nothing it can replay
// and cannot fool an engine that uses the mutual exchange (docs/engine-client.mjs, the client engines copy).
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { EndpointError, proofRequest, twilioAuth } from '../../../../docs/engine-client.mjs';
import { EngineEndpoint } from '../../../../electron/core/endpoint/engine-endpoint';
import { hashEngineToken } from '../../../../electron/core/endpoint/engine-tokens';
import { bearer, call, startFixture, type Fixture } from './endpoint-fixture';

let fx: Fixture | null = null;
let squatter: Server | null = null;
afterEach(async () => {
  await fx?.endpoint.stop();
  fx = null;
  squatter?.closeAllConnections();
  await new Promise((resolve) => (squatter ? squatter.close(resolve) : resolve(undefined)));
  squatter = null;
});

/** A challenge from the endpoint on `port`. */
async function challenge(port: number): Promise<string> {
  const answer = await call(port, '/v1/challenge');
  expect(answer.status).toBe(200);
  return answer.json.nonce as string;
}

/** A proof request to /v1/headers on `port` under `nonce`, as an engine makes it. */
function proofHeaders(token: string, port: number, nonce: string, host = `127.0.0.1:${port}`) {
  const proof = proofRequest({ token, nonce, url: `http://${host}/v1/headers` });
  return { proof, headers: { Authorization: proof.authorization, Host: host } };
}

describe('the mutual exchange over TCP', () => {
  it('gives an engine the same credentials as Bearer, signed by the endpoint', async () => {
    fx = await startFixture();
    const endpoint = `http://127.0.0.1:${fx.port}`;
    const viaBearer = (await call(fx.port, '/v1/headers?account=Keyed', { headers: bearer(fx.token) })).json;
    expect(await twilioAuth({ token: fx.token, endpoint, account: 'Keyed' })).toEqual(viaBearer);
    expect((await twilioAuth({ token: fx.token, endpoint })).account.name).toBe('Main');
    // Logged under the token's name, like Bearer requests.
    expect(fx.endpoint.recentLog()[0]).toMatchObject({ tokenName: 'engine', route: '/v1/headers', account: 'Main', status: 200 });
  });

  it('a squatter on the port gets no token, cannot replay what it got, and its answer is refused', async () => {
    fx = await startFixture();
    const port = fx.port;
    // The attacker collects real challenges while the app runs, then takes the port when it quits.
    const realNonces = [await challenge(port), await challenge(port)];
    await fx.endpoint.stop();
    const captured: { raw: string; authorization?: string; host?: string; url?: string }[] = [];
    squatter = createServer((req, res) => {
      captured.push({ raw: '', authorization: req.headers.authorization, host: req.headers.host, url: req.url });
      const body =
        req.url === '/v1/challenge'
          ? { nonce: realNonces.shift(), expiresInSeconds: 30 }
          : { account: { name: 'Main', accountSid: fx!.main.accountSid, authType: 'authToken', region: 'us1' }, baseUrl: 'https://evil.example', headers: { Authorization: 'Basic ZXZpbDpldmls' } };
      res.writeHead(200, { 'Content-Type': 'application/json', 'Smsit-Signature': `v1=${'A'.repeat(43)}` });
      res.end(JSON.stringify(body));
    });
    squatter.on('connection', (socket) => socket.on('data', (chunk: Buffer) => captured.push({ raw: chunk.toString('latin1') })));
    await new Promise<void>((resolve) => squatter!.listen(port, '127.0.0.1', resolve));

    const refused = await twilioAuth({ token: fx.token, endpoint: `http://127.0.0.1:${port}` }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EndpointError);
    expect((refused as EndpointError).kind).toBe('not-the-endpoint');
    const wire = captured.map((c) => c.raw).join('');
    expect(wire).toContain('SMSIT-Proof');
    for (const form of [fx.token, Buffer.from(fx.token).toString('base64'), hashEngineToken(fx.token)]) expect(wire).not.toContain(form);

    // The app comes back on the same port: everything the squatter captured is worthless there.
    squatter.closeAllConnections();
    await new Promise((resolve) => squatter!.close(resolve));
    squatter = null;
    fx.endpoint = new EngineEndpoint({ registry: fx.registry, accounts: fx.accounts, port, logFile: null, version: 'again' });
    expect((await fx.endpoint.start()).port).toBe(port);
    const stolen = captured.find((c) => c.authorization?.startsWith('SMSIT-Proof'))!;
    const replayed = await call(port, stolen.url!, { headers: { Authorization: stolen.authorization!, Host: stolen.host! } });
    expect(replayed.status).toBe(401);
    expect(replayed.json.error.message).toMatch(/issued before the endpoint restarted/);
    // A proof over a challenge from before the restart, made by the engine itself, is refused the same way.
    const old = proofHeaders(fx.token, port, realNonces[0]!);
    expect((await call(port, '/v1/headers', { headers: old.headers })).status).toBe(401);
  });

  it('accepts a proof once, for the host and path it was made for, within 30 s of its challenge', async () => {
    let now = Date.parse('2026-11-27T12:00:00Z');
    fx = await startFixture({ clock: () => new Date(now), limits: { maxFailedAttempts: 1000 } });
    const port = fx.port;

    const once = proofHeaders(fx.token, port, await challenge(port));
    const first = await call(port, '/v1/headers', { headers: once.headers });
    expect(first.status).toBe(200);
    expect(once.proof.signedByEndpoint(Buffer.from(first.text), first.headers['smsit-signature'] as string)).toBe(true);
    // The signature covers the body: an altered answer fails the engine's check.
    expect(once.proof.signedByEndpoint(Buffer.from(first.text.replace('api.twilio.com', 'evil.example')), first.headers['smsit-signature'] as string)).toBe(false);
    const again = await call(port, '/v1/headers', { headers: once.headers });
    expect([again.status, again.json.error.message]).toEqual([401, expect.stringMatching(/used already/)]);

    // Made for localhost:PORT, sent as 127.0.0.1:PORT (a relay rewriting Host): not this request.
    const relayed = proofHeaders(fx.token, port, await challenge(port), `localhost:${port}`);
    expect((await call(port, '/v1/headers', { headers: { ...relayed.headers, Host: `127.0.0.1:${port}` } })).status).toBe(401);
    // Made for /v1/headers, sent to /v1/accounts.
    const moved = proofHeaders(fx.token, port, await challenge(port));
    expect((await call(port, '/v1/accounts', { headers: moved.headers })).status).toBe(401);
    // A wrong token's proof.
    const wrong = proofHeaders(`${fx.token.slice(0, -2)}xx`, port, await challenge(port));
    expect((await call(port, '/v1/headers', { headers: wrong.headers })).json.error.message).toMatch(/not made with a valid engine token/);

    const late = proofHeaders(fx.token, port, await challenge(port));
    now += 30_001;
    expect((await call(port, '/v1/headers', { headers: late.headers })).json.error.message).toMatch(/expired/);
    expect((await call(port, '/v1/headers', { headers: { Authorization: 'SMSIT-Proof nonce="x"' } })).json.error.message).toMatch(/malformed/);
  });

  it('a token made before the exchange keeps working with Bearer and says why its proof is refused', async () => {
    fx = await startFixture();
    await fx.registry.update((registry) => {
      for (const token of registry.engine.tokens) {
        delete token.storedKey;
        delete token.serverKey;
      }
    });
    await fx.endpoint.reload();
    expect((await call(fx.port, '/v1/headers', { headers: bearer(fx.token) })).status).toBe(200);
    const proof = proofHeaders(fx.token, fx.port, await challenge(fx.port));
    const refused = await call(fx.port, '/v1/headers', { headers: proof.headers });
    expect([refused.status, refused.json.error.message]).toEqual([401, expect.stringMatching(/made before proofs existed.*tokens create/)]);
  });
});
