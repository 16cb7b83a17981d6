import { formatDate, formatDay, formatList, formatMoney, formatMonth, formatNumber, LANGUAGE_FORMATS, Localizer } from '../../src/i18n';
import path from 'node:path';
import { SHIPPED_LANGUAGES } from '../../src/config';

/** Every date and number shown goes through src/i18n/format.ts: one calendar, one digit system per language. */

describe('dates: the Gregorian calendar in every language, in its digits', () => {
  it.each([
    ['fa', '2026-12-14', '۱۴ دسامبر ۲۰۲۶'],
    ['ar', '2026-12-14', '١٤ ديسمبر ٢٠٢٦'],
    ['fr', '2027-02-01', '1er février 2027'],
    ['fr', '2026-12-14', '14 décembre 2026'],
    ['en', '2027-02-01', 'February 1, 2027'],
    ['uk', '2026-12-14', '14 грудня 2026 р.'],
    ['ti', '2026-12-14', 'ታሕሳስ 14, 2026']
  ])('%s: %s → %s', (lang, iso, shown) => {
    expect(formatDate(iso, lang)).toBe(shown);
  });

  it.each(SHIPPED_LANGUAGES.map((l) => [l]))('%s: 14 December 2026 is written with the Gregorian year 2026, never a Solar Hijri one', (lang) => {
    const shown = formatDate('2026-12-14', lang);
    expect(toLatin(shown)).not.toMatch(/1405|AP/);
    expect(toLatin(shown)).toContain('2026');
  });

  it('Pashto: no "AP ۱۴۰۵"', () => {
    expect(formatDate('2026-12-16', 'ps')).toBe('۲۰۲۶ دسمبر ۱۶');
  });

  it('an unreadable date is shown as it is', () => {
    expect(formatDate('not-a-date', 'fr')).toBe('not-a-date');
  });

  it('the day of an instant, in a time zone', () => {
    expect(formatDay(new Date('2026-11-29T23:30:00Z'), 'fr', 'Europe/Paris')).toBe('30 novembre 2026');
  });
});

function toLatin(text: string): string {
  return text.replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d))).replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)));
}

describe('numbers: one digit system per language', () => {
  it.each([
    ['fa', 13, '۱۳'],
    ['ps', 3, '۳'],
    ['ar', 22, '٢٢'],
    ['ckb', 19, '١٩'],
    ['fr', 22, '22'],
    ['fr', 2004, '2004'],
    ['fr', 12500, '12\u202f500'],
    ['en', 12500, '12,500']
  ])('%s: %i → %s', (lang, value, shown) => {
    expect(formatNumber(value, lang)).toBe(shown);
  });

  it('every shipped language has its formats chosen on purpose', () => {
    expect(Object.keys(LANGUAGE_FORMATS).sort()).toEqual([...SHIPPED_LANGUAGES].sort());
  });

  it('money in the language\'s digits', () => {
    expect(formatMoney(450, 'EUR', 'fr')).toMatch(/^450\s€$/u);
    expect(formatMoney(450, 'EUR', 'fa')).toMatch(/۴۵۰/);
  });

  it('numbers given to texts are written in the language\'s digits', () => {
    const localizer = Localizer.load(path.resolve(__dirname, '..', '..', 'locales'), SHIPPED_LANGUAGES, 'fr');
    expect(localizer.t('fa', 'common:years', { count: 13 })).toBe('۱۳ سال');
    expect(localizer.t('ar', 'consent:retention', { count: 30 })).toBe('٣٠ يومًا');
    expect(localizer.t('fr', 'common:years', { count: 22 })).toBe('22 ans');
  });
});

describe('lists, as each language writes them', () => {
  it.each([
    ['fa', 'فرانسوی، عربی، و اوکراینی'],
    ['en', 'French, Arabic, and Ukrainian'],
    ['ckb', 'فرانسوی، عربی، اوکراینی']
  ])('%s', (lang, shown) => {
    expect(formatList(['French', 'Arabic', 'Ukrainian'].map((w, i) => (lang === 'en' ? w : ['فرانسوی', 'عربی', 'اوکراینی'][i]!)), lang).replace(/\u200f/g, '')).toBe(shown);
  });
});

describe('formatMonth: a month in words, Gregorian, in the language digits', () => {
  it.each([
    ['fr', '2026-12', 'décembre 2026'],
    ['en', '2026-01', 'January 2026'],
    ['de', '2026-03', 'März 2026'],
    ['ro', '2026-02', 'februarie 2026'],
    ['fa', '2026-12', 'دسامبر ۲۰۲۶'],
    ['en', 'not-a-month', 'not-a-month']
  ])('%s %s', (lang, month, shown) => {
    expect(formatMonth(month, lang)).toBe(shown);
  });
});
