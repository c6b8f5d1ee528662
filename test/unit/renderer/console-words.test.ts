/** The window follows the seed to the letter: one Console path, one key type order, matching button labels, no Auth Token on the API key path. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepContent, stepsFor } from '../../../renderer/src/lib/onboarding-steps';
import { CONSOLE_PATHS, KEY_TYPE_ORDER } from '../../../renderer/src/lib/links';
import { nextStepFor } from '../../../renderer/src/lib/error-words';
import { checkAccountSid } from '../../../electron/shared/credential-formats';

const read = (path: string) => readFileSync(resolve(path), 'utf8');
const drawing = (name: string) => read(`renderer/src/assets/console/${name}.svg`);
/** What a drawing says in words: its text elements, title and description. */
const drawnWords = (name: string) => [...drawing(name).matchAll(/<(?:text|title|desc)[^>]*>([^<]*)</g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&gt;/g, '>')).join('\n');
const instructionText = (id: Parameters<typeof stepContent>[0]) => stepContent(id).instructions.map((line) => line.text).join(' ');

describe('the window\'s words about the Twilio Console', () => {
  it('write the Console paths one way: Account Dashboard > Account Info; Admin > Account Management > Keys & Credentials > API keys & tokens', () => {
    expect(CONSOLE_PATHS).toEqual({
      accountInfo: 'Account Dashboard > Account Info',
      apiKeys: 'Admin > Account Management > Keys & Credentials > API keys & tokens',
    });
    expect(instructionText('account-sid')).toContain(CONSOLE_PATHS.accountInfo);
    expect(instructionText('copy-token')).toContain(CONSOLE_PATHS.accountInfo);
    expect(instructionText('open-keys')).toContain(CONSOLE_PATHS.apiKeys);
    expect(nextStepFor({ kind: 'not-found', message: '' })).toContain(CONSOLE_PATHS.accountInfo);
    // The field message the window shows under a swapped Account SID.
    expect(checkAccountSid(`SK${'ab'.repeat(16)}`).message).toContain(`copy it from ${CONSOLE_PATHS.accountInfo} in the Twilio Console`);
    for (const name of ['api-keys-page', 'create-key-form', 'copy-secret']) {
      expect(drawnWords(name), name).toContain('Account Management');
      expect(drawnWords(name), name).not.toContain('Account management');
    }
    for (const file of ['renderer/src/lib/onboarding-steps.ts', 'renderer/src/lib/error-words.ts', 'renderer/src/components/accounts/AccountCard.svelte']) {
      expect(read(file), file).not.toMatch(/Account management|on the (Console )?dashboard/);
    }
  });

  it('name the key types in Twilio\'s order everywhere: the drawing, the question, the instructions and the advice', () => {
    expect(KEY_TYPE_ORDER).toEqual(['main', 'standard', 'restricted']);
    const inOrder = (text: string, words: string[]) => words.map((word) => text.indexOf(word));
    const drawn = inOrder(drawnWords('create-key-form'), ['Main', 'Standard', 'Restricted']);
    expect(drawn).toEqual([...drawn].sort((a, b) => a - b));
    const question = inOrder(read('renderer/src/components/onboarding/KeyTypes.svelte'), ['value="main"', 'value="standard"', 'value="restricted"']);
    expect(question.every((at) => at >= 0)).toBe(true);
    expect(question).toEqual([...question].sort((a, b) => a - b));
    expect(instructionText('create-key')).toContain('Main or Standard');
    expect(nextStepFor({ kind: 'forbidden', message: '' })).toContain('Main or Standard');
  });

  it('label the Create API key button the same in every drawing and instruction', () => {
    expect(drawnWords('api-keys-page')).toContain('Create API key');
    expect(drawnWords('create-key-form')).toContain('Create API key');
    expect(drawnWords('api-keys-page') + drawnWords('create-key-form')).not.toContain('Create API Key');
    expect(instructionText('open-keys') + instructionText('create-key')).not.toContain('Create API Key');
  });

  it('do not point at the Auth Token on the API key path', () => {
    for (const id of stepsFor('apiKey')) {
      const { illustration, instructions } = stepContent(id);
      if (!illustration) continue;
      const svg = drawing(illustration);
      const desc = /<desc[^>]*>([^<]*)</.exec(svg)?.[1] ?? '';
      expect(desc, id).not.toMatch(/Callout \d marks [^.]*Auth Token/);
      expect(instructions.map((line) => line.text).join(' '), id).not.toMatch(/Auth Token,|copy the Auth Token|Show next to Auth Token/);
    }
  });
});
