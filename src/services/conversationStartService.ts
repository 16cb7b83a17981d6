import type { ConversationStartRepository } from '../storage/ports';
import { calendarDateIn, type Clock } from './clock';

/**
 * Counts conversations that start (the funnel's first stage) without keeping anything personal:
 * an id derived one way from the first activity (so a turn processed twice counts once), the day
 * in the programmes' time zone and the language of the first answer. No user key: it is kept for
 * people who did not consent too.
 */
export class ConversationStartService {
  constructor(
    private readonly starts: ConversationStartRepository,
    private readonly clock: Clock,
    private readonly timeZone: string
  ) {}

  record(id: string, language: string): Promise<void> {
    return this.starts.record({ id, day: calendarDateIn(this.timeZone, this.clock()), language });
  }
}
