/** The onboarding's state: steps per path, as-you-type checks, nothing sent while a value is wrong, secrets forgotten after saving. */
import { describe, expect, it } from 'vitest';
import { OnboardingFlow } from '../../../renderer/src/lib/onboarding-flow.svelte';
import type { AccountSummary, VerificationReport } from '../../../electron/shared/app-types';
import { fakeSmsitApi } from './fake-smsit-api';

const ACCOUNT_SID = 'AC' + '0123456789abcdef'.repeat(2);
const KEY_SID = 'SK' + 'fedcba9876543210'.repeat(2);
const SECRET = 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6';

const okReport: VerificationReport = {
  ok: true,
  authType: 'apiKey',
  keyType: 'standard',
  account: { sid: ACCOUNT_SID, friendlyName: null, status: null, type: null },
  warnings: [],
  error: null,
};

const savedAccount = { id: 'a1', name: 'Shop', accountSid: ACCOUNT_SID, maskedSecret: '••••' } as AccountSummary;

function apiKeyFlowAt(step: 'copy-key' | 'check-save') {
  const fake = fakeSmsitApi();
  const flow = new OnboardingFlow(fake.api);
  flow.choose('apiKey');
  flow.accountSid = ACCOUNT_SID;
  flow.next();
  flow.next();
  flow.next();
  flow.apiKeySid = KEY_SID;
  flow.secret = SECRET;
  if (step === 'check-save') flow.next();
  return { fake, flow };
}

describe('OnboardingFlow', () => {
  it('follows Twilio\'s steps for each path', () => {
    const flow = new OnboardingFlow(fakeSmsitApi().api);
    expect(flow.steps).toEqual(['choose']);
    flow.choose('apiKey');
    expect(flow.steps).toEqual(['choose', 'account-sid', 'open-keys', 'create-key', 'copy-key', 'check-save', 'done']);
    flow.back();
    flow.choose('authToken');
    expect(flow.steps).toEqual(['choose', 'account-sid', 'copy-token', 'check-save', 'done']);
    expect(flow.step).toBe('account-sid');
  });

  it('counts the fields of a step that need a fix once Next was pressed', () => {
    const flow = new OnboardingFlow(fakeSmsitApi().api);
    flow.choose('apiKey');
    flow.accountSid = ACCOUNT_SID;
    flow.next();
    flow.next();
    flow.next();
    expect(flow.stepProblems).toEqual([]); // quiet while untouched
    expect(flow.next()).toBe('apiKeySid');
    expect(flow.stepProblems).toEqual(['apiKeySid', 'secret']);
    flow.apiKeySid = KEY_SID;
    expect(flow.stepProblems).toEqual(['secret']);
  });

  it('keeps the user on a step until its field passes, naming an API Key SID pasted as the Account SID', () => {
    const flow = new OnboardingFlow(fakeSmsitApi().api);
    flow.choose('apiKey');
    expect(flow.messageFor('accountSid')).toBeNull(); // quiet while untouched and empty
    flow.accountSid = KEY_SID;
    expect(flow.messageFor('accountSid')).toMatch(/This is an API Key SID \(it starts with SK\), not the Account SID/);
    expect(flow.next()).toBe('accountSid');
    expect(flow.step).toBe('account-sid');
    flow.accountSid = ` ${ACCOUNT_SID}\n`;
    expect(flow.next()).toBeNull();
    expect(flow.step).toBe('open-keys');
    expect(flow.draft.accountSid).toBe(ACCOUNT_SID);
  });

  it('checks the secret as an Auth Token on the Auth Token path and as a key secret on the API Key path', () => {
    const flow = new OnboardingFlow(fakeSmsitApi().api);
    flow.choose('authToken');
    flow.secret = 'abc';
    expect(flow.messageFor('secret')).toMatch(/An Auth Token is 32 characters; this one has 3/);
    flow.choose('apiKey');
    expect(flow.checks.secret.ok).toBe(true);
    expect(flow.checks.secret.warning).toMatch(/usually 32 letters and digits/);
  });

  it('sends nothing to Twilio while a value is wrong, and the cleaned values once they are right', async () => {
    const { fake, flow } = apiKeyFlowAt('check-save');
    flow.name = 'Shop';
    flow.apiKeySid = ACCOUNT_SID; // edited into a swap after the step
    expect(await flow.save()).toBe('apiKeySid');
    expect(fake.calls).toEqual([]);
    expect(flow.failure?.message).toMatch(/This is your Account SID/);

    flow.apiKeySid = `${KEY_SID} `;
    fake.answer('accounts:add', { ok: true, value: { account: savedAccount, report: okReport } });
    expect(await flow.save()).toBeNull();
    expect(fake.calls).toEqual([
      { channel: 'accounts:add', input: { name: 'Shop', verify: true, draft: { authType: 'apiKey', accountSid: ACCOUNT_SID, apiKeySid: KEY_SID, secret: SECRET, region: 'us1', edge: null } } },
    ]);
    expect(flow.report).toEqual(okReport);
  });

  it('shows Twilio\'s refusal until a value it checked changes', async () => {
    const { fake, flow } = apiKeyFlowAt('check-save');
    flow.name = 'Shop';
    fake.answer('accounts:add', { ok: false, error: { kind: 'invalid-credentials', message: 'Twilio did not accept this API key (error 20003).' } });
    expect(await flow.save()).toBeNull();
    expect(flow.failure?.kind).toBe('invalid-credentials');
    expect(flow.busy).toBeNull();
    flow.edited();
    expect(flow.failure).toBeNull(); // a refusal never outlives the values it was about
  });

  it('asks for a name at the name field, then saves with verification and forgets the secret', async () => {
    const { fake, flow } = apiKeyFlowAt('check-save');
    expect(await flow.save()).toBe('name');
    expect(fake.calls).toEqual([]);
    expect(flow.nameMessage).toBe('Give this account a name, for example "Main business".');
    expect(flow.failure).toBeNull();
    flow.nameEdited();
    expect(flow.nameMessage).toBeNull();

    flow.name = '  Shop ';
    flow.region = 'ie1';
    flow.edge = 'dublin';
    fake.answer('accounts:add', { ok: true, value: { account: savedAccount, report: okReport } });
    expect(await flow.save()).toBeNull();
    expect(fake.calls[0]).toEqual({
      channel: 'accounts:add',
      input: { name: 'Shop', verify: true, draft: { authType: 'apiKey', accountSid: ACCOUNT_SID, apiKeySid: KEY_SID, secret: SECRET, region: 'ie1', edge: 'dublin' } },
    });
    expect(flow.step).toBe('done');
    expect(flow.saved).toEqual(savedAccount);
    expect(flow.secret).toBe('');
    flow.back();
    expect(flow.step).toBe('done'); // no way back to a form that held the secret
  });

  it('shows what the core warns about on saving (a look-alike name) with Twilio\u2019s own warnings', async () => {
    const { fake, flow } = apiKeyFlowAt('check-save');
    flow.name = 'Маin';
    const warning = '"Маin" looks almost the same as the account "Main" (some letters look alike or come from another alphabet), so the two are easy to mix up in the tray. Consider renaming one of them.';
    fake.answer('accounts:add', { ok: true, value: { account: savedAccount, report: okReport, warnings: [warning] } });
    expect(await flow.save()).toBeNull();
    expect(flow.report?.warnings).toEqual([...okReport.warnings, warning]);
  });

  it('says at the name field when the core says the name is taken, and keeps the values', async () => {
    const { fake, flow } = apiKeyFlowAt('check-save');
    flow.name = 'Shop';
    fake.answer('accounts:add', { ok: false, error: { kind: 'name-taken', message: 'There is already an account named "Shop".' } });
    expect(await flow.save()).toBe('name');
    expect(flow.nameMessage).toBe('There is already an account named "Shop".');
    expect(flow.failure).toBeNull();
    expect(flow.secret).toBe(SECRET);
    expect(flow.step).toBe('check-save');
  });

  it('starts over with nothing typed before', () => {
    const { flow } = apiKeyFlowAt('check-save');
    flow.reset();
    expect([flow.authType, flow.step, flow.accountSid, flow.apiKeySid, flow.secret, flow.region]).toEqual([null, 'choose', '', '', '', 'us1']);
  });
});
