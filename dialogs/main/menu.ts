/** The journeys offered in the main menu. Those not built yet answer "coming soon". */
export const MENU_ITEMS = ['eligibility', 'trainings', 'assessment', 'referral', 'myData', 'talkToPerson', 'language'] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

/** Journeys that exist today; the others say they are coming soon (see README). */
export const AVAILABLE_ITEMS: ReadonlySet<MenuItem> = new Set<MenuItem>(['eligibility', 'trainings', 'assessment', 'language']);
