/** A short message inside the console's layout: not signed in, not allowed, not found, invalid. */
export function MessagePage(props: { title: string; text: string }) {
  return (
    <section class="message">
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      <p>
        <a href="/console">{'←'}</a>
      </p>
    </section>
  );
}
