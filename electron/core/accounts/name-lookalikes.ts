/**
 * Names that look alike: "Main" and "Маin" (Cyrillic М and а) would both show as "Main" in the tray
 * while pointing at different Twilio accounts. A new name whose look-alike form equals an existing
 * name's is warned about (not refused: "Cafe" and "Café" may both be meant).
 *
 * The standard is the UTS #39 skeleton over Unicode's confusables.txt, which is not shipped here. The
 * `confusables` package alone is not enough: it folds accents away ("Café" = "Cafe", false alarms),
 * misses look-alikes inside Latin ("PayPaI" with a capital i, "0" for "O", "rn" for "m") and dashes.
 * So: NFKC (full-width, ligatures, math letters), the package's table only for letters outside the
 * Latin script (Cyrillic, Greek, Cherokee…), a small Latin table, then case folding.
 */
import { remove as latinLookalike } from 'confusables';

/** Characters that draw as nothing: they never tell two names apart. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** Latin and common characters that draw like other Latin ones (a subset of UTS #39's table). */
const LATIN_LOOKALIKES: [RegExp, string][] = [
  [/[I1|ǀ]/g, 'l'],
  [/[0O]/g, 'o'],
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/\p{Pd}/gu, '-'],
  [/\s+/gu, ' '],
];

/** The form in which names that look alike are equal. */
export function lookalikeForm(name: string): string {
  let form = '';
  for (const char of name.normalize('NFKC').replace(INVISIBLE, '')) {
    // Accented Latin letters stay themselves ("é" is not "e"); other scripts map to their Latin twins.
    form += /[\p{Script=Latin}\p{Script=Common}]/u.test(char) ? char : latinLookalike(char);
  }
  for (const [pattern, to] of LATIN_LOOKALIKES) form = form.replace(pattern, to);
  return form.toLocaleLowerCase('und').replace(/[I1|ǀ]/g, 'l').trim();
}

/** The existing name `name` could be mistaken for (another name, not just another case), or null. */
export function lookalikeOf(names: readonly string[], name: string): string | null {
  const form = lookalikeForm(name);
  const key = name.normalize('NFC').toLocaleLowerCase('und');
  return names.find((other) => other.normalize('NFC').toLocaleLowerCase('und') !== key && lookalikeForm(other) === form) ?? null;
}
