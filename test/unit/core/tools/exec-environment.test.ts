import { describe, expect, it } from 'vitest';
import { credentialVariables, execEnvironment } from '../../../../electron/core/tools/exec-environment';
import { accountSid, apiKeySecret, apiKeySid, authToken } from '../../../helpers/sample-credentials';

const tokenAccount = { authType: 'authToken' as const, accountSid: accountSid(), apiKeySid: null, region: 'us1', edge: null };

describe('exec environment', () => {
  it('builds a new environment and leaves the caller\'s object (and process.env) unchanged', () => {
    const caller = { PATH: '/bin', TWILIO_AUTH_TOKEN: 'old' };
    const copy = { ...caller };
    const processEnv = { ...process.env };
    const secret = authToken();
    const { env, replaced } = execEnvironment(tokenAccount, secret, caller);
    expect(env).toEqual({ PATH: '/bin', TWILIO_ACCOUNT_SID: tokenAccount.accountSid, TWILIO_AUTH_TOKEN: secret });
    expect(replaced).toEqual(['TWILIO_AUTH_TOKEN']);
    expect(caller).toEqual(copy);
    expect(process.env).toEqual(processEnv);
  });

  it('gives no TWILIO_REGION for US1 without an edge (libraries would go to api.us1.twilio.com), and both for any other place', () => {
    expect(Object.keys(credentialVariables(tokenAccount, 'x'))).toEqual(['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN']);
    const key = { authType: 'apiKey' as const, accountSid: accountSid(), apiKeySid: apiKeySid(), region: 'au1', edge: 'sydney' };
    const secret = apiKeySecret();
    expect(credentialVariables(key, secret)).toEqual({ TWILIO_ACCOUNT_SID: key.accountSid, TWILIO_API_KEY: key.apiKeySid, TWILIO_API_SECRET: secret, TWILIO_REGION: 'au1', TWILIO_EDGE: 'sydney' });
    expect(credentialVariables({ ...key, region: 'us1', edge: 'ashburn' }, secret)).toMatchObject({ TWILIO_REGION: 'us1', TWILIO_EDGE: 'ashburn' });
  });
});
