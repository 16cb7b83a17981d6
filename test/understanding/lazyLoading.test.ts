import {
  loadedRecognizerPackages,
  recognizeAgeOrBirthDate,
  recognizeNumber,
  recognizeYesNo,
  warmUp
} from '../../src/understanding';
import { WARM_UP_TIMEOUT_MS } from './helpers';

// Order matters in this file: it starts from a fresh module registry (one per test file).
describe('recognizers are loaded lazily, per capability', () => {
  it('importing the module loads no recognizer package', () => {
    expect(loadedRecognizerPackages()).toEqual([]);
  });

  it('digits and fallback languages need none', () => {
    expect(recognizeNumber('٢٢', 'ar')).toBe(22);
    expect(recognizeNumber('22', 'fr')).toBe(22); // no letters: the recognizer is skipped
    expect(recognizeYesNo('👍', 'ti')).toBe(true);
    expect(recognizeAgeOrBirthDate('03/03/2004', 'so', '2025-06-15')).toEqual({ kind: 'birthDate', birthDate: '2004-03-03' });
    expect(loadedRecognizerPackages()).toEqual([]);
  });

  it('a yes/no in French loads the choice package only', () => {
    expect(recognizeYesNo('oui', 'fr')).toBe(true);
    expect(loadedRecognizerPackages()).toEqual(['@microsoft/recognizers-text-choice']);
  });

  it(
    'warmUp loads the rest once; later calls reuse the cached models',
    async () => {
      await warmUp(['fr', 'en']);
      expect(loadedRecognizerPackages().sort()).toEqual([
        '@microsoft/recognizers-text-choice',
        '@microsoft/recognizers-text-date-time',
        '@microsoft/recognizers-text-number'
      ]);
      expect(recognizeNumber("j'ai vingt-trois ans", 'fr')).toBe(23);
      expect(recognizeAgeOrBirthDate('I was born on 3 March 2004', 'en', '2025-06-15')).toEqual({
        kind: 'birthDate',
        birthDate: '2004-03-03'
      });
    },
    WARM_UP_TIMEOUT_MS
  );
});
