import type { TrainingQuery } from '../../src/domain';
import type { Texts } from '../../src/i18n';
import type { TrainingService } from '../../src/services/trainingService';
import { matchChoice, type TrainingQueryParser } from '../../src/understanding';
import { AskPrompt, type AskSpec, type PromptDeps } from '../prompts';

/** A filter button, or filters understood from free text. */
export type QueryFilter = 'topic' | 'country' | 'language' | 'eqf' | 'format' | 'all';
export type QueryAnswer = { kind: 'filter'; filter: QueryFilter } | { kind: 'query'; query: TrainingQuery };

/**
 * Asks what training the person looks for: a filter button ("Country", "Show all"), or a
 * sentence in their language ("online in Portugal", "niveau 4 en France").
 */
export class TrainingQueryPrompt extends AskPrompt<QueryAnswer> {
  constructor(id: string, private readonly queryDeps: PromptDeps & { trainings: TrainingService; trainingQueries: TrainingQueryParser }) {
    super(id, queryDeps);
  }

  protected recognize(text: string, texts: Texts, ask: AskSpec): QueryAnswer | undefined {
    // A sentence naming filter values wins over a button word it contains ("niveau 4 en France"
    // holds the word of the "Niveau" button).
    const query = this.queryDeps.trainingQueries.parse(text, texts.lang, this.queryDeps.trainings.today());
    if (Object.keys(query).length > 0) return { kind: 'query', query };
    const choices = (ask.choices ?? []).map((spec) => ({ value: spec.value, labels: [this.labelOf(texts, spec)] }));
    const filter = matchChoice(text, choices, texts.lang);
    return filter ? { kind: 'filter', filter: filter as QueryFilter } : undefined;
  }
}
