import { isRightToLeft, matchLanguage, resolveLanguage } from '../../src/i18n';

const SUPPORTED = ['fr', 'en', 'ar', 'fa'];

describe('matchLanguage', () => {
  it.each([
    ['fr-FR', 'fr'],
    ['fr-CA', 'fr'],
    ['FR_be', 'fr'],
    ['en-US', 'en'],
    ['ar', 'ar'],
    ['ar-EG', 'ar'],
    ['prs-AF', 'fa'],
    ['fa-IR', 'fa'],
    ['fra', 'fr'],
    ['de-DE', undefined],
    ['', undefined],
    ['not a locale!', undefined],
    [undefined, undefined]
  ])('%s → %s', (locale, expected) => {
    expect(matchLanguage(locale, SUPPORTED)).toBe(expected);
  });

  it('falls back to the default when nothing matches', () => {
    expect(resolveLanguage('de-DE', SUPPORTED, 'fr')).toBe('fr');
    expect(resolveLanguage('en-GB', SUPPORTED, 'fr')).toBe('en');
  });

  it('knows which languages are written right to left', () => {
    expect(isRightToLeft('ar')).toBe(true);
    expect(isRightToLeft('fa')).toBe(true);
    expect(isRightToLeft('fr')).toBe(false);
  });
});
