import { describe, expect, it } from 'vitest';
import { cleanAccountName } from '../../../../electron/core/accounts/account-names';
import { lookalikeOf } from '../../../../electron/core/accounts/name-lookalikes';

describe('account names that could deceive', () => {
  it.each([
    ['a zero-width space', 'Ma\u200Bin', /invisible characters \(here U\+200B\)/],
    ['a byte order mark inside', 'Ma\uFEFFin', /invisible characters \(here U\+FEFF\)/],
    ['a word joiner', 'Main\u2060', /invisible characters \(here U\+2060\)/],
    ['a right-to-left override', 'Main\u202Eelif', /text-direction controls \(here U\+202E\)/],
    ['a right-to-left mark', '\u200FMain', /text-direction controls \(here U\+200F\)/],
    ['a bidi isolate', 'Ma\u2067in\u2069', /text-direction controls \(here U\+2067\)/],
    ['a line separator', 'Main\u2028Backup', /line breaks/],
    ['a paragraph separator', 'Main\u2029Backup', /line breaks/],
    ['only a joiner', '\u200D', /invisible|visible character/],
    ['only Hangul fillers', '\u3164\u3164', /invisible|visible character/],
    ['only a braille blank', '\u2800', /visible character/],
  ])('refuses %s', (_, name, words) => {
    expect(() => cleanAccountName(name)).toThrow(expect.objectContaining({ kind: 'bad-input', message: expect.stringMatching(words) }));
  });

  it.each([
    ['an emoji sequence with joiners', '👩‍💻 Dev'],
    ['an emoji with its variation selector', '❤️ Shop'],
    ['Persian with a zero-width non-joiner', 'می‌خواهم'],
    ['accents and other scripts', 'Client Å · 東京 · Иван'],
  ])('accepts %s', (_, name) => {
    expect(cleanAccountName(name)).toBe(name.normalize('NFC'));
  });

  it('finds a new name that looks like an existing one: other alphabets, full-width, I for l, 0 for O', () => {
    expect(lookalikeOf(['Main'], 'Маin')).toBe('Main'); // Cyrillic М and а
    expect(lookalikeOf(['Main'], 'Ｍａｉｎ')).toBe('Main');
    expect(lookalikeOf(['Paypal'], 'PayPaI')).toBe('Paypal');
    expect(lookalikeOf(['Shop 01'], 'Shop O1')).toBe('Shop 01');
  });

  it('does not cry wolf: accents, a mere change of case and different names are not look-alikes', () => {
    expect(lookalikeOf(['Cafe'], 'Café')).toBeNull();
    expect(lookalikeOf(['Main'], 'main')).toBeNull(); // refused as taken instead
    expect(lookalikeOf(['Main', 'Staging'], 'Production')).toBeNull();
  });
});
