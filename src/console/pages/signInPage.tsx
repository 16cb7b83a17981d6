import type { Texts } from '../../i18n';

/** The sign-in form (e-mail, password), with a problem when the last try failed. */
export function SignInPage(props: { texts: Texts; next: string; problem?: 'invalid' | 'limited' | 'expired' | undefined; email?: string; retryMinutes?: number }) {
  const { t } = props.texts;
  return (
    <section class="sign-in">
      <h1>{t('console:signIn.title')}</h1>
      {props.problem && (
        <p class="problem" role="alert" id="sign-in-problem">
          {props.problem === 'limited' ? t('console:signIn.limited', { count: props.retryMinutes ?? 15 }) : t(`console:signIn.${props.problem}`)}
        </p>
      )}
      <form method="post" action="/console/sign-in" class="stack">
        <input type="hidden" name="next" value={props.next} />
        <label for="email">{t('console:signIn.email')}</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={props.email ?? ''} aria-describedby={props.problem ? 'sign-in-problem' : undefined} />
        <label for="password">{t('console:signIn.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">{t('console:signIn.submit')}</button>
      </form>
    </section>
  );
}
