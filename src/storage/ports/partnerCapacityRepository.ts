/** The capacities partners set in the console (open referrals at a time), overriding content/partners.json. */
export interface PartnerCapacityRepository {
  /** Every capacity set, by partner id. */
  all(): Promise<Map<string, number>>;
  /** Sets (or replaces) a partner's capacity. A negative or non-integer capacity is a `TypeError`. */
  set(partnerId: string, capacity: number, at: Date): Promise<void>;
}
