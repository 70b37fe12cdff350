import { describe, expect, it } from 'vitest';
import { CONTENT_EXCLUDE_MATCHES, CONTENT_INCLUDE_GLOBS, CONTENT_MATCHES } from '../../../lib/overlay/matches';

/** The browser's rules: `*` in a glob is any run of characters; a match pattern's `*.` host is any subdomain. */
const glob = (g: string): RegExp => new RegExp(`^${g.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*')}$`);
const pattern = (m: string): RegExp => {
  const [, host, path] = /^https:\/\/([^/]+)(\/.*)$/.exec(m)!;
  const h = host!.startsWith('*.') ? `(?:[^/]+\\.)?${host!.slice(2).replace(/\./g, '\\.')}` : host!.replace(/\./g, '\\.');
  return new RegExp(`^https://${h}${path!.replace(/[.?]/g, '\\$&').replace(/\*/g, '.*')}$`);
};
const runsOn = (url: string): boolean =>
  CONTENT_MATCHES.some((m) => pattern(m).test(url)) &&
  CONTENT_INCLUDE_GLOBS.some((g) => glob(g).test(url)) &&
  !CONTENT_EXCLUDE_MATCHES.some((m) => pattern(m).test(url));

describe('the content script runs only on CRM app pages', () => {
  it.each([
    'https://contoso.crm4.dynamics.com/main.aspx?appid=1&pagetype=entityrecord&etn=account&id=x',
    'https://contoso.crm.dynamics.com/main.aspx',
    'https://contoso.crm.microsoftdynamics.us/main.aspx?pagetype=entitylist&etn=account',
    'https://acme.pipedrive.com/pipeline',
    'https://acme.pipedrive.com/organization/5',
    'https://acme.lightning.force.com/lightning/r/Account/001/view',
    'https://app.hubspot.com/contacts/123/record/0-2/456',
  ])('runs on %s', (url) => expect(runsOn(url)).toBe(true));

  it.each([
    'https://www.dynamics.com/en-us/',
    'https://contoso.operations.dynamics.com/?cmp=usmf',
    'https://contoso.crm4.dynamics.com/api/data/v9.2/accounts',
    'https://www.pipedrive.com/en/pricing',
    'https://developers.pipedrive.com/docs/api/v1',
    'https://oauth.pipedrive.com/oauth/authorize',
  ])('does not run on %s', (url) => expect(runsOn(url)).toBe(false));
});
