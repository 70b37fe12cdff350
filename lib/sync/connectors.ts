/** Every CRM's API connector, by CRM id (plain code: the options page uses `fields` and `originsFor`, the background the rest). */
import { dynamicsConnector } from '../crm/dynamics/connector';
import { fxiaokeConnector } from '../crm/fxiaoke/connector';
import { hubspotConnector } from '../crm/hubspot/connector';
import { pipedriveConnector } from '../crm/pipedrive/connector';
import { salesforceConnector } from '../crm/salesforce/connector';
import { zohoConnector } from '../crm/zoho/connector';
import type { CrmId } from '../schemas/values';
import type { CrmConnector } from './types';

export const CONNECTORS: Readonly<Record<CrmId, CrmConnector>> = {
  salesforce: salesforceConnector,
  hubspot: hubspotConnector,
  zoho: zohoConnector,
  dynamics: dynamicsConnector,
  pipedrive: pipedriveConnector,
  fxiaoke: fxiaokeConnector,
};
