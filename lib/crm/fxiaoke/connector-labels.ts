import { defineCatalog } from '../../i18n';

/** Labels of the Fxiaoke connection fields, worded as Fxiaoke's open platform names them. */
export const fxiaokeConnectLabels = defineCatalog(
  {
    'connector.fxiaoke.appId': 'AppID',
    'connector.fxiaoke.appSecret': 'AppSecret',
    'connector.fxiaoke.permanentCode': 'Permanent authorization code (permanentCode)',
    'connector.fxiaoke.mobile': 'Your mobile number in Fxiaoke',
    'connector.fxiaoke.cloudDomain': 'Cloud domain (if not the public cloud)',
  },
  {
    'connector.fxiaoke.appId': 'AppID',
    'connector.fxiaoke.appSecret': 'AppSecret',
    'connector.fxiaoke.permanentCode': '永久授权码（permanentCode）',
    'connector.fxiaoke.mobile': '你在纷享销客的手机号',
    'connector.fxiaoke.cloudDomain': '云域名（非公有云时填写）',
  },
);
