import { render } from 'preact-render-to-string';
import type { VNode } from 'preact';
import { protectSmallCounts } from '../../src/domain';
import type { Texts } from '../../src/i18n';
import { DeadLettersView } from '../../src/console/pages/deadLettersView';
import { ReportsView } from '../../src/console/pages/reportsView';
import { WalkInView } from '../../src/console/pages/walkInView';
import { skeletonOf, tagsOf, textOf } from '../support/renderedHtml';

/**
 * The reporting, walk-in and delivery-problem views with hostile values in every text and every
 * value that reaches them (group names from stored data, what a caseworker typed, a worker's
 * error): each is shown as text, adds no element or attribute, and no handler.
 */
const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', `'><svg onload="window.__xss='svg'">`, '</title></style></script><script>window.__xss=1</script>'];
const neutral = (text: string): string => text.replace(/[<>"'&/=]/g, '_');
type Values = (text: string) => string;
const identity: Values = (text) => text;

function textsOf(values: Values): Texts {
  let call = 0;
  return {
    lang: 'en',
    t: (_key, params) => {
      const text = values(HOSTILE[call++ % HOSTILE.length]!);
      return params ? `${text} ${Object.values(params).join(' ')}` : text;
    },
    list: () => [],
    has: () => true
  };
}

const v = (values: Values, i: number): string => values(HOSTILE[i % HOSTILE.length]!);

const VIEWS: { name: string; render: (values: Values) => VNode }[] = [
  {
    name: 'reporting',
    render: (values) => {
      const report = protectSmallCounts({
        query: { by: 'partner' },
        stages: ['started', 'consented', 'eligibilityChecked', 'eligible', 'skillsTested', 'referred', 'accepted', 'enrolled'],
        rows: [
          { group: v(values, 0), counts: [null, null, null, null, null, 12, 3, 0] },
          { group: v(values, 1), counts: [null, null, null, null, null, 30, 20, 9] }
        ],
        total: [null, null, null, null, null, 42, 23, 9]
      });
      return <ReportsView texts={textsOf(values)} report={report} groupLabels={[v(values, 2), v(values, 3)]} csvHref={`/console/reports.csv?by=partner&x=${v(values, 1)}`} />;
    }
  },
  {
    name: 'walk-in',
    render: (values) => (
      <WalkInView
        texts={textsOf(values)}
        csrfToken={v(values, 0)}
        values={{ age: v(values, 1), region: v(values, 2), situation: v(values, 3) }}
        errors={['age', 'situation']}
        result={{
          rulesVersion: v(values, 0),
          asOf: '2026-12-05',
          programmes: [
            {
              programme: 'digiter',
              programmeName: v(values, 1),
              outcome: 'eligible',
              outcomeText: v(values, 2),
              criteria: [{ criterion: 'age', status: 'met', reasonKey: 'k', params: {}, text: v(values, 3) }],
              nextStepKey: 'k',
              nextStepText: v(values, 0)
            }
          ]
        }}
      />
    )
  },
  {
    name: 'delivery problems',
    render: (values) => (
      <DeadLettersView
        texts={textsOf(values)}
        csrfToken={v(values, 1)}
        total={3}
        messages={[{ id: 'm1', kind: v(values, 0), aggregateId: v(values, 1), event: v(values, 2), partnerId: v(values, 3), attempts: 8, lastError: v(values, 0), createdAt: new Date('2026-12-01T10:00:00Z') }]}
        outcome="retried"
        partnerNames={new Map()}
        timeZone="Europe/Paris"
      />
    )
  }
];

describe.each(VIEWS)('the $name view with hostile values everywhere', (view) => {
  const html = render(view.render(identity));

  it('keeps every "<" of the values escaped, and has exactly the elements and attributes it has with harmless values', () => {
    expect(() => tagsOf(html)).not.toThrow();
    expect(skeletonOf(html)).toEqual(skeletonOf(render(view.render(neutral))));
  });

  it('has no event handler, no javascript: URL, no script but its own, and shows the values as text', () => {
    const tags = tagsOf(html).filter((t) => !t.closing);
    for (const tag of tags) {
      for (const [name, value] of tag.attributes) {
        expect(name).not.toMatch(/^on/);
        if (['href', 'src', 'action'].includes(name)) expect(value.trim()).not.toMatch(/^javascript:/i);
      }
    }
    for (const script of tags.filter((t) => t.name === 'script').map((t) => Object.fromEntries(t.attributes))) {
      if (script.src !== undefined) expect(script.src).toMatch(/^\/console\/assets\/(chart|console-charts)\.[0-9a-f]+\.js$/);
      else expect(script.type).toBe('application/json');
    }
    expect(tags.map((t) => t.name)).not.toContain('img');
    const text = textOf(html);
    for (const value of HOSTILE.slice(0, 3)) expect(text).toContain(value);
  });
});
