/** The connect-field labels of every CRM (lib/crm/<crm>/connector-labels.ts), as one catalog for the options page. */
import { dynamicsConnectLabels } from '../crm/dynamics/connector-labels';
import { fxiaokeConnectLabels } from '../crm/fxiaoke/connector-labels';
import { hubspotConnectLabels } from '../crm/hubspot/connector-labels';
import { pipedriveConnectLabels } from '../crm/pipedrive/connector-labels';
import { salesforceConnectLabels } from '../crm/salesforce/connector-labels';
import { zohoConnectLabels } from '../crm/zoho/connector-labels';
import { mergeCatalogs } from '../i18n';

const m = mergeCatalogs;
export const connectLabels = m(
  m(m(salesforceConnectLabels, hubspotConnectLabels), m(pipedriveConnectLabels, zohoConnectLabels)),
  m(dynamicsConnectLabels, fxiaokeConnectLabels),
);
export type ConnectLabelKey = keyof (typeof connectLabels)['en'];
