import type { Dialog } from 'botbuilder-dialogs';
import type { MenuItem } from './menu';

/** A menu entry and the dialog that runs it; without a dialog the journey says it is coming soon. */
export interface Journey {
  readonly item: MenuItem;
  readonly dialog?: Dialog;
}

/**
 * The journeys of the main menu, in the order shown, each with its dialog: built by the
 * composition root, so that tests can give the main dialog other ones.
 */
export class JourneyRegistry {
  private readonly byItem: ReadonlyMap<MenuItem, Journey>;

  constructor(private readonly journeys: readonly Journey[]) {
    const byItem = new Map<MenuItem, Journey>();
    for (const journey of journeys) {
      if (byItem.has(journey.item)) throw new Error(`menu: the journey "${journey.item}" is registered twice`);
      byItem.set(journey.item, journey);
    }
    this.byItem = byItem;
  }

  /** The menu items, in order. */
  get items(): MenuItem[] {
    return this.journeys.map((j) => j.item);
  }

  /** The dialog of an item; undefined when that journey is not available yet. */
  dialogOf(item: MenuItem): Dialog | undefined {
    return this.byItem.get(item)?.dialog;
  }

  /** Every dialog the journeys run, each once. */
  get dialogs(): Dialog[] {
    return [...new Set(this.journeys.flatMap((j) => (j.dialog ? [j.dialog] : [])))];
  }
}
