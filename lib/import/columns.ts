/**
 * Canonical import columns per kind (DESIGN.md "Import") and the presets that map the usual
 * export headers of Salesforce, HubSpot, Zoho, Dynamics 365, Pipedrive and Fxiaoke (纷享销客)
 * onto them. Headers compare case-, space- and punctuation-insensitively.
 */
import type { CrmId } from '../schemas/enums';

export const IMPORT_KINDS = ['customers', 'transactions', 'interactions', 'feedback'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const COLUMNS = {
  customers: ['customer_id', 'name', 'domain', 'email', 'segment', 'owner', 'crm', 'crm_record_id', 'created_at'],
  transactions: ['customer_id', 'date', 'amount', 'currency', 'product', 'order_id'],
  interactions: ['customer_id', 'date', 'channel', 'direction', 'summary', 'sentiment', 'contact', 'next_step', 'next_step_due'],
  feedback: ['customer_id', 'date', 'kind', 'score', 'comment'],
} as const satisfies Record<ImportKind, readonly string[]>;

export type CanonicalColumn = (typeof COLUMNS)[ImportKind][number];

export const REQUIRED: Record<ImportKind, readonly CanonicalColumn[]> = {
  customers: ['customer_id', 'name'],
  transactions: ['customer_id', 'date', 'amount'],
  interactions: ['customer_id', 'date', 'channel'],
  feedback: ['customer_id', 'date', 'kind'],
};

export type PresetId = 'canonical' | CrmId;

/** `Salesforce Account ID` → `salesforceaccountid`; `客户 编号` → `客户编号`. */
export const normaliseHeader = (h: string): string =>
  h
    .normalize('NFKC')
    .replace(/^\ufeff/, '')
    .toLowerCase()
    .replace(/[\s_\-.:()（）/\\·'"’]+/gu, '');

type Aliases = Partial<Record<CanonicalColumn, readonly string[]>>;

/** Header aliases per preset and kind. The canonical names themselves always match. */
const PRESETS: Record<Exclude<PresetId, 'canonical'>, Partial<Record<ImportKind | 'all', Aliases>>> = {
  salesforce: {
    all: { customer_id: ['Account ID', 'Account ID (18)', 'AccountId'] },
    customers: {
      name: ['Account Name'],
      domain: ['Website'],
      segment: ['Type', 'Industry', 'Account Type'],
      owner: ['Account Owner', 'Owner Name'],
      created_at: ['Created Date'],
      email: ['Email'],
    },
    transactions: {
      date: ['Close Date', 'CloseDate'],
      amount: ['Amount'],
      currency: ['Amount Currency', 'Currency ISO Code', 'Opportunity Currency'],
      product: ['Opportunity Name', 'Product Name'],
      order_id: ['Opportunity ID', 'Opportunity ID (18)'],
    },
    interactions: {
      date: ['Activity Date', 'Due Date'],
      channel: ['Task Subtype', 'Task Type'],
      summary: ['Subject'],
      contact: ['Contact', 'Name'],
      direction: ['Call Type'],
    },
  },
  hubspot: {
    all: { customer_id: ['Associated Company IDs', 'Associated Company ID', 'Company ID', 'Associated Company IDs (Primary)'] },
    customers: {
      customer_id: ['Record ID'],
      name: ['Company name', 'Company Name'],
      domain: ['Company Domain Name', 'Website URL'],
      owner: ['Company owner', 'Company Owner'],
      created_at: ['Create Date'],
      segment: ['Lifecycle Stage', 'Industry'],
    },
    transactions: {
      order_id: ['Record ID', 'Deal ID'],
      date: ['Close Date'],
      amount: ['Amount'],
      currency: ['Currency', 'Deal currency code'],
      product: ['Deal Name'],
    },
    interactions: {
      date: ['Activity date', 'Activity Date'],
      channel: ['Activity type', 'Activity Type'],
      summary: ['Activity body', 'Subject', 'Notes'],
      direction: ['Call direction'],
    },
  },
  zoho: {
    all: { customer_id: ['Account ID', 'Account Id', 'Account Name.id'] },
    customers: {
      customer_id: ['Record Id'],
      name: ['Account Name'],
      domain: ['Website'],
      owner: ['Account Owner'],
      created_at: ['Created Time'],
      segment: ['Account Type', 'Industry'],
      email: ['Email'],
    },
    transactions: {
      order_id: ['Deal Id', 'Record Id'],
      date: ['Closing Date'],
      amount: ['Amount', 'Grand Total'],
      currency: ['Currency'],
      product: ['Deal Name', 'Product Name'],
    },
    interactions: {
      date: ['Call Start Time', 'Start DateTime', 'Due Date'],
      channel: ['Activity Type', 'Call Type'],
      summary: ['Subject', 'Description'],
      contact: ['Contact Name'],
    },
  },
  dynamics: {
    all: { customer_id: ['(Do Not Modify) Account', 'Account Number', 'Potential Customer (Id)', 'Regarding (Id)'] },
    customers: {
      name: ['Account Name'],
      domain: ['Website'],
      email: ['Email', 'E-mail'],
      owner: ['Owner'],
      created_at: ['Created On'],
      segment: ['Relationship Type', 'Category', 'Industry'],
    },
    transactions: {
      order_id: ['(Do Not Modify) Opportunity', 'Opportunity ID'],
      date: ['Actual Close Date', 'Est. Close Date'],
      amount: ['Actual Revenue', 'Est. Revenue'],
      currency: ['Currency'],
      product: ['Topic'],
    },
    interactions: {
      date: ['Actual End', 'Due Date', 'Actual Start'],
      channel: ['Activity Type'],
      summary: ['Subject', 'Description'],
      direction: ['Direction'],
    },
  },
  pipedrive: {
    all: { customer_id: ['Organization - ID', 'Deal - Organization ID', 'Activity - Organization ID'] },
    customers: {
      customer_id: ['ID'],
      name: ['Organization - Name', 'Name'],
      domain: ['Organization - Website', 'Website'],
      owner: ['Organization - Owner', 'Owner'],
      created_at: ['Organization - Organization created', 'Organization - Add time', 'Add time'],
      segment: ['Organization - Label', 'Label'],
    },
    transactions: {
      order_id: ['Deal - ID'],
      date: ['Deal - Won time', 'Deal - Close date', 'Deal - Expected close date'],
      amount: ['Deal - Value'],
      currency: ['Deal - Currency'],
      product: ['Deal - Title', 'Deal - Product'],
    },
    interactions: {
      date: ['Activity - Due date', 'Activity - Done time', 'Activity - Marked as done time'],
      channel: ['Activity - Type'],
      summary: ['Activity - Subject', 'Activity - Note'],
      contact: ['Activity - Contact person'],
    },
  },
  fxiaoke: {
    all: { customer_id: ['客户编号', '客户ID', '客户Id', '客户代码', '客户编码'] },
    customers: {
      name: ['客户名称', '公司名称', '名称'],
      domain: ['网址', '公司网址', '官网', '网站'],
      email: ['邮箱', '电子邮件', '电子邮箱'],
      segment: ['客户级别', '客户分类', '客户类型', '客户等级'],
      owner: ['负责人', '客户负责人', '销售负责人'],
      created_at: ['创建时间', '创建日期'],
    },
    transactions: {
      date: ['成交日期', '成交时间', '下单日期', '下单时间', '订单日期', '签约日期'],
      amount: ['成交金额', '订单金额', '合同金额', '金额'],
      currency: ['币种', '货币'],
      product: ['产品名称', '商品名称', '产品'],
      order_id: ['订单编号', '订单号', '合同编号', '销售订单编号'],
    },
    interactions: {
      date: ['跟进时间', '跟进日期', '拜访时间'],
      channel: ['跟进方式', '跟进类型', '沟通方式'],
      direction: ['方向'],
      summary: ['跟进内容', '跟进记录', '内容'],
      sentiment: ['客户态度', '情绪'],
      contact: ['联系人', '联系人姓名'],
      next_step: ['下一步', '下一步计划'],
      next_step_due: ['下次跟进时间', '下次跟进日期'],
    },
    feedback: {
      date: ['反馈时间', '反馈日期', '日期'],
      kind: ['反馈类型', '类型'],
      score: ['评分', '分数'],
      comment: ['反馈内容', '意见', '备注'],
    },
  },
};

/** Common English names that belong to no CRM in particular. */
const GENERIC: Partial<Record<ImportKind | 'all', Aliases>> = {
  all: { customer_id: ['Customer ID', 'Customer', 'Client ID', 'Account'] },
  customers: {
    name: ['Customer Name', 'Company', 'Company Name', 'Organization', 'Organisation'],
    domain: ['Website', 'Web Site', 'Domain Name'],
    email: ['E-mail', 'Email Address', 'Primary Email'],
    owner: ['Account Manager', 'Sales Rep'],
    created_at: ['Created', 'Created On', 'Since'],
    crm_record_id: ['CRM ID', 'Record ID'],
  },
  transactions: {
    date: ['Order Date', 'Purchase Date', 'Transaction Date', 'Invoice Date'],
    amount: ['Total', 'Value', 'Revenue', 'Price', 'Sales'],
    product: ['Item', 'SKU', 'Description'],
    order_id: ['Order', 'Order Number', 'Invoice', 'Invoice Number', 'Transaction ID'],
  },
  interactions: {
    channel: ['Type', 'Activity Type', 'Medium'],
    summary: ['Subject', 'Notes', 'Description', 'Note'],
    contact: ['Contact Name', 'Person'],
    next_step_due: ['Next Step Date', 'Follow-up Date', 'Follow Up Date'],
  },
  feedback: {
    date: ['Response Date', 'Submitted At', 'Submission Date'],
    kind: ['Type', 'Survey Type', 'Feedback Type'],
    score: ['Rating', 'NPS', 'CSAT'],
    comment: ['Comments', 'Feedback', 'Verbatim'],
  },
};

interface AliasHit {
  column: CanonicalColumn;
  preset: PresetId;
}

function buildTable(kind: ImportKind): Map<string, AliasHit[]> {
  const table = new Map<string, AliasHit[]>();
  const add = (alias: string, hit: AliasHit): void => {
    const key = normaliseHeader(alias);
    const list = table.get(key) ?? [];
    if (!list.some((h) => h.column === hit.column && h.preset === hit.preset)) list.push(hit);
    table.set(key, list);
  };
  for (const c of COLUMNS[kind]) add(c, { column: c, preset: 'canonical' });
  const addAliases = (aliases: Aliases | undefined, preset: PresetId): void => {
    for (const [column, names] of Object.entries(aliases ?? {}))
      for (const n of names as readonly string[])
        if ((COLUMNS[kind] as readonly string[]).includes(column)) add(n, { column: column as CanonicalColumn, preset });
  };
  for (const [preset, byKind] of Object.entries(PRESETS)) {
    addAliases(byKind[kind], preset as PresetId);
    addAliases(byKind.all, preset as PresetId);
  }
  addAliases(GENERIC[kind], 'canonical');
  addAliases(GENERIC.all, 'canonical');
  return table;
}

const TABLES = new Map<ImportKind, Map<string, AliasHit[]>>(IMPORT_KINDS.map((k) => [k, buildTable(k)]));

export interface ColumnMapping {
  kind: ImportKind;
  /** Per header position: the canonical column it feeds, or undefined (ignored). */
  columns: (CanonicalColumn | undefined)[];
  /** Required columns not found. */
  missing: CanonicalColumn[];
  /** Headers that feed nothing (reported). */
  unknown: string[];
  /** The CRM whose export headers matched best, or `canonical`. */
  preset: PresetId;
}

/**
 * Map headers onto one kind's canonical columns. `explicit` (source header → canonical
 * column, `''` = ignore) wins over aliases; each canonical column is fed by its first header.
 */
export function mapHeaders(headers: readonly string[], kind: ImportKind, explicit?: Record<string, string>): ColumnMapping {
  const table = TABLES.get(kind)!;
  const explicitNorm = new Map<string, string>();
  for (const [h, c] of Object.entries(explicit ?? {})) explicitNorm.set(normaliseHeader(h), c);
  const votes = new Map<PresetId, number>();
  const used = new Set<CanonicalColumn>();
  const columns: (CanonicalColumn | undefined)[] = [];
  const unknown: string[] = [];
  const valid = COLUMNS[kind] as readonly string[];
  // Pass 1: explicit mappings claim their columns first.
  const fromExplicit = headers.map((h) => {
    const e = explicitNorm.get(normaliseHeader(h));
    if (e === undefined) return undefined;
    if (e === '' || !valid.includes(e)) return null;
    return e as CanonicalColumn;
  });
  for (const c of fromExplicit) if (c) used.add(c);
  headers.forEach((h, i) => {
    const e = fromExplicit[i];
    if (e !== undefined) {
      columns.push(e ?? undefined);
      if (e === null) unknown.push(h);
      return;
    }
    const hits = table.get(normaliseHeader(h)) ?? [];
    const hit = hits.find((x) => !used.has(x.column));
    if (!hit) {
      columns.push(undefined);
      if (h.trim() !== '' || hits.length) unknown.push(h);
      return;
    }
    used.add(hit.column);
    columns.push(hit.column);
    // Only CRM-specific header names vote for a preset (canonical and generic names don't).
    const same = hits.filter((x) => x.column === hit.column);
    if (!same.some((x) => x.preset === 'canonical')) for (const x of same) votes.set(x.preset, (votes.get(x.preset) ?? 0) + 1);
  });
  let preset: PresetId = 'canonical';
  let best = 0;
  for (const [p, v] of votes)
    if (v > best) {
      preset = p;
      best = v;
    }
  return { kind, columns, missing: REQUIRED[kind].filter((c) => !used.has(c)), unknown, preset };
}

/** Which kind a header row describes: complete kinds first, then most columns mapped. */
export function detectKind(headers: readonly string[], explicit?: Record<string, string>): ColumnMapping {
  // Ties go to the most common export first.
  const order: ImportKind[] = ['transactions', 'customers', 'interactions', 'feedback'];
  const candidates = order.map((k) => mapHeaders(headers, k, explicit));
  const mapped = (m: ColumnMapping): number => m.columns.filter(Boolean).length;
  const score = (m: ColumnMapping): number => (m.missing.length === 0 ? 10_000 : 0) + (REQUIRED[m.kind].length - m.missing.length) * 100 + mapped(m);
  let best = candidates[0]!;
  for (const c of candidates.slice(1)) if (score(c) > score(best)) best = c;
  return best;
}
