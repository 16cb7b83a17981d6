import { COUNTRY_CODES, PROJECT_STATUSES, QUALIFICATIONS, SITUATIONS } from '../../domain';
import { formatDate, type Texts } from '../../i18n';
import type { ExplainedProgramme } from '../../services/eligibilityExplainer';
import type { WalkInField, WalkInFormValues } from '../../server/walkInForm';
import { CsrfField } from './consoleLayout';

export interface WalkInResult {
  rulesVersion: string;
  asOf: string;
  programmes: ExplainedProgramme[];
}

export interface WalkInViewProps {
  texts: Texts;
  csrfToken: string;
  values: WalkInFormValues;
  /** The fields to correct (the form was refused), in the form's order. */
  errors: readonly WalkInField[];
  result?: WalkInResult;
}

/** The walk-in eligibility form (a caseworker fills it in with the person) and, once checked, the result with the rules version. */
export function WalkInView(props: WalkInViewProps) {
  const { texts, values, errors, result } = props;
  const t = texts.t;
  const invalid = (field: WalkInField) => errors.includes(field);
  const describedBy = (field: WalkInField, hint?: boolean) =>
    [hint ? `${field}-hint` : '', invalid(field) ? `${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const ErrorText = (p: { field: WalkInField }) =>
    invalid(p.field) ? (
      <span id={`${p.field}-error`} class="problem">
        {t(`consoleReports:walkIn.error.${p.field}`)}
      </span>
    ) : null;
  const TextField = (p: { field: 'birthDate' | 'age' | 'birthYear' | 'region'; type?: string; inputMode?: string; hint?: boolean; maxLength?: number }) => (
    <div class="field">
      <label for={`walkin-${p.field}`}>{t(`consoleReports:walkIn.${p.field}`)}</label>
      {p.hint && (
        <span id={`${p.field}-hint`} class="muted">
          {t(`consoleReports:walkIn.${p.field}Hint`)}
        </span>
      )}
      <input
        id={`walkin-${p.field}`}
        name={p.field}
        type={p.type ?? 'text'}
        inputMode={p.inputMode}
        maxLength={p.maxLength}
        value={values[p.field] ?? ''}
        aria-invalid={invalid(p.field) ? 'true' : undefined}
        aria-describedby={describedBy(p.field, p.hint)}
      />
      <ErrorText field={p.field} />
    </div>
  );
  const Choice = (p: { field: 'situation' | 'qualification' | 'country' | 'livesInCamp' | 'project'; options: readonly { value: string; label: string }[] }) => (
    <div class="field">
      <label for={`walkin-${p.field}`}>{t(`consoleReports:walkIn.${p.field}`)}</label>
      <select id={`walkin-${p.field}`} name={p.field} aria-invalid={invalid(p.field) ? 'true' : undefined} aria-describedby={describedBy(p.field)}>
        <option value="">{t('consoleReports:walkIn.notAnswered')}</option>
        {p.options.map((o) => (
          <option value={o.value} selected={values[p.field] === o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText field={p.field} />
    </div>
  );
  return (
    <section>
      <h1>{t('consoleReports:walkIn.title')}</h1>
      <p>{t('consoleReports:walkIn.intro')}</p>
      {errors.length > 0 && (
        <div class="card problem-summary" role="alert">
          <p class="problem">{t('consoleReports:walkIn.errors', { count: errors.length })}</p>
          <ul>
            {errors.map((field) => (
              <li>
                <a href={`#walkin-${field}`}>
                  {t(`consoleReports:walkIn.${field}`)}: {t(`consoleReports:walkIn.error.${field}`)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action="/console/walk-in" class="stack walk-in" novalidate>
        <CsrfField token={props.csrfToken} />
        <TextField field="birthDate" type="date" hint />
        <TextField field="age" inputMode="numeric" maxLength={3} />
        <TextField field="birthYear" inputMode="numeric" hint maxLength={4} />
        <Choice field="situation" options={SITUATIONS.map((s) => ({ value: s, label: t(`consoleReports:walkIn.situationOption.${s}`) }))} />
        <Choice field="qualification" options={QUALIFICATIONS.map((q) => ({ value: q, label: t(`eligibility:qualificationName.${q}`) }))} />
        <Choice field="country" options={COUNTRY_CODES.map((c) => ({ value: c, label: t(`eligibility:country.${c}`) }))} />
        <TextField field="region" maxLength={80} />
        <Choice
          field="livesInCamp"
          options={[
            { value: 'yes', label: t('consoleReports:walkIn.yes') },
            { value: 'no', label: t('consoleReports:walkIn.no') }
          ]}
        />
        <Choice field="project" options={PROJECT_STATUSES.map((p) => ({ value: p, label: t(`consoleReports:walkIn.projectOption.${p}`) }))} />
        <div>
          <button type="submit">{t('consoleReports:walkIn.check')}</button>
        </div>
      </form>
      {result && (
        <section aria-labelledby="walkin-result" class="walk-in-result">
          <h2 id="walkin-result" tabIndex={-1}>
            {t('consoleReports:walkIn.resultTitle')}
          </h2>
          <p class="muted">{t('consoleReports:walkIn.rules', { version: result.rulesVersion, date: formatDate(result.asOf, texts.lang) })}</p>
          <div class="grid">
            {result.programmes.map((p) => (
              <div class="card">
                <h3>{p.programmeName}</h3>
                <p class={`outcome outcome-${p.outcome}`}>
                  <strong>{p.outcomeText}</strong>
                </p>
                <h4>{t('consoleReports:walkIn.why')}</h4>
                <ul>
                  {p.criteria.map((c) => (
                    <li class={`criterion-${c.status}`}>{c.text}</li>
                  ))}
                </ul>
                <h4>{t('consoleReports:walkIn.nextStep')}</h4>
                <p>{p.nextStepText}</p>
              </div>
            ))}
          </div>
        </section>
      )}
    </section>
  );
}
