import type { Database, Statement } from 'better-sqlite3';
import type { EligibilityAnswers } from '../../domain';
import { storedMilestones } from '../referralCodec';
import type { FieldCipher } from '../fieldCipher';
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
  /** Encrypted (FieldCipher): read in code, not by SQL. */
  answers: string;
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
  /** Encrypted (FieldCipher): the history is read in code. */
  details: string;
}

/**
 * Reporting's reads of the SQLite tables: only the columns the funnel needs. A check's outcomes
 * are picked out by SQLite's JSON functions; its answers and a referral's details are encrypted
 * at rest, so the country and the history are read in code after decryption.
 */
export class SqliteReportingRepository implements ReportingRepository {
  private readonly grants: Statement<[], GrantRow>;
  private readonly checks: Statement<[], CheckRow>;
  private readonly completed: Statement<[], AssessmentRow>;
  private readonly referralRows: Statement<[], ReferralRow>;

  constructor(db: Database, private readonly guard: OpenGuard, private readonly cipher: FieldCipher) {
    this.grants = db.prepare<[], GrantRow>("SELECT id, user_key, language, decided_at FROM consents WHERE decision = 'granted'");
    this.checks = db.prepare<[], CheckRow>(
      `SELECT id, user_key, answers, language, created_at,
         (SELECT json_group_array(json_object('programme', json_extract(p.value, '$.programme'), 'outcome', json_extract(p.value, '$.outcome')))
          FROM json_each(result, '$.programmes') AS p) AS outcomes
       FROM eligibility_checks`
    );
    this.completed = db.prepare<[], AssessmentRow>(
      "SELECT id, user_key, questionnaire_id, language, completed_at FROM assessments WHERE status = 'completed' AND completed_at IS NOT NULL"
    );
    this.referralRows = db.prepare<[], ReferralRow>('SELECT id, user_key, programme, partner_id, country, language, created_at, details FROM referrals');
  }

  async consentGrants(): Promise<ConsentGrantRow[]> {
    this.guard.assertOpen();
    return this.grants.all().map((r) => ({ userKey: r.user_key, language: r.language, decidedAt: fromIso(r.id, r.decided_at) }));
  }

  async eligibilityChecks(): Promise<EligibilityCheckRow[]> {
    this.guard.assertOpen();
    return this.checks.all().map((r) => ({
      userKey: r.user_key,
      country: (fromJson<EligibilityAnswers>(r.id, this.cipher.decrypt(r.answers, r.id)).country ?? null) as EligibilityCheckRow['country'],
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
      ...storedMilestones(r.id, r.details, this.cipher)
    }));
  }
}
