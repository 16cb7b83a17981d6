import { languagesFromScript } from '../../src/i18n';

const ALL = ['fr', 'en', 'de', 'nl', 'pt', 'ro', 'ar', 'fa', 'ps', 'ckb', 'so', 'ti', 'tr', 'uk'];

describe('languagesFromScript', () => {
  it.each([
    ['مرحبا، أريد المساعدة', ['ar', 'fa', 'ps', 'ckb']],
    ['سلام، کمک می‌خواهم', ['fa', 'ar', 'ps', 'ckb']],
    ['سلام، زه مرسته غواړم', ['ps', 'ar', 'fa', 'ckb']],
    ['سڵاو، یارمەتیم دەوێت', ['ckb', 'fa', 'ar', 'ps']],
    ['Привіт, мені потрібна допомога', ['uk']],
    ['ሰላም፡ ሓገዝ የድልየኒ', ['ti']],
    ['Bonjour', []],
    ['22', []],
    ['👍', []],
    [undefined, []]
  ])('%s → %j', (text, expected) => {
    expect(languagesFromScript(text, ALL)).toEqual(expected);
  });

  it('proposes only supported languages', () => {
    expect(languagesFromScript('سلام، کمک می‌خواهم', ['fr', 'en', 'ar'])).toEqual(['ar']);
  });
});
