import type { Localizer } from '../../i18n';
import { Layout } from '../layout';
import { renderPage } from '../renderPage';
import { PROFILE_CSS } from './profileStyles';

export interface ExpiredLinkPageProps {
  /** The visitor's language (from Accept-Language), the link's own being unknown. */
  lang: string;
  localizer: Pick<Localizer, 't'>;
}

/** What an unknown, expired or tampered link to a profile opens. */
export function ExpiredLinkPage(props: ExpiredLinkPageProps) {
  const t = (key: string): string => props.localizer.t(props.lang, key);
  return (
    <Layout lang={props.lang} title={t('assessment:page.title')} robots="noindex, nofollow" inlineCss={PROFILE_CSS}>
      <main>
        <h1>{t('assessment:page.title')}</h1>
        <p>{t('assessment:page.expired')}</p>
      </main>
    </Layout>
  );
}

export function renderExpiredLinkPage(props: ExpiredLinkPageProps): string {
  return renderPage(<ExpiredLinkPage {...props} />);
}
