import fs from 'node:fs';
import path from 'node:path';
import { loadWebChatCatalogue, WEB_CHAT_STRING_IDS, WEB_CHAT_STRINGS_NOT_SHOWN, webChatDates, webChatTokens } from '../../../src/channels/webchat';
import { LocaleLoadError } from '../../../src/i18n';
import { SHIPPED_LOCALES, useLocalesCopy } from '../../support/localesCopy';

/**
 * Web Chat's own strings (timestamps, send box, screen-reader labels) and dates, in every
 * language the page speaks, including those Web Chat has no translation of.
 */

/** Web Chat's English strings, as the installed package ships them (ids starting with `_` are comments). */
function webChatEnglishIds(): string[] {
  // The package exports only its entry point (lib/index.js); its sources sit beside lib/.
  const api = path.join(path.dirname(require.resolve('botframework-webchat-api')), '..');
  const english = JSON.parse(fs.readFileSync(path.join(api, 'src', 'localization', 'en-US.json'), 'utf8')) as Record<string, unknown>;
  return Object.keys(english).filter((id) => !id.startsWith('_'));
}

describe("Web Chat's strings", () => {
  it('are each either translated in every language or listed as never shown here, with the reason', () => {
    const notShown = Object.values(WEB_CHAT_STRINGS_NOT_SHOWN).flat();
    const known = new Set<string>([...WEB_CHAT_STRING_IDS, ...notShown]);
    const ids = webChatEnglishIds();
    expect({
      placedNowhere: ids.filter((id) => !known.has(id)),
      placedTwice: WEB_CHAT_STRING_IDS.filter((id) => notShown.includes(id)),
      unknownToWebChat: [...known].filter((id) => !ids.includes(id))
    }).toEqual({ placedNowhere: [], placedTwice: [], unknownToWebChat: [] });
  });

  it('are complete in every language, with their placeholders', () => {
    const catalogue = loadWebChatCatalogue(SHIPPED_LOCALES);
    const english = catalogue.bundles.en!.webChat;
    const wrong = Object.entries(catalogue.bundles).flatMap(([lang, bundle]) =>
      WEB_CHAT_STRING_IDS.filter((id) => !bundle.webChat[id]?.trim() || webChatTokens(bundle.webChat[id]).join() !== webChatTokens(english[id]).join()).map((id) => `${lang}: ${id}`)
    );
    expect(wrong).toEqual([]);
    // Languages Web Chat 4.18 has no strings of are written in their own script, not in English.
    expect(catalogue.bundles.fa!.webChat.ACTIVITY_STATUS_TIMESTAMP_JUST_NOW).toBe('همین حالا');
    expect(catalogue.bundles.ti!.webChat.TEXT_INPUT_SEND_BUTTON_ALT).toBe('ስደዱ');
  });

  it('keep placeholders and the retry link', () => {
    expect(webChatTokens('Send failed. [Retry][RETRY].')).toEqual(['[RETRY]']);
    expect(webChatTokens('$2 of $1 and $1')).toEqual(['$1', '$2']);
    expect(webChatTokens('Just now')).toEqual([]);
  });
});

describe('loading webchat.json', () => {
  const copy = useLocalesCopy();

  it.each([
    ['a Web Chat string missing', (j: Record<string, Record<string, unknown>>) => void delete j.webChat!.TEXT_INPUT_ALT, /locales\/so\/webchat\.json has no text for "webChat\.TEXT_INPUT_ALT"/],
    ['a placeholder lost', (j: Record<string, Record<string, unknown>>) => void (j.webChat!.ACTIVITY_STATUS_SEND_STATUS_ALT_SENT_AT = 'La diray'), /"webChat\.ACTIVITY_STATUS_SEND_STATUS_ALT_SENT_AT" must keep \$1 \(found none\)/],
    ['the retry link lost', (j: Record<string, Record<string, unknown>>) => void (j.webChat!.ACTIVITY_STATUS_SEND_FAILED_RETRY = 'Lama dirin.'), /must keep \[RETRY\]/],
    ['a relative time without its "other" form', (j: Record<string, unknown>) => void delete j.minutesAgo_other, /has no text for "minutesAgo_other"/],
    ['a page text missing', (j: Record<string, unknown>) => void delete j.retry, /has no text for "retry"/]
  ])('stops start-up on %s, naming the file and the key', (_label, breakIt, message) => {
    copy.editJson('so/webchat.json', breakIt as (j: Record<string, unknown>) => void);
    expect(() => loadWebChatCatalogue(copy.dir)).toThrow(LocaleLoadError);
    expect(() => loadWebChatCatalogue(copy.dir)).toThrow(message);
  });
});

describe('dates and times on the page', () => {
  const relative = { minutesAgo: { one: '{{count}} min', other: '{{count}} mins' }, hoursAgo: { other: '{{count}} h' } };

  it.each([
    // language, 14 December 21:05 as the language writes it (Gregorian, its digits), 5 minutes ago
    ['en', 'December 14 at 9:05\u202fPM', '5 mins'],
    ['fr', '14 décembre à 21:05', '5 mins'],
    ['uk', '14 грудня о 21:05', '5 mins'],
    ['fa', '۱۴ دسامبر ساعت ۲۱:۰۵', '۵ mins'],
    ['ckb', 'کانونی یەکەم ١٤ ٩:٠٥ د.ن', '٥ mins'],
    ['ti', '14 ታሕሳስ ሰዓት 9:05 ድ.ቀ.', '5 mins']
  ])('%s: "%s", "%s"', (lang, dateTime, fiveMinutes) => {
    const dates = webChatDates(lang, relative);
    // What public/webchat.js does with the data for 14 December, 21:05.
    const written = dates.dateTime
      .map((part) => {
        if ('text' in part) return part.text;
        const digits = (n: number, pad: boolean) => String(n).padStart(pad ? 2 : 1, '0').replace(/[0-9]/g, (d) => dates.digits[Number(d)]!);
        if (part.field === 'month') return dates.months[11];
        if (part.field === 'day') return digits(14, part.pad);
        if (part.field === 'hour') return digits(dates.hourCycle === 'h12' ? 9 : 21, part.pad);
        if (part.field === 'minute') return digits(5, true);
        return dates.dayPeriods[1];
      })
      .join('');
    expect(written).toBe(dateTime);
    expect(dates.minutesAgo[5]).toBe(fiveMinutes);
  });

  it('chooses the plural form of each count as the language does', () => {
    const arabic = webChatDates('ar', { minutesAgo: { two: 'قبل دقيقتين', few: 'قبل {{count}} دقائق', many: 'قبل {{count}} دقيقة', other: 'قبل {{count}} دقيقة' }, hoursAgo: { other: '{{count}}' } });
    expect([arabic.minutesAgo[2], arabic.minutesAgo[3], arabic.minutesAgo[11], arabic.minutesAgo[59]]).toEqual(['قبل دقيقتين', 'قبل 3 دقائق', 'قبل 11 دقيقة', 'قبل 59 دقيقة']);
    expect([arabic.plural[0], arabic.plural[1], arabic.plural[2], arabic.plural[3], arabic.plural[11], arabic.plural[100]]).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(arabic.hoursAgo.slice(2)).toEqual(['2', '3', '4']);
  });
});
