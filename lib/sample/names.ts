/** Names for sample companies, owners and people (English and 简体中文); the book's other words are in texts.ts. */

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

export const OWNERS = ['Alex Kim', 'Maria Lopez', 'Sam Patel', '李娜', '王磊', 'Jordan Lee'] as const;

export const EN_FIRST = ['Anna', 'Ben', 'Chloe', 'David', 'Emma', 'Felix', 'Grace', 'Henry', 'Isla', 'Jack', 'Kara', 'Liam', 'Mia', 'Noah', 'Olivia'] as const;
export const EN_LAST = ['Smith', 'Johnson', 'Brown', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Moore', 'Taylor', 'Clark'] as const;
export const ZH_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'] as const;
export const ZH_GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '杰'] as const;
