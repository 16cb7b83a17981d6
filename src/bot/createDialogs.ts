import type { Dialog } from 'botbuilder-dialogs';
import {
  AssessmentDialog,
  ConsentDialog,
  EligibilityDialog,
  JourneyRegistry,
  LanguageDialog,
  MainDialog,
  TrainingSearchDialog
} from '../../dialogs';
import type { People } from '../conversation';
import type { Localizer } from '../i18n';
import type { AssessmentService } from '../services/assessmentService';
import type { PrivacyNoticeTerms } from '../services/consentService';
import type { EligibilityService } from '../services/eligibilityService';
import type { TrainingService } from '../services/trainingService';
import type { Lexicon, TrainingQueryParser } from '../understanding';

/** What the dialogs are built from (the composition root's part that knows the dialogs). */
export interface DialogServices {
  localizer: Localizer;
  lexicons: Readonly<Record<string, Lexicon>>;
  people: People;
  eligibility: EligibilityService;
  assessment: AssessmentService;
  trainings: TrainingService;
  trainingQueries: TrainingQueryParser;
  notice: PrivacyNoticeTerms;
  /** Absolute base URL of this server, for links shown to people (profile pages). */
  publicBaseUrl: string;
}

/**
 * Builds every dialog once, each with the few services it uses, and the menu's journeys in the
 * order shown. Journeys without a dialog yet say they are coming soon.
 */
export function createDialogs(s: DialogServices): { main: MainDialog; language: Dialog } {
  const { lexicons, people } = s;
  const language = new LanguageDialog({
    lexicons,
    people,
    languages: s.localizer.languages.map((code) => ({ code, name: s.localizer.t(code, 'language:name') }))
  });
  const journeys = new JourneyRegistry([
    { item: 'eligibility', dialog: new EligibilityDialog({ lexicons, people, eligibility: s.eligibility }) },
    { item: 'trainings', dialog: new TrainingSearchDialog({ lexicons, trainings: s.trainings, assessment: s.assessment, trainingQueries: s.trainingQueries }) },
    { item: 'assessment', dialog: new AssessmentDialog({ lexicons, assessment: s.assessment, eligibility: s.eligibility, publicBaseUrl: s.publicBaseUrl }) },
    { item: 'referral' },
    { item: 'myData' },
    { item: 'talkToPerson' },
    { item: 'language', dialog: language }
  ]);
  const main = new MainDialog({ lexicons, language, consent: new ConsentDialog({ lexicons, people, notice: s.notice }), journeys });
  return { main, language };
}
