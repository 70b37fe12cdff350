/**
 * Firefox's data collection consent for CRM sync (lib/sync/data-collection.ts): the manifest
 * declares what a connected CRM receives as optional, and the connect button asks for exactly
 * that together with the CRM's origins; Chrome's manifest declares none, so Chrome is asked
 * for the origins (and Salesforce's cookie) alone.
 */
import { describe, expect, it } from 'vitest';
import { connectPermissions, CRM_DATA_COLLECTION, declaredDataCollection } from '../../../lib/sync/data-collection';
import { CHROME, FIREFOX, manifestFor } from '../manifest/manifest-config';

const HUBSPOT = ['https://api.hubapi.com/*'];
const SALESFORCE = ['https://acme.my.salesforce.com/*'];

describe('connect permissions', () => {
  it('Firefox: the origins, Salesforce’s cookie and consent to send the CRM authentication, identifying data and communications', async () => {
    const declared = declaredDataCollection(await manifestFor(FIREFOX));
    expect(declared).toEqual(['authenticationInfo', 'personallyIdentifyingInfo', 'personalCommunications']);
    const dataCollection = ['authenticationInfo', 'personallyIdentifyingInfo', 'personalCommunications'];
    expect(connectPermissions('hubspot', HUBSPOT, declared)).toEqual({ origins: HUBSPOT, data_collection: dataCollection });
    expect(connectPermissions('salesforce', SALESFORCE, declared)).toEqual({ permissions: ['cookies'], origins: SALESFORCE, data_collection: dataCollection });
    // no origin named yet (an empty field): the consent is still asked, the background names the field
    expect(connectPermissions('dynamics', [], declared)).toEqual({ data_collection: dataCollection });
  });

  it('Chrome: no data collection key (Chrome would refuse it); nothing to ask without an origin', async () => {
    const declared = declaredDataCollection(await manifestFor(CHROME));
    expect(declared).toEqual([]);
    expect(connectPermissions('hubspot', HUBSPOT, declared)).toEqual({ origins: HUBSPOT });
    expect(connectPermissions('salesforce', SALESFORCE, declared)).toEqual({ permissions: ['cookies'], origins: SALESFORCE });
    expect(connectPermissions('salesforce', [], declared)).toEqual({ permissions: ['cookies'] });
    expect(connectPermissions('pipedrive', [], declared)).toBeUndefined();
  });

  it('asks only for what both the list and the manifest name; a malformed manifest declares nothing', () => {
    expect(connectPermissions('zoho', [], ['authenticationInfo', 'healthInfo'])).toEqual({ data_collection: ['authenticationInfo'] });
    expect(declaredDataCollection(null)).toEqual([]);
    expect(declaredDataCollection({ browser_specific_settings: { gecko: { data_collection_permissions: { optional: 'authenticationInfo' } } } })).toEqual([]);
    expect(CRM_DATA_COLLECTION).not.toContain('none');
  });
});
