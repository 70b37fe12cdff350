/** Helpers for the script-mixing checks (tests/unit/i18n/script-mixing.test.ts). */
/** Han, kana, CJK punctuation and full-width forms. */
const CJK = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/u;

/** Names written the same in both languages (the vendor's own spelling). */
const CJK_NAMES_IN_ENGLISH = ['纷享销客'];

/** Latin tokens a Chinese sentence may hold: products, formats, acronyms, keys, units, examples. */
const LATIN_IN_CHINESE = [
  'Rapport',
  'Salesforce',
  'HubSpot',
  'Zoho CRM',
  'Zoho',
  'Dynamics 365',
  'Pipedrive',
  'Fxiaoke',
  'Excel',
  'Chrome',
  'Firefox',
  'IndexedDB',
  'BG/NBD',
  'Gamma-Gamma',
  'CRM',
  'CSV',
  'JSON',
  'xlsx',
  'CSAT',
  'NPS',
  'CLV',
  'RFM',
  'KPI',
  'SMART',
  'AUC',
  'ROC',
  'URL',
  'API',
  // the CRMs' own console terms, as their Chinese UIs write them (Zoho's API console, Fxiaoke's open platform)
  'Self Client',
  'App Secret',
  'App ID',
  'ID',
  'Enter',
  'Esc',
  'Tab',
  'Ctrl',
  'yyyy-mm-dd',
  'crm.example.com',
  'pp',
  // RFM's letters before their scores (R4 F5 M3).
  'R',
  'F',
  'M',
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const allowed = new RegExp(
  `(?<![A-Za-z])(?:${[...LATIN_IN_CHINESE]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?![A-Za-z])`,
  'g',
);

/** A Chinese sentence with placeholders, plural syntax and allowed tokens taken out. */
export const latinLeft = (zh: string): string[] =>
  zh
    .replace(/\{\w+\s*,\s*plural\s*,/g, '{')
    .replace(/(?:=\d+|\b(?:zero|one|two|few|many|other))\s*\{/g, '{')
    .replace(/\{\w+\}/g, ' ')
    .replace(allowed, ' ')
    .match(/[A-Za-z]+/g) ?? [];

export const cjkLeft = (en: string): string[] => {
  let s = en;
  for (const n of CJK_NAMES_IN_ENGLISH) s = s.split(n).join(' ');
  return [...s].filter((c) => CJK.test(c));
};
