import type { Database, Statement } from 'better-sqlite3';
import type { OpenGuard } from '../openGuard';
import type { CompletedAssessmentRow, ConsentGrantRow, EligibilityCheckRow, ReferralReportRow, ReportingRepository } from '../ports';
import { fromIso, fromJson } from './rowCodec';

interface GrantRow {
  id: string;
  user_key: string;
  language: string;
  decided_at: string;
}
interface CheckRow {
  id: string;
  user_key: string;
  country: string | null;
  language: string;
  created_at: string;
  outcomes: string;
}
interface AssessmentRow {
  id: string;
  user_key: string;
  questionnaire_id: string;
  language: string;
  completed_at: string;
}
interface ReferralRow {
  id: string;
  user_key: string;
  programme: string;
  partner_id: string | null;
  country: string | null;
  language: string;
  created_at: string;
  accepted_at: string | null;
  enrolled_at: string | null;
}

/**
 * Reporting's reads of the SQLite tables: only the columns the funnel needs, the JSON parts
 * (a check's country and outcomes, a referral's history) picked out by SQLite's JSON functions.
 */
export class SqliteReportingRepository implements ReportingRepository {
  private readonly grants: Statement<[], GrantRow>;
  private readonly checks: Statement<[], CheckRow>;
  private readonly completed: Statement<[], AssessmentRow>;
  private readonly referralRows: Statement<[], ReferralRow>;

  constructor(db: Database, private readonly guard: OpenGuard) {
    this.grants = db.prepare<[], GrantRow>("SELECT id, user_key, language, decided_at FROM consents WHERE decision = 'granted'");
    this.checks = db.prepare<[], CheckRow>(
      `SELECT id, user_key, json_extract(answers, '$.country') AS country, language, created_at,
         (SELECT json_group_array(json_object('programme', json_extract(p.value, '$.programme'), 'outcome', json_extract(p.value, '$.outcome')))
          FROM json_each(result, '$.programmes') AS p) AS outcomes
       FROM eligibility_checks`
    );
    this.completed = db.prepare<[], AssessmentRow>(
      "SELECT id, user_key, questionnaire_id, language, completed_at FROM assessments WHERE status = 'completed' AND completed_at IS NOT NULL"
    );
    const firstReached = (status: string): string =>
      `(SELECT MIN(json_extract(h.value, '$.at')) FROM json_each(details, '$.history') AS h WHERE json_extract(h.value, '$.to') = '${status}')`;
    this.referralRows = db.prepare<[], ReferralRow>(
      `SELECT id, user_key, programme, partner_id, country, language, created_at,
         ${firstReached('accepted')} AS accepted_at, ${firstReached('enrolled')} AS enrolled_at
       FROM referrals`
    );
  }

  async consentGrants(): Promise<ConsentGrantRow[]> {
    this.guard.assertOpen();
    return this.grants.all().map((r) => ({ userKey: r.user_key, language: r.language, decidedAt: fromIso(r.id, r.decided_at) }));
  }

  async eligibilityChecks(): Promise<EligibilityCheckRow[]> {
    this.guard.assertOpen();
    return this.checks.all().map((r) => ({
      userKey: r.user_key,
      country: (r.country ?? null) as EligibilityCheckRow['country'],
      language: r.language,
      createdAt: fromIso(r.id, r.created_at),
      outcomes: fromJson<EligibilityCheckRow['outcomes']>(r.id, r.outcomes)
    }));
  }

  async completedAssessments(): Promise<CompletedAssessmentRow[]> {
    this.guard.assertOpen();
    return this.completed.all().map((r) => ({
      userKey: r.user_key,
      questionnaireId: r.questionnaire_id,
      language: r.language,
      completedAt: fromIso(r.id, r.completed_at)
    }));
  }

  async referrals(): Promise<ReferralReportRow[]> {
    this.guard.assertOpen();
    return this.referralRows.all().map((r) => ({
      userKey: r.user_key,
      programme: r.programme as ReferralReportRow['programme'],
      partnerId: r.partner_id,
      country: r.country as ReferralReportRow['country'],
      language: r.language,
      createdAt: fromIso(r.id, r.created_at),
      acceptedAt: r.accepted_at === null ? null : fromIso(r.id, r.accepted_at),
      enrolledAt: r.enrolled_at === null ? null : fromIso(r.id, r.enrolled_at)
    }));
  }
}
