import { defineCatalog } from '../../i18n';

/** Labels of the Zoho CRM connection fields, worded as Zoho's API console (Self Client) names them. */
export const zohoConnectLabels = defineCatalog(
  {
    'connector.zoho.dataCentre': 'Data centre (or your Zoho CRM URL)',
    'connector.zoho.clientId': 'Client ID',
    'connector.zoho.clientSecret': 'Client Secret',
    'connector.zoho.grantCode': 'Generated code',
  },
  {
    'connector.zoho.dataCentre': '数据中心（或你的 Zoho CRM 网址）',
    'connector.zoho.clientId': '客户端 ID',
    'connector.zoho.clientSecret': '客户端密钥',
    'connector.zoho.grantCode': '生成的授权码',
  },
);
