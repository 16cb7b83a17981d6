import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_LANGUAGES } from '../../src/config';
import { recognizeHandoffEnd, recognizeHandoffRequest } from '../../src/understanding';
import { lexicons } from './helpers';

/** Everyday ways to ask for a person, in each language. */
const ASKS: Record<string, string[]> = {
  en: ['I want to talk to a person', 'can I speak to someone please', 'real person', 'talk to a human'],
  fr: ["je veux parler à quelqu'un", 'Parler à une personne svp', 'je peux parler à un conseiller ?', 'je voudrais parler a un humain'],
  de: ['Ich möchte mit einem Menschen sprechen', 'kann ich mit jemandem reden?'],
  nl: ['ik wil met iemand praten', 'met een medewerker aub'],
  pt: ['quero falar com uma pessoa', 'posso falar com alguém?'],
  ro: ['vreau să vorbesc cu cineva', 'vorbesc cu o persoana'],
  ar: ['أريد التحدث مع شخص', 'بدي احكي مع حدا', 'ممكن اتكلم مع موظف', 'التكلم مع شخص'],
  fa: ['می‌خواهم با یک نفر صحبت کنم', 'با مشاور'],
  ps: ['غواړم له یو کس سره خبرې وکړم'],
  ckb: ['دەمەوێت قسە لەگەڵ کەسێک بکەم'],
  so: ['waxaan rabaa inaan la hadlo qof'],
  ti: ['ምስ ሰብ ክዛረብ እደሊ'],
  tr: ['biriyle konuşmak istiyorum', 'gerçek bir insan lütfen'],
  uk: ['хочу поговорити з людиною', 'з оператором будь ласка']
};

/** Messages that do not ask for a person. */
const NOT_ASKS = ['je ne connais personne', 'I am a person who likes computers', '22', 'oui', 'Find a training', 'مرحبا'];

describe('talk to a person: understanding', () => {
  it('understands everyday requests for a person in every language', () => {
    const missed = Object.entries(ASKS).flatMap(([lang, texts]) => texts.filter((t) => !recognizeHandoffRequest(t, lexicons())).map((t) => `${lang}: ${t}`));
    expect(missed).toEqual([]);
    expect(Object.keys(ASKS).sort()).toEqual([...SHIPPED_LANGUAGES].sort());
  });

  it('does not take other messages for a request', () => {
    expect(NOT_ASKS.filter((t) => recognizeHandoffRequest(t, lexicons()))).toEqual([]);
  });

  it('understands the end word each text quotes, and the label to go back, in every language', () => {
    const missed: string[] = [];
    for (const lang of SHIPPED_LANGUAGES) {
      const texts = JSON.parse(readFileSync(join(__dirname, '..', '..', 'locales', lang, 'handoff.json'), 'utf8')) as Record<string, string>;
      const quoted = /[“«„]([^”»“]+)[”»“]/u.exec(texts.requested ?? '')?.[1];
      if (!quoted || !recognizeHandoffEnd(quoted, lexicons())) missed.push(`${lang}: quoted "${String(quoted)}"`);
      if (!recognizeHandoffEnd(texts.end ?? '', lexicons())) missed.push(`${lang}: label "${String(texts.end)}"`);
    }
    expect(missed).toEqual([]);
  });

  it('no word a person may use to answer another question is taken for a request for a person', () => {
    // Every word list of the texts (`…Words`, `synonyms.…`, `filterWords.…`), but the menu's own "talk to a person".
    const taken: string[] = [];
    const walk = (value: unknown, key: string, where: string): void => {
      if (typeof value === 'string') {
        if (!/(Words|synonyms)(\.|$)|^filterWords\./.test(key) || key === 'synonyms.talkToPerson') return;
        for (const word of value.split('|')) if (recognizeHandoffRequest(word, lexicons())) taken.push(`${where}:${key}: ${word}`);
      } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}.${k}` : k, where);
    };
    for (const lang of SHIPPED_LANGUAGES) {
      const dir = join(__dirname, '..', '..', 'locales', lang);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) walk(JSON.parse(readFileSync(join(dir, file), 'utf8')), '', `${lang}/${file}`);
    }
    expect(taken).toEqual([]);
  });

  it('an end word inside a longer message is not an end', () => {
    expect(['the end of my contract is in May', 'fin du contrat le mois prochain et je cherche', 'I want to end my training early because'].filter((t) => recognizeHandoffEnd(t, lexicons()))).toEqual([]);
  });
});
