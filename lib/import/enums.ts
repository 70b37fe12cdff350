/**
 * Enum cells → canonical values. Case-insensitive; CRM and Chinese synonyms (电话, 拜访, 投诉…)
 * map onto the canonical lists of lib/schemas/enums.ts. Anything else is rejected.
 */
import { CHANNELS, CRM_IDS, DIRECTIONS, FEEDBACK_KINDS, SENTIMENTS } from '../schemas/enums';
import type { Channel, CrmId, Direction, FeedbackKind, Sentiment } from '../schemas/enums';

const norm = (s: string): string =>
  s
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

function table<T extends string>(canonical: readonly T[], synonyms: Record<string, T>): Map<string, T> {
  const m = new Map<string, T>();
  for (const c of canonical) m.set(norm(c), c);
  for (const [k, v] of Object.entries(synonyms)) m.set(norm(k), v);
  return m;
}

const CHANNEL = table<Channel>(CHANNELS, {
  phone: 'call',
  'phone call': 'call',
  'log a call': 'call',
  calls: 'call',
  电话: 'call',
  电话拜访: 'call',
  电话沟通: 'call',
  'e-mail': 'email',
  mail: 'email',
  emails: 'email',
  邮件: 'email',
  电子邮件: 'email',
  meetings: 'meeting',
  appointment: 'meeting',
  'video call': 'meeting',
  会议: 'meeting',
  会面: 'meeting',
  线上会议: 'meeting',
  'site visit': 'visit',
  'on site': 'visit',
  拜访: 'visit',
  上门拜访: 'visit',
  实地拜访: 'visit',
  上门: 'visit',
  wechat: 'chat',
  whatsapp: 'chat',
  sms: 'chat',
  'linkedin message': 'chat',
  im: 'chat',
  微信: 'chat',
  短信: 'chat',
  企业微信: 'chat',
  task: 'other',
  note: 'other',
  notes: 'other',
  其他: 'other',
  其它: 'other',
});

const DIRECTION = table<Direction>(DIRECTIONS, {
  incoming: 'inbound',
  in: 'inbound',
  'inbound call': 'inbound',
  呼入: 'inbound',
  来电: 'inbound',
  outgoing: 'outbound',
  out: 'outbound',
  'outbound call': 'outbound',
  呼出: 'outbound',
  去电: 'outbound',
});

const SENTIMENT = table<Sentiment>(SENTIMENTS, {
  pos: 'positive',
  good: 'positive',
  正面: 'positive',
  积极: 'positive',
  满意: 'positive',
  neg: 'negative',
  bad: 'negative',
  负面: 'negative',
  消极: 'negative',
  不满意: 'negative',
  neutral: 'neutral',
  中性: 'neutral',
  一般: 'neutral',
});

const FEEDBACK_KIND = table<FeedbackKind>(FEEDBACK_KINDS, {
  satisfaction: 'csat',
  'customer satisfaction': 'csat',
  满意度: 'csat',
  'net promoter': 'nps',
  'net promoter score': 'nps',
  净推荐值: 'nps',
  complaints: 'complaint',
  投诉: 'complaint',
  客诉: 'complaint',
});

const CRM = table<CrmId>(CRM_IDS, {
  sfdc: 'salesforce',
  'dynamics 365': 'dynamics',
  d365: 'dynamics',
  'microsoft dynamics': 'dynamics',
  'microsoft dynamics 365': 'dynamics',
  'zoho crm': 'zoho',
  纷享销客: 'fxiaoke',
  纷享: 'fxiaoke',
});

export const ENUMS = { channel: CHANNEL, direction: DIRECTION, sentiment: SENTIMENT, kind: FEEDBACK_KIND, crm: CRM } as const;
export const ENUM_LISTS = { channel: CHANNELS, direction: DIRECTIONS, sentiment: SENTIMENTS, kind: FEEDBACK_KINDS, crm: CRM_IDS } as const;

export function parseEnum<K extends keyof typeof ENUMS>(field: K, raw: string): string | undefined {
  return ENUMS[field].get(norm(raw));
}
