import type { DialogContext } from 'botbuilder-dialogs';

/**
 * Whether a dialog with this id is running anywhere on the active path of `dc`'s stack: its own
 * active dialog, or the active dialog of a child component, at any depth (the language dialog
 * inside the main dialog, for example).
 */
export function isDialogActive(dc: DialogContext, dialogId: string): boolean {
  for (let current: DialogContext | undefined = dc; current; current = current.child) {
    if (current.stack.some((instance) => instance.id === dialogId)) return true;
  }
  return false;
}
