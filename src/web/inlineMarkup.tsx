/**
 * A translated sentence with the only markup our texts use, `**bold**`, as elements: the text
 * is split and the bold parts wrapped in `<strong>`; every part stays escaped text. An
 * unmatched `**` is shown as written.
 */
export function InlineMarkup(props: { text: string }) {
  const parts = props.text.split(/\*\*(.+?)\*\*/g);
  // split() with one capture group alternates: plain, bold, plain, bold, …
  return <>{parts.map((part, i) => (i % 2 === 1 ? <strong>{part}</strong> : part))}</>;
}
