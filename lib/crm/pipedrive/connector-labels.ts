/** Labels of the Pipedrive connection fields (merged into the options page catalog). */
import { defineCatalog } from '../../i18n';

export const pipedriveConnectLabels = defineCatalog(
  {
    'connect.pipedrive.apiToken': 'Personal API token',
  },
  {
    'connect.pipedrive.apiToken': '个人 API 令牌',
  },
);
