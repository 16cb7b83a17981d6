import type { Dialog } from 'botbuilder-dialogs';
import {
  AssessmentDialog,
  ConsentDialog,
  EligibilityDialog,
  HandoffDialog,
  InfoAnswerDialog,
  JourneyRegistry,
  LanguageDialog,
  MainDialog,
  MyDataDialog,
  MyReferralsDialog,
  ReferralDialog,
  ReferralPresenter,
  TrainingSearchDialog,
  type HandoffConversation
} from '../../dialogs';
import type { People } from '../conversation';
import type { Localizer, Texts } from '../i18n';
import type { AssessmentService } from '../services/assessmentService';
import type { Clock } from '../services/clock';
import type { ConsentService } from '../services/consentService';
import type { ConversationReferenceService } from '../services/conversationReferenceService';
import type { EligibilityService } from '../services/eligibilityService';
import type { HandoffService } from '../services/handoffService';
import type { PrivacyService } from '../services/privacyService';
import type { ReferralService } from '../services/referralService';
import type { TrainingService } from '../services/trainingService';
import type { Lexicon, TrainingQueryParser } from '../understanding';

/** What the dialogs are built from (the composition root's part that knows the dialogs). */
export interface DialogServices {
  localizer: Localizer;
  lexicons: Readonly<Record<string, Lexicon>>;
  people: People;
  consent: ConsentService;
  eligibility: EligibilityService;
  assessment: AssessmentService;
  trainings: TrainingService;
  trainingQueries: TrainingQueryParser;
  referrals: ReferralService;
  references: ConversationReferenceService;
  /** "Talk to a person": the queue caseworkers answer from the console. */
  handoffs: HandoffService;
  /** What the handoff dialog knows of its conversation (key, where replies go, recent turns). */
  handoffConversation: HandoffConversation;
  privacy: PrivacyService;
  clock: Clock;
  /** Absolute base URL of this server, for links shown to people (profile pages). */
  publicBaseUrl: string;
}

/** The dialogs the bot starts itself (the root, and those pushed on top of whatever runs). */
export interface BotDialogs {
  main: MainDialog;
  language: Dialog;
  myReferrals: Dialog;
  infoAnswer: Dialog;
  handoff: Dialog;
  /** "My information": see, export, withdraw consent, erase; also pushed by the global commands. */
  myData: Dialog;
}

/**
 * Builds every dialog once, each with the few services it uses, and the menu's journeys in the
 * order shown. Journeys without a dialog yet say they are coming soon.
 */
export function createDialogs(s: DialogServices): BotDialogs {
  const { lexicons, people } = s;
  const presenter = new ReferralPresenter();
  const partnerName = (partnerId: string, texts: Texts): string => {
    const partner = s.referrals.partner(partnerId);
    return partner ? presenter.partnerName(partner, texts) : partnerId;
  };
  const language = new LanguageDialog({
    lexicons,
    people,
    languages: s.localizer.languages.map((code) => ({ code, name: s.localizer.t(code, 'language:name') }))
  });
  const eligibility = new EligibilityDialog({ lexicons, people, eligibility: s.eligibility });
  const referral = new ReferralDialog({
    lexicons,
    referrals: s.referrals,
    eligibility: s.eligibility,
    assessment: s.assessment,
    consent: s.consent,
    references: s.references,
    clock: s.clock,
    eligibilityDialog: eligibility
  });
  // One instance: a journey of the menu, and pushed on top of whatever runs when asked for in words.
  const handoff = new HandoffDialog({ lexicons, handoffs: s.handoffs, conversation: s.handoffConversation });
  const myData = new MyDataDialog({ lexicons, people, privacy: s.privacy, publicBaseUrl: s.publicBaseUrl });
  const journeys = new JourneyRegistry([
    { item: 'eligibility', dialog: eligibility },
    { item: 'trainings', dialog: new TrainingSearchDialog({ lexicons, trainings: s.trainings, assessment: s.assessment, trainingQueries: s.trainingQueries, partnerName }) },
    { item: 'assessment', dialog: new AssessmentDialog({ lexicons, assessment: s.assessment, eligibility: s.eligibility, publicBaseUrl: s.publicBaseUrl }) },
    { item: 'referral', dialog: referral },
    { item: 'myData', dialog: myData },
    { item: 'talkToPerson', dialog: handoff },
    { item: 'language', dialog: language }
  ]);
  const main = new MainDialog({ lexicons, language, consent: new ConsentDialog({ lexicons, people, notice: s.consent.notice, transientHours: s.privacy.transientHours }), journeys });
  const infoAnswer = new InfoAnswerDialog({ lexicons, referrals: s.referrals });
  const myReferrals = new MyReferralsDialog({ lexicons, referrals: s.referrals });
  // "my referral" can lead to answering a question: both live in the bot's own dialog set too.
  myReferrals.addDialog(infoAnswer);
  return { main, language, myReferrals, infoAnswer, handoff, myData };
}
