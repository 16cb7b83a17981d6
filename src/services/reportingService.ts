import {
  buildFunnel,
  protectSmallCounts,
  type FunnelQuery,
  type FunnelReport,
  type FunnelSource,
  type RawFunnel
} from '../domain';
import type { ConversationStartRepository, ReportingRepository } from '../storage/ports';
import { monthsIn } from './clock';

/**
 * The programme funnel for the console and its CSV: reads the stores (few fields), lets the
 * domain count and apply the small-count rule. Only protected reports leave this service.
 */
export class ReportingService {
  constructor(
    private readonly deps: {
      reporting: ReportingRepository;
      starts: ConversationStartRepository;
      /** The programmes' time zone: months are counted in it. */
      timeZone: string;
    }
  ) {}

  /** The funnel broken down by `query.by` (optionally for one programme), counts below 5 shown as "<5". */
  async funnel(query: FunnelQuery): Promise<FunnelReport> {
    return protectSmallCounts(await this.rawFunnel(query));
  }

  /** Raw counts: for the small-count rule's own tests only, never shown. */
  async rawFunnel(query: FunnelQuery): Promise<RawFunnel> {
    const source = await this.source();
    return buildFunnel(source, query, monthsIn(this.deps.timeZone));
  }

  private async source(): Promise<FunnelSource> {
    const { reporting, starts } = this.deps;
    const [startCounts, grants, checks, assessments, referrals] = await Promise.all([
      starts.countByMonthAndLanguage(),
      reporting.consentGrants(),
      reporting.eligibilityChecks(),
      reporting.completedAssessments(),
      reporting.referrals()
    ]);
    return { starts: startCounts, grants, checks, assessments, referrals };
  }
}
