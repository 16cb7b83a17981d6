import { randomBytes, randomUUID } from 'node:crypto';
import type { Content } from '../content';
import {
  progressOf,
  previousItemId,
  recommendTrainings,
  scoreAssessment,
  type AnswerValue,
  type AssessmentProfile,
  type AssessmentProgress,
  type InstructionLanguage,
  type Questionnaire,
  type QuestionnaireId,
  type TrainingCountry,
  type TrainingRecommendation
} from '../domain';
import { DuplicateKeyError, hashProfileLinkToken, type AssessmentRecord, type AssessmentRepository, type ProfileLinkRepository, type UserKey } from '../storage';
import { calendarDateIn, type Clock } from './clock';

/** An assessment being taken: the stored record, or one kept only in the conversation (no consent). */
export interface AssessmentSession {
  record: AssessmentRecord;
  /** Whether the record is kept in the database (consent given). */
  kept: boolean;
}

/** An assessment as kept in dialog state. */
export interface AssessmentDialogState {
  id: string;
  kept: boolean;
  record?: AssessmentRecord;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Skills self-assessments: progress, scoring (the domain decides), storage with consent only,
 * and expiring links to the printable profile.
 */
export class AssessmentService {
  constructor(
    private readonly content: Content,
    private readonly assessments: AssessmentRepository,
    private readonly links: ProfileLinkRepository,
    private readonly clock: Clock,
    private readonly options: { timeZone: string; linkValidityDays: number }
  ) {}

  questionnaire(id: QuestionnaireId): Questionnaire {
    return this.content.questionnaires.questionnaires[id];
  }

  get linkValidityDays(): number {
    return this.options.linkValidityDays;
  }

  /** The assessment this person left unfinished, to resume (consented users only). */
  resumable(userKey: UserKey, questionnaireId: QuestionnaireId): Promise<AssessmentRecord | null> {
    return this.assessments.latestInProgress(userKey, questionnaireId);
  }

  /** The profile of the person's most recent completed assessment, if one is kept. */
  async latestCompletedProfile(userKey: UserKey): Promise<AssessmentProfile | undefined> {
    const completed = (await this.assessments.listByUser(userKey)).filter((a) => a.status === 'completed' && a.profile);
    completed.sort((a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0));
    return (completed[0]?.profile as AssessmentProfile | undefined) ?? undefined;
  }

  /**
   * Starts an assessment, stored when `keep`. Given an `id` already stored for this person (the
   * same turn processed again), that assessment is returned instead of a second one.
   */
  async start(userKey: UserKey, questionnaireId: QuestionnaireId, language: string, keep: boolean, id?: string): Promise<AssessmentSession> {
    const now = this.clock();
    const questionnaire = this.questionnaire(questionnaireId);
    const record: AssessmentRecord = {
      id: id ?? randomUUID(),
      userKey,
      questionnaireId,
      questionnaireVersion: questionnaire.version,
      language,
      answers: {},
      currentItemId: questionnaire.items[0]?.id ?? null,
      status: 'inProgress',
      profile: null,
      startedAt: now,
      updatedAt: now,
      completedAt: null,
      version: 0
    };
    if (!keep) return { record, kept: false };
    try {
      return { record: await this.assessments.save(record), kept: true };
    } catch (err) {
      if (!(err instanceof DuplicateKeyError && id !== undefined)) throw err;
      const stored = await this.assessments.get(id);
      if (!stored || stored.userKey !== userKey) throw err;
      return { record: stored, kept: true };
    }
  }

  progress(session: AssessmentSession): AssessmentProgress {
    return progressOf(this.answersOf(session), this.questionnaire(session.record.questionnaireId as QuestionnaireId));
  }

  /** The item to ask now: where the person stands, else the first unanswered one; undefined when done. */
  currentItem(session: AssessmentSession): string | undefined {
    const { currentItemId } = session.record;
    const questionnaire = this.questionnaire(session.record.questionnaireId as QuestionnaireId);
    if (currentItemId && questionnaire.items.some((i) => i.id === currentItemId)) return currentItemId;
    return this.progress(session).nextItemId;
  }

  /** Records an answer to the current item and moves to the next unanswered one. */
  answer(session: AssessmentSession, itemId: string, value: AnswerValue): Promise<AssessmentSession> {
    const answers: Record<string, AnswerValue> = { ...this.answersOf(session), [itemId]: value };
    const questionnaire = this.questionnaire(session.record.questionnaireId as QuestionnaireId);
    const index = questionnaire.items.findIndex((i) => i.id === itemId);
    // The next item in order after this one that has no answer yet, else the first unanswered.
    const after = questionnaire.items.slice(index + 1).find((i) => answers[i.id] === undefined)?.id;
    const next = after ?? progressOf(answers, questionnaire).nextItemId ?? null;
    return this.update(session, { answers, currentItemId: next });
  }

  /** Steps back to the item before `itemId`; undefined when it is the first. */
  async back(session: AssessmentSession, itemId: string): Promise<AssessmentSession | undefined> {
    const questionnaire = this.questionnaire(session.record.questionnaireId as QuestionnaireId);
    const previous = previousItemId(itemId, questionnaire);
    if (!previous) return undefined;
    return this.update(session, { currentItemId: previous });
  }

  /** Scores the answers and marks the assessment completed. */
  async complete(session: AssessmentSession): Promise<{ session: AssessmentSession; profile: AssessmentProfile }> {
    const questionnaire = this.questionnaire(session.record.questionnaireId as QuestionnaireId);
    const profile = scoreAssessment(this.answersOf(session), questionnaire, this.content.questionnaires.rules);
    const completed = await this.update(session, { status: 'completed', profile, currentItemId: null, completedAt: this.clock() });
    return { session: completed, profile };
  }

  /** Trainings matching the recommended level, in the person's country and languages. */
  matchingTrainings(profile: AssessmentProfile, country: TrainingCountry | undefined, languages: InstructionLanguage[]): TrainingRecommendation[] {
    const today = calendarDateIn(this.options.timeZone, this.clock());
    return recommendTrainings(this.content.trainings, { eqf: profile.recommendation.eqf, country, languages }, today, { limit: 3 });
  }

  /**
   * A link token to the printable profile of a completed, stored assessment: `token` when given
   * (43 base64url characters, unguessable; the same token again, from the same turn processed
   * again, stores the link once), else 256 random bits. Only its SHA-256 is stored; the token
   * itself goes to the person.
   */
  async createProfileLink(session: AssessmentSession, token: string = randomBytes(32).toString('base64url')): Promise<string> {
    const now = this.clock();
    try {
      await this.links.create({
        tokenHash: hashProfileLinkToken(token),
        userKey: session.record.userKey,
        assessmentId: session.record.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.options.linkValidityDays * DAY_MS)
      });
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err;
    }
    return token;
  }

  /**
   * The completed assessment a link token opens, or null when the token is unknown, expired, or
   * does not lead to a completed assessment of the user it was issued to.
   */
  async openProfileLink(token: string): Promise<AssessmentRecord | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const link = await this.links.find(hashProfileLinkToken(token), this.clock());
    if (!link) return null;
    const record = await this.assessments.get(link.assessmentId);
    if (!record || record.userKey !== link.userKey || record.status !== 'completed' || !record.profile) return null;
    return record;
  }

  private answersOf(session: AssessmentSession): Record<string, AnswerValue> {
    // The repository keeps any number; the domain ignores values other than 1-4 and 'skipped'.
    return session.record.answers as Record<string, AnswerValue>;
  }

  /**
   * What a dialog keeps between turns: only the id of a stored assessment (the database is the
   * truth, so it resumes in any conversation), or the whole record when nothing may be stored.
   */
  toDialogState(session: AssessmentSession): AssessmentDialogState {
    return session.kept ? { id: session.record.id, kept: true } : { id: session.record.id, kept: false, record: session.record };
  }

  /** The session a dialog state stands for; undefined when the stored assessment is gone (deleted). */
  async fromDialogState(state: AssessmentDialogState): Promise<AssessmentSession | undefined> {
    if (state.kept) {
      const record = await this.assessments.get(state.id);
      return record ? { record, kept: true } : undefined;
    }
    // Dialog state goes through JSON: dates come back as strings.
    const r = state.record!;
    const date = (d: Date | string | null): Date | null => (d === null ? null : new Date(d));
    return {
      record: { ...r, startedAt: date(r.startedAt)!, updatedAt: date(r.updatedAt)!, completedAt: date(r.completedAt) },
      kept: false
    };
  }

  private async update(session: AssessmentSession, changes: Partial<AssessmentRecord>): Promise<AssessmentSession> {
    const record: AssessmentRecord = { ...session.record, ...changes, updatedAt: this.clock() };
    return { record: session.kept ? await this.assessments.save(record) : record, kept: session.kept };
  }
}
