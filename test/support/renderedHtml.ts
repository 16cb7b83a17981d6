/**
 * Reads back the markup our pages render (Preact: every `<`, `"` and `&` of a text or attribute
 * value is escaped, attribute values are double-quoted, raw-text elements hold no `<`). Every
 * `<` of such a document opens a tag: one that does not means markup was written unescaped.
 */

export interface RenderedTag {
  name: string;
  closing: boolean;
  attributes: [name: string, value: string][];
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:="[^"]*")?)*)\s*\/?>/y;
const ATTRIBUTE = /\s+([^\s"'<>/=]+)(?:="([^"]*)")?/g;
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea']);

/** `&lt;` `&gt;` `&quot;` `&#39;` `&amp;` (and numeric references) back to characters. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|lt|gt|quot|apos|amp);/gi, (_m, ref: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (ref[0] !== '#') return named[ref.toLowerCase()]!;
    return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
  });
}

/** The tags of a rendered page, in order; throws where a `<` opens no well-formed tag. */
export function tagsOf(html: string): RenderedTag[] {
  const tags: RenderedTag[] = [];
  let at = html.startsWith('<!doctype html>') ? '<!doctype html>'.length : 0;
  for (;;) {
    at = html.indexOf('<', at);
    if (at === -1) return tags;
    TAG.lastIndex = at;
    const match = TAG.exec(html);
    if (!match) throw new Error(`a "<" that opens no tag: …${html.slice(at, at + 80)}…`);
    const [, slash, name, attributeText] = match;
    const tag: RenderedTag = {
      name: name!.toLowerCase(),
      closing: slash === '/',
      attributes: [...attributeText!.matchAll(ATTRIBUTE)].map((a) => [a[1]!.toLowerCase(), decodeEntities(a[2] ?? '')])
    };
    tags.push(tag);
    at = TAG.lastIndex;
    // A raw-text element ends at its own end tag only: its content must hold no "<" at all.
    if (!tag.closing && RAW_TEXT.has(tag.name)) {
      const end = html.indexOf('<', at);
      if (!html.startsWith(`</${tag.name}>`, end)) throw new Error(`<${tag.name}> holds markup: …${html.slice(at, at + 80)}…`);
    }
  }
}

/** The page's text (element content, decoded), without its raw-text elements' content. */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<(script|style)\b[^>]*>[^<]*<\/\1>/g, ' ').replace(/<(?:[^>"]|"[^"]*")*>/g, ' '));
}

/** Element names and attribute names only: what hostile values must never change. */
export function skeletonOf(html: string): string[] {
  return tagsOf(html).map((t) => (t.closing ? `/${t.name}` : [t.name, ...t.attributes.map(([n]) => n)].join(' ')));
}
