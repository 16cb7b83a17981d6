/**
 * What a journey may propose when it ends (e.g. after an eligibility result: "Do you want me to
 * put you in touch with an organisation?"). The main dialog asks the question and, on yes, starts
 * the dialog with the options: journeys propose, without knowing each other.
 */
export interface FollowUp {
  /** The yes/no question, a message key, and its values. */
  offerKey: string;
  offerParams?: Record<string, string | number>;
  dialogId: string;
  options: object;
}

/** A journey's result that carries a follow-up. */
export interface WithFollowUp {
  followUp?: FollowUp;
}

export function followUpOf(result: unknown): FollowUp | undefined {
  const followUp = (result as WithFollowUp | undefined)?.followUp;
  return followUp && typeof followUp.dialogId === 'string' ? followUp : undefined;
}
