import { toLatinDigits } from '../../src/understanding';
import type { ChoiceSpec } from './askPrompt';

const POSITION = /^\(?(\d{1,2})[.)]?$/;

/**
 * The choice a bare number designates ("2", "2.", "(2)", "٢"), or undefined. Channels without
 * buttons show choices as a numbered list (see `renderForChannel`), and people answer with the
 * number.
 */
export function choiceAtPosition(text: string, choices: readonly ChoiceSpec[] | undefined): ChoiceSpec | undefined {
  const match = POSITION.exec(toLatinDigits(text.trim()));
  return match ? choices?.[Number(match[1]) - 1] : undefined;
}
