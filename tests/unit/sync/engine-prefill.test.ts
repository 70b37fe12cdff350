/**
 * Signing in again after the CRM refused the session or token: the options page is offered what
 * the rep typed in the non-secret fields (a Dynamics environment URL, a Zoho data centre), never a
 * token, key or secret.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { syncRepo } from '../../../lib/db/repos/sync';
import { CONNECTORS } from '../../../lib/sync/connectors';
import { createSyncEngine } from '../../../lib/sync/engine';
import { enteredFields } from '../../../lib/sync/state';
import { engineSetup } from './engine-setup';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('enteredFields', () => {
  it('keeps non-secret, non-empty fields (trimmed) and drops secrets and unknown keys', () => {
    const fields = [
      { name: 'orgUrl', labelKey: 'a', secret: false },
      { name: 'token', labelKey: 'b', secret: true },
      { name: 'mobile', labelKey: 'c', secret: false, optional: true },
    ];
    expect(enteredFields(fields, { orgUrl: ' https://contoso.crm4.dynamics.com ', token: 's3cret', mobile: '  ', extra: 'x' })).toEqual({
      orgUrl: 'https://contoso.crm4.dynamics.com',
    });
  });
});

describe('sync engine: sign in again', () => {
  it('offers the non-secret fields as entered once the CRM asks for sign-in, and no secret', async () => {
    const s = await engineSetup();
    cleanup = s.close;
    // Pipedrive with one extra non-secret field, as Dynamics, Zoho and Fxiaoke have
    const pipedrive = { ...CONNECTORS.pipedrive, fields: [...CONNECTORS.pipedrive.fields, { name: 'companyDomain', labelKey: 'x', secret: false }] };
    const engine = createSyncEngine({ ...s.deps, connectors: { ...CONNECTORS, pipedrive } });
    const token = s.mock.newToken();
    expect(await engine.connect('pipedrive', { apiToken: token, companyDomain: 'acme' })).not.toHaveProperty('prefill');
    expect((await syncRepo(s.db).connection('pipedrive'))!.entered).toEqual({ companyDomain: 'acme' });
    await engine.sync('pipedrive');
    s.mock.revokeTokens();
    s.mock.advance(86_400_000);
    expect(await engine.sync('pipedrive')).toMatchObject({ outcome: 'failed', error: 'sync.auth' });
    const status = await engine.status('pipedrive');
    expect(status).toMatchObject({ state: 'error', error: 'sync.auth', prefill: { companyDomain: 'acme' } });
    expect(JSON.stringify(status)).not.toContain(token);
  });
});
