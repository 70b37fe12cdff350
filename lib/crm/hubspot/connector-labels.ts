/** Labels of the HubSpot connection fields (merged into the options page catalog). */
import { defineCatalog } from '../../i18n';

export const hubspotConnectLabels = defineCatalog(
  {
    'connect.hubspot.token': 'Service key or private app access token',
  },
  {
    'connect.hubspot.token': '服务密钥或私有应用访问令牌',
  },
);
