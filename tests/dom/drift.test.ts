// @vitest-environment happy-dom
/**
 * Drift per CRM: the committed fixtures show each CRM's current layout, so reading them reports
 * nothing; a page where only an older layout's candidate matches (or none does) is reported by
 * key and candidate index.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CRMS, descriptorOf } from '../../lib/crm/registry';
import type { CrmDescriptor, PageInfo } from '../../lib/crm/types';
import { settleDrift, startDrift, type DriftReport } from '../../lib/dom/drift';
import type { CrmId } from '../../lib/schemas/values';
import { fixtureNames, loadFixture } from './support';

afterEach(() => startDrift(null));

/** Read a page the way the overlay does, and return what drift it reports once settled. */
function driftOn(d: CrmDescriptor, doc: Document, page: Exclude<PageInfo, { kind: 'other' }>): DriftReport[] {
  const reports: DriftReport[] = [];
  startDrift((r) => reports.push(r));
  if (page.kind === 'record') {
    d.findTitle(doc, page);
    d.readRecord(doc, page);
  } else d.listRows(doc, page);
  settleDrift();
  return reports;
}

const pageOf = (fixture: string): Exclude<PageInfo, { kind: 'other' }> => {
  const objectType = /^(contact|person)/.test(fixture) ? 'contact' : /^(deal|opportunity)/.test(fixture) ? 'deal' : 'account';
  return fixture.endsWith('-list') ? { kind: 'list', objectType } : { kind: 'record', objectType, recordId: '1' };
};

describe.each(CRMS.map((d) => [d.id, d] as const))('%s fixtures', (crm, d) => {
  it.each(fixtureNames(crm))('%s reports no drift', (fixture) => {
    expect(driftOn(d, loadFixture(crm, fixture), pageOf(fixture))).toEqual([]);
  });
});

const html = (body: string): Document => new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');
const record = { kind: 'record', objectType: 'account', recordId: '1' } as const;

describe('older layouts are reported by key and candidate', () => {
  it.each<[CrmId, string, string, number, number]>([
    ['salesforce', '<div class="windowViewMode-normal active"><h1 class="slds-page-header__title">Globex</h1></div>', 'record.title', 2, 3],
    ['hubspot', '<h2 data-selenium-test="highlightTitle">Initech</h2>', 'record.title', 1, 3],
    ['zoho', '<span data-zcqa="entityName">Northwind</span>', 'record.title', 1, 3],
    ['dynamics', '<div data-id="editFormRoot"><h2 data-id="header_title">Globex</h2></div>', 'record.title', 1, 3],
    ['pipedrive', '<div class="viewContainer"><div class="detailView"><div class="infoBlock"><h1>Initech</h1></div></div></div>', 'record.title', 2, 3],
    ['fxiaoke', '<div class="faci-field-display" data-apiname="name"><span class="faci-field-display_value">华腾</span></div>', 'record.title', 1, 2],
    ['salesforce', '<div class="active windowViewMode-normal"><p>still rendering</p></div>', 'record.title', -1, 3],
  ])('%s: %s', (crm, body, key, candidate, candidates) => {
    const d = descriptorOf(crm);
    const reports = driftOn(d, html(body), record);
    expect(reports).toContainEqual({ crm, key, candidate, candidates });
    if (candidate >= 0) expect(d.findTitle(html(body), record)?.textContent).toBeTruthy();
  });
});
