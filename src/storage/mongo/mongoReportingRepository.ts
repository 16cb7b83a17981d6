import type { Collection } from 'mongodb';
import type { EligibilityAnswers } from '../../domain';
import type { FieldCipher } from '../fieldCipher';
import type { OpenGuard } from '../openGuard';
import type { CompletedAssessmentRow, ConsentGrantRow, EligibilityCheckRow, ReferralReportRow, ReportingRepository } from '../ports';
import { decodeJsonObject, storedMilestones } from '../referralCodec';
import { type AssessmentDocument, type ConsentDocument, type EligibilityCheckDocument, type ReferralDocument, storedDate } from './mongoDocuments';

/** Reporting's reads of the MongoDB collections: only the fields the funnel needs (projections). */
export class MongoReportingRepository implements ReportingRepository {
  constructor(
    private readonly collections: {
      consents: Collection<ConsentDocument>;
      eligibilityChecks: Collection<EligibilityCheckDocument>;
      assessments: Collection<AssessmentDocument>;
      referrals: Collection<ReferralDocument>;
    },
    private readonly guard: OpenGuard,
    /** Answers and referral details are encrypted at rest: read in code after decryption. */
    private readonly cipher: FieldCipher
  ) {}

  async consentGrants(): Promise<ConsentGrantRow[]> {
    this.guard.assertOpen();
    const docs = await this.collections.consents
      .find({ decision: 'granted' }, { projection: { userKey: 1, language: 1, decidedAt: 1 } })
      .toArray();
    return docs.map((d) => ({ userKey: d.userKey, language: d.language, decidedAt: storedDate(d._id, d.decidedAt) }));
  }

  async eligibilityChecks(): Promise<EligibilityCheckRow[]> {
    this.guard.assertOpen();
    const docs = await this.collections.eligibilityChecks
      .find({}, { projection: { userKey: 1, answers: 1, language: 1, createdAt: 1, 'result.programmes.programme': 1, 'result.programmes.outcome': 1 } })
      .toArray();
    return docs.map((d) => ({
      userKey: d.userKey,
      country: this.answersOf(d)?.country ?? null,
      language: d.language,
      createdAt: storedDate(d._id, d.createdAt),
      outcomes: (d.result?.programmes ?? []).map((p) => ({ programme: p.programme, outcome: p.outcome }))
    }));
  }

  async completedAssessments(): Promise<CompletedAssessmentRow[]> {
    this.guard.assertOpen();
    const docs = await this.collections.assessments
      .find({ status: 'completed', completedAt: { $ne: null } }, { projection: { userKey: 1, questionnaireId: 1, language: 1, completedAt: 1 } })
      .toArray();
    return docs.map((d) => ({ userKey: d.userKey, questionnaireId: d.questionnaireId, language: d.language, completedAt: storedDate(d._id, d.completedAt) }));
  }

  async referrals(): Promise<ReferralReportRow[]> {
    this.guard.assertOpen();
    const docs = await this.collections.referrals
      .find({}, { projection: { userKey: 1, programme: 1, partnerId: 1, country: 1, language: 1, createdAt: 1, details: 1 } })
      .toArray();
    return docs.map((d) => {
      return {
        userKey: d.userKey,
        programme: d.programme as ReferralReportRow['programme'],
        partnerId: d.partnerId,
        country: d.country as ReferralReportRow['country'],
        language: d.language,
        createdAt: storedDate(d._id, d.createdAt),
        ...storedMilestones(d._id, d.details, this.cipher)
      };
    });
  }

  private answersOf(d: EligibilityCheckDocument): EligibilityAnswers | undefined {
    if (d.answers === undefined || d.answers === null) return undefined;
    return typeof d.answers === 'string' ? (decodeJsonObject(d._id, this.cipher.decrypt(d.answers, d._id)) as EligibilityAnswers) : d.answers;
  }
}
