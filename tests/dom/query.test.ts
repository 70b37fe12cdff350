// @vitest-environment happy-dom
/** The query helper: ordered candidates, predicates, shadow roots, and censored drift reports. */
import { afterEach, describe, expect, it } from 'vitest';
import { driftMessage, settleDrift, startDrift, type DriftReport } from '../../lib/dom/drift';
import { finder, match, shown, shownWithText } from '../../lib/dom/query';

const page = (html: string): Document => new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
const SECRET = 'Jane Secret <jane@secret.example>';
const registry = { 'record.title': ['h1.now', 'h1.before', 'h1'], 'record.email': ['a.mail'] } as const;

function collect(): DriftReport[] {
  const reports: DriftReport[] = [];
  startDrift((r) => reports.push(r));
  return reports;
}

afterEach(() => startDrift(null));

describe('match', () => {
  it('takes the first candidate with a hit, in order, and says which', () => {
    const doc = page('<h1 class="before">old</h1><h1 class="now">new</h1>');
    expect(match(doc, registry['record.title'])).toEqual([[doc.querySelector('.now')], 0]);
    expect(match(doc, ['h2', 'h1.before'])).toEqual([[doc.querySelector('.before')], 1]);
    expect(match(doc, ['h2', 'p'])).toEqual([[], -1]);
  });

  it('applies the predicate before choosing a candidate (a hidden match does not count)', () => {
    const doc = page('<div hidden><h1 class="now">stale</h1></div><h1 class="before">shown</h1><h1 class="now" style="display: none">x</h1>');
    expect(match(doc, registry['record.title'], shown)).toEqual([[doc.querySelector('.before')], 1]);
    expect(match(page('<h1 class="now">  </h1><h1 class="now">Acme</h1>'), ['h1.now'], shownWithText)[0].map((e) => e.textContent)).toEqual(['Acme']);
  });

  it('returns every element of the chosen candidate, or only the first', () => {
    const doc = page('<li>a</li><li>b</li><li hidden>c</li>');
    expect(match(doc, ['li'], shown)[0]).toHaveLength(2);
    expect(match(doc, ['li'], shown, false)[0]).toHaveLength(1);
  });

  it('searches open shadow roots (nested too) when light DOM has nothing', () => {
    const doc = page('<x-host></x-host>');
    const outer = doc.querySelector('x-host')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<x-inner></x-inner>';
    outer.querySelector('x-inner')!.attachShadow({ mode: 'open' }).innerHTML = '<h1 class="now">In shadow</h1>';
    const [hits, index] = match(doc, registry['record.title']);
    expect(hits.map((e) => e.textContent)).toEqual(['In shadow']);
    expect(index).toBe(0);
  });

  it('prefers light DOM over shadow roots (as today): a light-DOM fallback wins', () => {
    const doc = page('<x-host></x-host><h1 class="before">light</h1>');
    doc.querySelector('x-host')!.attachShadow({ mode: 'open' }).innerHTML = '<h1 class="now">shadow</h1>';
    expect(match(doc, registry['record.title'])[0][0]!.textContent).toBe('light');
  });
});

describe('drift reports', () => {
  it('report a key found only by a later candidate, with its index — once the page has settled', () => {
    const reports = collect();
    const q = finder('acme', registry);
    q.one(page(`<h1 class="before">${SECRET}</h1>`), 'record.title', shownWithText, true);
    expect(reports).toEqual([]);
    settleDrift();
    expect(reports).toEqual([{ crm: 'acme', key: 'record.title', candidate: 1, candidates: 3 }]);
  });

  it('count the best lookup: a title that renders late is not drift', () => {
    const reports = collect();
    const q = finder('acme', registry);
    q.one(page(''), 'record.title', shown, true);
    q.one(page('<h1 class="now">x</h1>'), 'record.title', shown, true);
    settleDrift();
    expect(reports).toEqual([]);
  });

  it('report a required key that never matched, but not an optional one', () => {
    const reports = collect();
    const q = finder('acme', registry);
    q.one(page('<p>nothing</p>'), 'record.title', shown, true);
    q.one(page('<p>nothing</p>'), 'record.email', shown);
    settleDrift();
    expect(reports).toEqual([{ crm: 'acme', key: 'record.title', candidate: -1, candidates: 3 }]);
  });

  it('after settling, report new drift at once, each key once per page', () => {
    const reports = collect();
    settleDrift();
    const q = finder('acme', registry);
    const doc = page('<h1>plain</h1>');
    q.one(doc, 'record.title');
    q.one(doc, 'record.title');
    expect(reports).toEqual([{ crm: 'acme', key: 'record.title', candidate: 2, candidates: 3 }]);
    collect();
    q.one(doc, 'record.title');
    settleDrift();
    expect(reports).toHaveLength(1);
  });

  it('never carry page text, values or markup', () => {
    const reports = collect();
    const q = finder('acme', registry);
    const doc = page(`<h1 data-x="${SECRET}">${SECRET}</h1><a class="nomail" href="mailto:jane@secret.example">${SECRET}</a>`);
    q.one(doc, 'record.title', shownWithText, true);
    q.one(doc, 'record.email', shown, true);
    settleDrift();
    expect(reports).toHaveLength(2);
    const logged = reports.map(driftMessage).join('\n') + JSON.stringify(reports);
    for (const secret of ['Jane', 'secret.example', '<', 'mailto']) expect(logged).not.toContain(secret);
    expect(driftMessage(reports[0]!)).toBe('[Rapport] acme selector "record.title": only candidate 3 of 3 matched');
    expect(driftMessage(reports[1]!)).toBe('[Rapport] acme selector "record.email": no candidate of 1 matched');
  });

  it('without a sink (tests, other contexts) nothing is reported', () => {
    startDrift(null);
    finder('acme', registry).one(page(''), 'record.title', shown, true);
    expect(() => settleDrift()).not.toThrow();
  });
});
