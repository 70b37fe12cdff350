import { defineCatalog } from '../index';

/** Sample data (load, badge, remove), the welcome page and the empty states of every page. */
export const firstrun = defineCatalog(
  {
    'sample.badge': 'Sample data',
    'sample.badgeTitle': 'The data shown is Rapport’s generated sample, not your customers.',
    'sample.load': 'Load sample data',
    'sample.what':
      '{count, plural, one {# customer} other {# customers}}: {generated, plural, one {# generated} other {# generated}} plus six story accounts, with three years of orders, interactions and feedback, and five goals.',
    'sample.replaceWarning':
      'This replaces everything Rapport holds now ({count, plural, one {# customer} other {# customers}}). Make a backup first if you want to keep it.',
    'sample.confirm': 'Load the sample',
    'sample.cancel': 'Cancel',
    'sample.loading': 'Loading the sample…',
    'sample.loaded': 'Sample data loaded ({count, plural, one {# customer} other {# customers}}).',
    'sample.error': 'Sample data could not be loaded: {message}',
    'sample.remove': 'Remove sample data',
    'sample.removeText': 'Remove the sample customers, their history, scores and actions, and the sample goals? Your own data stays.',
    'sample.removeConfirm': 'Remove the sample',
    'sample.removed': 'Sample data removed ({count, plural, one {# customer} other {# customers}}).',
    'sample.removeError': 'Sample data could not be removed: {message}',
    'sample.importQuestion': 'The sample data is loaded. Remove it before importing your files, so your own customers are not mixed with the sample?',
    'sample.importRemove': 'Remove the sample, then import',
    'sample.importKeep': 'Import alongside the sample',
  },
  {
    'sample.badge': '示例数据',
    'sample.badgeTitle': '当前显示的是 Rapport 生成的示例数据，不是你的客户。',
    'sample.load': '加载示例数据',
    'sample.what': '{count, plural, other {# 个客户}}：生成的 {generated, plural, other {# 个}}加上六个故事客户，含三年的订单、互动和反馈，以及五个目标。',
    'sample.replaceWarning': '这将替换 Rapport 当前的全部数据（{count, plural, other {# 个客户}}）。如需保留，请先备份。',
    'sample.confirm': '加载示例',
    'sample.cancel': '取消',
    'sample.loading': '正在加载示例…',
    'sample.loaded': '已加载示例数据（{count, plural, other {# 个客户}}）。',
    'sample.error': '无法加载示例数据：{message}',
    'sample.remove': '移除示例数据',
    'sample.removeText': '移除示例客户及其历史、评分和行动，以及示例目标？你自己的数据会保留。',
    'sample.removeConfirm': '移除示例',
    'sample.removed': '已移除示例数据（{count, plural, other {# 个客户}}）。',
    'sample.removeError': '无法移除示例数据：{message}',
    'sample.importQuestion': '示例数据已加载。导入你的文件前是否先移除示例，以免你的客户与示例混在一起？',
    'sample.importRemove': '先移除示例，再导入',
    'sample.importKeep': '与示例一起导入',
  },
);
