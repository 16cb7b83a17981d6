import { fold, toLatinDigits, tokenize } from '../../src/understanding';

describe('toLatinDigits', () => {
  it.each([
    ['22', '22'],
    ['٢٢', '22'], // Arabic-Indic
    ['۲۲', '22'], // Extended Arabic-Indic (Persian, Pashto)
    ['２２', '22'], // full-width
    ['२२', '22'], // Devanagari: any Unicode decimal digit set
    ['٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['𝟐𝟗', '29'], // mathematical digits: several sets back to back
    ['عمري ٢٢ سنة', 'عمري 22 سنة'],
    ['no digits', 'no digits'],
    ['፳፪', '፳፪'] // Ethiopic numerals are not decimal digits: left for recognizeNumber
  ])('%s → %s', (input, expected) => {
    expect(toLatinDigits(input)).toBe(expected);
  });
});

describe('fold', () => {
  it.each([
    ["D'accord, Bien SÛR !", 'daccord bien sur'],
    ['Non-merci.', 'non merci'],
    ['HAYIR', 'hayir'],
    ['hayır', 'hayir'],
    ['Straße', 'strasse'],
    ['douăzeci și doi', 'douazeci si doi'],
    ['أيوه', 'ايوه'],
    ['إيه', 'ايه'],
    ['حسناً', 'حسنا'],
    ['مئة', 'ميه'],
    ['نمی‌دانم', 'نميدانم'], // zero-width non-joiner joined, Persian yeh unified
    ['بەڵێ', 'بهلێ'],
    ["п'ять", 'пять'],
    ['٢٢', '22'],
    ['  ', '']
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('tokenizes on any punctuation', () => {
    expect(tokenize('quatre-vingt-dix, (ok)')).toEqual(['quatre', 'vingt', 'dix', 'ok']);
    expect(tokenize('')).toEqual([]);
  });
});
