import fs from 'node:fs';
import path from 'node:path';
import { SHIPPED_LANGUAGES } from '../../src/config';

const ROOT = path.resolve(__dirname, '..', '..');

interface LanguageMeta {
  name: string;
  direction: 'ltr' | 'rtl';
  review: { status: 'drafted' | 'reviewed'; reviewer: string | null; date: string | null };
}

const meta = (JSON.parse(fs.readFileSync(path.join(ROOT, 'locales', 'languages.json'), 'utf8')) as { languages: Record<string, LanguageMeta> })
  .languages;
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('language review status', () => {
  it('records every shipped language, and only those', () => {
    expect(Object.keys(meta).sort()).toEqual([...SHIPPED_LANGUAGES].sort());
  });

  it.each(SHIPPED_LANGUAGES.map((l) => [l]))('%s: a reviewed language names its reviewer and date', (lang) => {
    const { review } = meta[lang]!;
    expect(['drafted', 'reviewed']).toContain(review.status);
    if (review.status === 'reviewed') {
      expect(review.reviewer).toMatch(/\S/);
      expect(review.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it.each(SHIPPED_LANGUAGES.map((l) => [l]))('%s: the README lists it with its current status', (lang) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${lang}\` |`));
    expect(row).toBeDefined();
    expect(row).toContain(`| ${meta[lang]!.review.status} |`);
    expect(row).toContain(`| ${meta[lang]!.direction} |`);
  });
});
