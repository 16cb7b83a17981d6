import type { EligibilityService } from '../services/eligibilityService';
import { explainEligibility } from '../services/eligibilityExplainer';
import { readWalkInForm } from '../server/walkInForm';
import { CONSOLE_PATH, type ConsoleMount } from './consoleContext';
import { WalkInView } from './pages/walkInView';

export const WALK_IN_PATH = `${CONSOLE_PATH}/walk-in`;

/**
 * The walk-in eligibility form (`/console/walk-in`), for caseworkers and administrators: the
 * same answers schema as `POST /api/eligibility`, the same rules (`EligibilityService`), the
 * result with its rules version, in the console's language. Stores nothing; each check is
 * audited (who, when; never the answers).
 */
export function addWalkInPage(mount: ConsoleMount, deps: { eligibility: EligibilityService }): void {
  const roles = ['caseworker', 'admin'] as const;
  mount.page({
    path: WALK_IN_PATH,
    roles,
    nav: { key: 'consoleReports:nav.walkIn', order: 50 },
    handler: async (ctx) => {
      ctx.render(ctx.texts.t('consoleReports:walkIn.title'), <WalkInView texts={ctx.texts} csrfToken={ctx.csrfToken} values={{}} errors={[]} />);
    }
  });
  mount.page({
    path: WALK_IN_PATH,
    method: 'POST',
    roles,
    handler: async (ctx) => {
      const read = readWalkInForm(ctx.form);
      const title = ctx.texts.t('consoleReports:walkIn.title');
      if (!read.ok) {
        ctx.render(title, <WalkInView texts={ctx.texts} csrfToken={ctx.csrfToken} values={read.values} errors={read.fields} />, { status: 400 });
        return;
      }
      const result = deps.eligibility.evaluate(read.answers);
      await ctx.audit('walkIn.check');
      ctx.render(
        title,
        <WalkInView
          texts={ctx.texts}
          csrfToken={ctx.csrfToken}
          values={read.values}
          errors={[]}
          result={{ rulesVersion: result.rulesVersion, asOf: result.asOf, programmes: explainEligibility(result, ctx.texts) }}
        />
      );
    }
  });
}
