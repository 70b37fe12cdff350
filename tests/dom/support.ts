/** Loading committed CRM fixture pages (tests/fixtures/<crm>/<name>.html) into a happy-dom document. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CrmId } from '../../lib/schemas/values';

export const fixtureNames = (crm: CrmId): string[] =>
  readdirSync(path.resolve('tests/fixtures', crm))
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length));

export const loadFixture = (crm: CrmId, name: string): Document =>
  new DOMParser().parseFromString(readFileSync(path.resolve('tests/fixtures', crm, `${name}.html`), 'utf8'), 'text/html');
