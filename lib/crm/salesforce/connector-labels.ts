/** Labels of the Salesforce connection fields (merged into the options page catalog). */
import { defineCatalog } from '../../i18n';

export const salesforceConnectLabels = defineCatalog(
  {
    'connect.salesforce.instanceUrl': 'My Domain URL',
  },
  {
    'connect.salesforce.instanceUrl': '我的域 URL',
  },
);
