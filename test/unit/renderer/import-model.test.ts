/** Import from files in the window: what it asks the core, and what each credential's card is told. */
import { describe, expect, it } from 'vitest';
import { ImportModel } from '../../../renderer/src/lib/import-model.svelte';
import type { AccountSummary, ImportCandidate, ImportScan } from '../../../electron/shared/app-types';
import { fakeSmsitApi } from './fake-smsit-api';

const candidate = (over: Partial<ImportCandidate>): ImportCandidate => ({
  id: 'id-1', source: 'env-file', path: '/home/ana/shop/.env', profileId: null, accountSid: 'AC' + '1'.repeat(32), authType: 'authToken',
  apiKeySid: null, region: null, edge: null, suggestedName: 'shop', duplicateOf: null, canScrub: true, ...over,
});
const scan = (found: ImportCandidate[], notes: string[] = []): { ok: true; value: ImportScan } => ({ ok: true, value: { found, notes } });

describe('ImportModel', () => {
  it('looks at once when shown, then again with each .env file the open dialog gave (cancel changes nothing)', async () => {
    const fake = fakeSmsitApi();
    fake.answer('import:find', scan([]));
    fake.answer('env-files:choose', { ok: true, value: ['/home/ana/shop/.env'] });
    const model = new ImportModel(fake.api);
    await model.show();
    expect(model.announcement).toBe('No Twilio credentials found.');
    fake.answer('import:find', scan([candidate({})]));
    await model.chooseFiles();
    expect(model.envFiles).toEqual(['/home/ana/shop/.env']);
    expect(model.items.map((item) => [item.name, item.chosen, item.scrub])).toEqual([['shop', false, false]]);
    fake.answer('env-files:choose', { ok: true, value: [] });
    await model.chooseFiles();
    expect(fake.calls.map((call) => [call.channel, call.input])).toEqual([
      ['import:find', { envFiles: [] }],
      ['env-files:choose', undefined],
      ['import:find', { envFiles: ['/home/ana/shop/.env'] }],
      ['env-files:choose', undefined],
    ]);
  });

  it('drops a chosen file the core cannot read, says which, and still lists the rest', async () => {
    const fake = fakeSmsitApi();
    fake.answer('env-files:choose', { ok: true, value: ['/bin/ls'] });
    fake.answer('import:find', { ok: false, error: { kind: 'bad-input', message: '/bin/ls is not UTF-8 text…', details: { path: '/bin/ls' } } });
    const model = new ImportModel(fake.api);
    await model.chooseFiles();
    expect(model.envFiles).toEqual([]);
    expect(model.problem).toMatchObject({ details: { path: '/bin/ls' } });
    expect(fake.calls.at(-1)).toEqual({ channel: 'import:find', input: { envFiles: [] } });
  });

  it('imports the chosen ones under their names with their scrub choice, and tells each card what happened', async () => {
    const fake = fakeSmsitApi();
    fake.answer('import:find', scan([candidate({ id: 'a' }), candidate({ id: 'b', source: 'environment', path: null, canScrub: false, suggestedName: 'From the environment' })]));
    const model = new ImportModel(fake.api);
    await model.show();
    expect(await model.importChosen()).toBeNull();
    expect(model.problem?.message).toMatch(/No credential is chosen/);
    const [a, b] = model.items;
    a!.chosen = true;
    a!.scrub = true;
    a!.name = ' Shop ';
    b!.chosen = true;
    b!.scrub = true; // not offered for the environment: never sent
    fake.answer('import:save', { ok: true, value: { status: 'imported', account: { name: 'Shop' } as AccountSummary, report: null, scrubbed: true } });
    await model.importChosen();
    expect(fake.calls.filter((call) => call.channel === 'import:save').map((call) => call.input)).toEqual([
      { id: 'a', name: 'Shop', scrub: true },
      { id: 'b', name: 'From the environment', scrub: false },
    ]);
    expect(model.items[0]!.result).toMatchObject({ tone: 'success', text: 'Verified with Twilio and saved as "Shop"; its secret is in your system keychain. Its line was removed from /home/ana/shop/.env; every other line is as it was.' });
    expect(model.announcement).toBe('Imported 2 of 2.');
  });

  it('puts a name the core refuses at the name field (and returns it to focus), a refusal by Twilio on the card, a duplicate as already saved', async () => {
    const fake = fakeSmsitApi();
    fake.answer('import:find', scan([candidate({ id: 'a' })]));
    const model = new ImportModel(fake.api);
    await model.show();
    model.items[0]!.chosen = true;
    fake.answer('import:save', { ok: true, value: { status: 'failed', error: { kind: 'name-taken', message: 'An account named "shop" already exists.', details: { field: 'name' } } } });
    expect(await model.importChosen()).toBe('a');
    expect(model.items[0]!.nameMessage).toBe('An account named "shop" already exists.');
    expect(model.items[0]!.result).toBeNull();
    const refusal = { kind: 'invalid-credentials' as const, message: 'Twilio did not accept this Auth Token.' };
    fake.answer('import:save', { ok: true, value: { status: 'failed', error: refusal } });
    expect(await model.importChosen()).toBeNull();
    expect(model.items[0]!.nameMessage).toBeNull();
    expect(model.items[0]!.result).toEqual({ tone: 'error', error: refusal });
    fake.answer('import:save', { ok: true, value: { status: 'duplicate', existing: 'Shop' } });
    await model.importChosen();
    expect(model.items[0]!.result).toMatchObject({ tone: 'info', text: 'Already saved as "Shop" (same Account SID and key SID); not saved again.' });
    expect(model.announcement).toBe('Imported 0 of 1. Each credential says what happened to it.');
  });
});
