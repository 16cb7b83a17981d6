/**
 * Guessing candidate languages from the script of a message, for channels whose locale says
 * nothing (SMS, WhatsApp gateways). Pure: the supported languages are a parameter.
 */

/** Letters found in one language of the Arabic-script family and not in the others. */
const ARABIC_SCRIPT_MARKERS: { lang: string; letters: RegExp }[] = [
  { lang: 'ps', letters: /[ټډړږښګڼۍې]/u },
  { lang: 'ckb', letters: /[ڕڵۆێەڤ]/u },
  { lang: 'fa', letters: /[پچژگکی]/u },
  { lang: 'ar', letters: /[ةىيك]/u }
];

const ARABIC_SCRIPT_FAMILY = ['ar', 'fa', 'ps', 'ckb'];

/**
 * Languages the text is probably written in, most likely first; empty when the script says
 * nothing useful (Latin script is shared by too many languages, digits and emoji by all).
 * Arabic script gives the Arabic-script family (ar, fa, ps, ckb) ordered by the letters that
 * only one of them uses; Cyrillic gives uk; Ethiopic gives ti.
 */
export function languagesFromScript(text: string | undefined, supported: readonly string[]): string[] {
  if (!text) return [];
  let candidates: string[] = [];
  if (/\p{Script=Arabic}/u.test(text)) {
    const marked = ARABIC_SCRIPT_MARKERS.filter((m) => m.letters.test(text)).map((m) => m.lang);
    candidates = [...new Set([...marked, ...ARABIC_SCRIPT_FAMILY])];
  } else if (/\p{Script=Cyrillic}/u.test(text)) {
    candidates = ['uk'];
  } else if (/\p{Script=Ethiopic}/u.test(text)) {
    candidates = ['ti'];
  }
  return candidates.filter((lang) => supported.includes(lang));
}
