import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Localizer } from '../src/i18n';
import type { Lexicon } from '../src/understanding';
import type { ConsentService } from '../src/services/consentService';
import type { EligibilityService } from '../src/services/eligibilityService';
import type { AssessmentService } from '../src/services/assessmentService';
import type { TrainingService } from '../src/services/trainingService';
import type { TrainingQueryParser } from '../src/understanding';
import type { UserData } from '../src/bot/userData';

/** What the dialogs need, injected by the composition root (and by tests). */
export interface DialogDeps {
  localizer: Localizer;
  lexicons: Record<string, Lexicon>;
  userData: StatePropertyAccessor<UserData>;
  /** The pseudonymous key of the turn's user. */
  userKeyOf: (context: TurnContext) => string;
  consent: ConsentService;
  eligibility: EligibilityService;
  assessment: AssessmentService;
  trainings: TrainingService;
  trainingQueries: TrainingQueryParser;
  /** Absolute base URL of this server, for links shown to people (profile pages). */
  publicBaseUrl: string;
  /** Current privacy notice: its version and retention period. */
  privacyNotice: { version: string; retentionDays: number };
}
