import type { Partner, Referral, RoutingReason, SharedData, SharedField } from '../../src/domain';
import { formatDay, type Texts } from '../../src/i18n';

/** Referrals put into words for the chat: proposals, what is shared, statuses and updates. */
export class ReferralPresenter {
  /** "Maison … (a vocational-training body)". */
  partnerName(partner: Partner, texts: Texts): string {
    return texts.t('referral:partnerName', { name: partner.name, kind: texts.t(`referral:partnerKind.${partner.kind}`) });
  }

  /** The proposal of one partner, with why it fits. */
  proposal(partner: Partner, reasons: readonly RoutingReason[], texts: Texts): string {
    const lines = reasons.map((r) => `• ${texts.t(`referral:${r.key}`, this.reasonParams(r, texts))}`);
    return texts.t('referral:propose', { partner: this.partnerName(partner, texts), reasons: lines.join('\n') });
  }

  /** Exactly what will be sent, one line per field. */
  sharePreview(partner: Partner, fields: readonly SharedField[], data: SharedData, texts: Texts): string {
    const lines = fields.map((field) => `• ${texts.t(`referral:field.${field}`, { value: this.fieldValue(field, data, texts) })}`);
    return texts.t('referral:sharePreview', { partner: partner.name, fields: lines.join('\n') });
  }

  /** "**K7M4-QX2P** — Maison … — waiting for their answer (since 3 December 2026)". */
  statusLine(referral: Referral, partner: Partner | undefined, texts: Texts): string {
    return texts.t('referral:mine.line', {
      reference: referral.reference,
      partner: partner?.name ?? texts.t('referral:noPartnerYet'),
      status: texts.t(`referral:status.${referral.status}`),
      date: formatDay(referral.waitingSince, texts.lang)
    });
  }

  /** How to reach a partner once it accepted. */
  contact(partner: Partner, texts: Texts): string {
    const { address, phone, website } = partner.contact;
    const details = [address, phone, website].filter((x): x is string => Boolean(x));
    return details.length > 0 ? texts.t('referral:update.contact', { details: details.join(' · ') }) : '';
  }

  private reasonParams(reason: RoutingReason, texts: Texts): Record<string, string | number> {
    const params: Record<string, string | number> = { ...reason.params };
    if (typeof params.country === 'string') params.country = texts.t(`eligibility:country.${params.country}`);
    if (typeof params.programme === 'string') params.programme = texts.t(`eligibility:programme.${params.programme}`);
    if (typeof params.language === 'string') params.language = texts.t(`trainings:languageName.${params.language}`);
    return params;
  }

  private fieldValue(field: SharedField, data: SharedData, texts: Texts): string {
    const { t } = texts;
    switch (field) {
      case 'age':
        return data.ageRange
          ? t('common:yearsOneOf', { youngest: data.ageRange.youngest, count: data.ageRange.oldest })
          : t('common:years', { count: data.age ?? 0 });
      case 'country':
        return t(`eligibility:country.${data.country}`);
      case 'region':
        return data.region ?? '';
      case 'situation':
        return t(`referral:situation.${data.situation}`);
      case 'qualification':
        return t(`referral:qualification.${data.qualification}`);
      case 'camp':
        return data.camp?.livesInCamp
          ? t('referral:camp.yes', { project: t(`referral:project.${data.camp.project ?? 'none'}`) })
          : t('referral:camp.no');
      case 'eligibility':
        return (data.eligibility?.programmes ?? [])
          .map((p) => `${t(`eligibility:programme.${p.programme}`)} — ${t(`referral:outcome.${p.outcome}`)}`)
          .join('; ');
      case 'skillsProfile':
        return t('referral:profileSummary', { count: data.skillsProfile?.areas.length ?? 0, eqf: data.skillsProfile?.recommendedEqf ?? '' });
      case 'training':
        return data.training ? t(`trainings:training.${data.training.id}.title`) : '';
      case 'language':
        return t(`trainings:languageName.${data.language}`);
    }
  }
}
