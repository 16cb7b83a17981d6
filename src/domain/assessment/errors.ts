/** An item id that is not part of the questionnaire it was looked up in. */
export class UnknownItemError extends Error {
  override readonly name = 'UnknownItemError';
  constructor(readonly itemId: string, readonly questionnaireId: string) {
    super(`item "${itemId}" is not in questionnaire "${questionnaireId}"`);
  }
}
