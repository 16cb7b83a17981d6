/**
 * The only module that writes markup into a page without escaping it (`dangerouslySetInnerHTML`),
 * in exactly two forms:
 *
 * - `InlineStyle`: a stylesheet written in the source code with the `css` tag, which accepts no
 *   interpolation, so no text from a person, a translation or a record can reach it;
 * - `JsonScript`: data for the page's script in a `<script type="application/json">` element
 *   (never executed), serialised by `jsonForScript` so that no value can close the element.
 *
 * Every other page component relies on Preact escaping text and attribute values. A grep for
 * `dangerouslySetInnerHTML` must find this file only.
 */

declare const trustedCssBrand: unique symbol;

/** A stylesheet from the source code (see `css`). */
export type TrustedCss = string & { readonly [trustedCssBrand]: true };

/**
 * Marks a stylesheet literal as safe to inline: `css\`body{margin:0}\``. Interpolations are
 * refused by the types (`never`) and at run time, and so is anything that could end the
 * `<style>` element.
 */
export function css(strings: TemplateStringsArray, ...values: never[]): TrustedCss {
  if (values.length > 0 || strings.length !== 1) throw new TypeError('css`…` takes a constant stylesheet, without ${…}');
  const text = strings.raw[0]!;
  if (/<\/?style|<!--/i.test(text)) throw new TypeError('css`…`: a stylesheet must not contain </style or <!--');
  return text as TrustedCss;
}

/** A `<style>` element with a constant stylesheet (and the page's CSP nonce, when it has one). */
export function InlineStyle(props: { css: TrustedCss; nonce?: string | undefined }) {
  return <style nonce={props.nonce} dangerouslySetInnerHTML={{ __html: props.css }} />;
}

/**
 * JSON that is safe inside a `<script type="application/json">` element: `<`, `>` and `&` are
 * written as `\u003c`, `\u003e`, `\u0026` (so neither `</script>` nor `<!--` can appear), and
 * U+2028/U+2029 escaped. `JSON.parse` of the element's text gives back `value`.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Data for the page's own script: `JSON.parse(document.getElementById(id).textContent)`. */
export function JsonScript(props: { id: string; value: unknown }) {
  return <script type="application/json" id={props.id} dangerouslySetInnerHTML={{ __html: jsonForScript(props.value) }} />;
}
