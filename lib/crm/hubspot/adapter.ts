/** HubSpot adapter: companies, contacts and deals; current and legacy URL forms. */
import { isVisible, queryAll, queryFirst, textOf } from '../../dom/query';
import { recordRef } from '../read';
import type { CrmAdapter, ListPage, ListRow, RecordPage, RecordRef } from '../types';
import { HUBSPOT_MATCHES } from './hosts';
import { HUBSPOT_SELECTORS as S } from './selectors';
import { hubspotRecordOf, isHubspotHost, parseHubspotUrl } from './urls';

const visibleFirst = (els: Element[]): Element | null => els.find(isVisible) ?? els[0] ?? null;

function findTitle(root: ParentNode, _page: RecordPage): Element | null {
  for (const sel of S['record.title']) {
    const hit = visibleFirst(queryAll(root, [sel]).filter((el) => textOf(el)));
    if (hit) return hit;
  }
  return null;
}

function pathOf(href: string | null): string {
  try {
    return new URL(href ?? '', 'https://app.hubspot.com').pathname;
  } catch {
    return '';
  }
}

export const hubspotAdapter: CrmAdapter = {
  id: 'hubspot',
  matches: HUBSPOT_MATCHES,
  isHost: isHubspotHost,
  parseUrl: parseHubspotUrl,
  selectors: S,
  findTitle,

  readRecord(root: ParentNode, page: RecordPage): RecordRef {
    const name = textOf(findTitle(root, page));
    const mail = queryFirst(root, S['record.email'])?.getAttribute('href');
    const email = mail?.startsWith('mailto:') ? decodeURIComponent(mail.slice(7).split('?')[0]!) : undefined;
    let domain: string | undefined;
    const site = queryFirst(root, S['record.domain'])?.getAttribute('href');
    try {
      domain = site ? new URL(site).hostname.replace(/^www\./, '') : undefined;
    } catch {
      domain = undefined;
    }
    return recordRef('hubspot', page, { name, email, domain });
  },

  listRows(root: ParentNode, page: ListPage): ListRow[] {
    const rows: ListRow[] = [];
    for (const row of queryAll(root, S['list.row'])) {
      for (const link of queryAll(row, S['list.recordLink'])) {
        const rec = hubspotRecordOf(pathOf(link.getAttribute('href')));
        if (rec && rec.objectType === page.objectType) {
          rows.push({ row, recordId: rec.recordId, mount: link.closest('td') ?? link.parentElement ?? row });
          break;
        }
      }
    }
    return rows;
  },
};
