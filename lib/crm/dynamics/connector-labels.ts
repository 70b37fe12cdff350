import { defineCatalog } from '../../i18n';

/** Labels of the Dynamics 365 connection fields, worded as the Power Platform admin center names them. */
export const dynamicsConnectLabels = defineCatalog(
  {
    'connector.dynamics.orgUrl': 'Environment URL',
  },
  {
    'connector.dynamics.orgUrl': '环境 URL',
  },
);
