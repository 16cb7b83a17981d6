import type { Capability } from '../../src/understanding';
import { LANGUAGES, recognizerCultures } from '../../src/understanding';
import { getModel } from '../../src/understanding/recognizers';

/** The culture a language would naturally ask the recognizers for. */
const NATURAL_CULTURE: Record<string, string> = {
  fr: 'fr-fr', en: 'en-us', de: 'de-de', nl: 'nl-nl', pt: 'pt-br', ro: 'ro-ro', ar: 'ar-ae',
  fa: 'fa-ir', ps: 'ps-af', ckb: 'ckb-iq', so: 'so-so', ti: 'ti-er', tr: 'tr-tr', uk: 'uk-ua'
};
const CAPABILITIES: Capability[] = ['number', 'dateTime', 'boolean'];

describe('culture table matches what recognizers-text 1.3.1 really registers', () => {
  const rows = LANGUAGES.flatMap((lang) => CAPABILITIES.map((capability) => [lang, capability] as const));

  it.each(rows)('%s %s', (lang, capability) => {
    const culture = recognizerCultures(lang)[capability];
    if (culture) {
      expect(() => getModel(capability, culture)).not.toThrow();
    } else {
      // No model without the silent English fallback: the table must not claim one.
      expect(() => getModel(capability, NATURAL_CULTURE[lang] ?? lang)).toThrow(/Could not find Model/);
    }
  });

  it('documents the covered languages', () => {
    expect(recognizerCultures('fr')).toEqual({ number: 'fr-fr', dateTime: 'fr-fr', boolean: 'fr-fr' });
    expect(recognizerCultures('en-GB')).toEqual({ number: 'en-us', dateTime: 'en-us', boolean: 'en-us' });
    expect(recognizerCultures('pt')).toEqual({ number: 'pt-br', boolean: 'pt-br' });
    expect(recognizerCultures('de')).toEqual({ boolean: 'de-de' });
    expect(recognizerCultures('nl')).toEqual({ boolean: 'nl-nl' });
    for (const lang of ['ro', 'ar', 'fa', 'ps', 'ckb', 'so', 'ti', 'tr', 'uk']) expect(recognizerCultures(lang)).toEqual({});
  });
});
