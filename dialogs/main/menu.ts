/** Every journey the main menu can offer (each with `menu:item.<item>` and `menu:synonyms.<item>` texts). */
export const MENU_ITEMS = ['eligibility', 'trainings', 'assessment', 'referral', 'myData', 'talkToPerson', 'language'] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];
