/** Word lists for sample customers, people and interaction notes (English and 简体中文). */

export const EN_PREFIXES = [
  'Apex',
  'Blue Harbor',
  'Cedar',
  'Delta',
  'Evergreen',
  'Falcon',
  'Granite',
  'Horizon',
  'Iron Gate',
  'Juniper',
  'Keystone',
  'Lakeside',
  'Meridian',
  'Northstar',
  'Oakridge',
  'Pinnacle',
  'Quantum',
  'Redwood',
  'Summit',
  'Tidewater',
  'Union',
  'Vanguard',
  'Westfield',
  'Yellowstone',
  'Zenith',
  'Atlas',
  'Beacon',
  'Cobalt',
  'Driftwood',
  'Ember',
] as const;

export const EN_SUFFIXES = [
  'Manufacturing',
  'Logistics',
  'Health',
  'Software',
  'Foods',
  'Energy',
  'Retail Group',
  'Engineering',
  'Media',
  'Pharma',
  'Construction',
  'Analytics',
  'Textiles',
  'Robotics',
  'Partners',
  'Supply Co',
  'Labs',
  'Systems',
] as const;

export const ZH_CITIES = ['上海', '北京', '深圳', '杭州', '广州', '成都', '苏州', '南京', '武汉', '天津', '重庆', '西安'] as const;
export const ZH_CORES = ['恒达', '华宇', '金桥', '瑞丰', '鼎盛', '博远', '中联', '新元', '宏图', '嘉禾', '天成', '永泰', '盛世', '安信', '德润'] as const;
export const ZH_TRADES = ['科技', '贸易', '物流', '医疗器械', '食品', '电子', '建材', '软件', '化工', '纺织'] as const;

export const SEGMENTS = ['Manufacturing', 'Healthcare', 'Retail', 'Technology', 'Logistics', 'Energy', 'Public sector'] as const;
export const OWNERS = ['Alex Kim', 'Maria Lopez', 'Sam Patel', '李娜', '王磊', 'Jordan Lee'] as const;

export const EN_FIRST = ['Anna', 'Ben', 'Chloe', 'David', 'Emma', 'Felix', 'Grace', 'Henry', 'Isla', 'Jack', 'Kara', 'Liam', 'Mia', 'Noah', 'Olivia'] as const;
export const EN_LAST = ['Smith', 'Johnson', 'Brown', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Moore', 'Taylor', 'Clark'] as const;
export const ZH_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'] as const;
export const ZH_GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '杰'] as const;

export const ROLES_DM = ['CEO', 'VP Operations', 'Head of Procurement', 'CFO', 'Managing Director'] as const;
export const ROLES_OTHER = ['Buyer', 'Operations Manager', 'Project Lead', 'IT Manager', 'Office Manager', 'Analyst'] as const;

export const PRODUCTS = ['Platform licence', 'Support plan', 'Implementation', 'Training', 'Hardware kit', 'Consumables', 'Add-on module'] as const;

export const NOTES = {
  positive: [
    'Happy with delivery times',
    'Asked about expanding to a second site',
    'Renewal looks straightforward',
    'Praised the support team',
    '对新功能很满意',
  ],
  neutral: ['Quarterly check-in', 'Shared the new price list', 'Confirmed next delivery', 'Answered a billing question', '例行回访'],
  negative: [
    'Unhappy with the last delivery',
    'Escalated an invoice dispute',
    'Mentioned a competitor offer',
    'Support ticket open too long',
    '对响应速度不满',
  ],
} as const;
