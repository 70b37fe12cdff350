/**
 * The sample book's words — interaction notes, next steps, complaint texts, contact roles,
 * products and segments — in each language. Once loaded they are the user's own data (stored
 * text, exported as it is), so the sample is written in the language Rapport shows when it is
 * loaded, like the sample goal names (goal-titles.ts). Every list has the same length in every
 * language: the generator picks by position, so the book's numbers and dates do not depend on
 * the language. Names of companies and people are names and stay as they are.
 */
import type { Locale } from '../i18n';

export interface SampleTexts {
  notes: { positive: readonly string[]; neutral: readonly string[]; negative: readonly string[] };
  rolesDm: readonly string[];
  rolesOther: readonly string[];
  products: readonly string[];
  segments: readonly string[];
  keyAccounts: string;
  nextStep: string;
  complaint: { comment: string; call: string; fixed: string };
  stories: {
    roles: Record<'ceo' | 'vpOps' | 'buyer' | 'vpProcurement' | 'projectLead' | 'cto' | 'itManager' | 'coo' | 'procurementDirector' | 'cfo', string>;
    competitor: string;
    invoiceDispute: string;
    outage: string;
    escalated: string;
    serviceCredit: string;
    billedTwice: string;
    secondEscalation: string;
    signed: string;
    kickOff: string;
    singleThreaded: readonly [string, string, string];
    returned: string;
    restockingFee: string;
  };
}

const en: SampleTexts = {
  notes: {
    positive: [
      'Happy with delivery times',
      'Asked about expanding to a second site',
      'Renewal looks straightforward',
      'Praised the support team',
      'Very pleased with the new features',
    ],
    neutral: ['Quarterly check-in', 'Shared the new price list', 'Confirmed next delivery', 'Answered a billing question', 'Routine follow-up visit'],
    negative: [
      'Unhappy with the last delivery',
      'Escalated an invoice dispute',
      'Mentioned a competitor offer',
      'Support ticket open too long',
      'Unhappy with our response times',
    ],
  },
  rolesDm: ['CEO', 'VP Operations', 'Head of Procurement', 'CFO', 'Managing Director'],
  rolesOther: ['Buyer', 'Operations Manager', 'Project Lead', 'IT Manager', 'Office Manager', 'Analyst'],
  products: ['Platform licence', 'Support plan', 'Implementation', 'Training', 'Hardware kit', 'Consumables', 'Add-on module'],
  segments: ['Manufacturing', 'Healthcare', 'Retail', 'Technology', 'Logistics', 'Energy', 'Public sector'],
  keyAccounts: 'Key accounts',
  nextStep: 'Send proposal',
  complaint: { comment: 'Late delivery and no update from support', call: 'Complaint about a late delivery', fixed: 'Delivery fixed, customer thanked us' },
  stories: {
    roles: {
      ceo: 'CEO',
      vpOps: 'VP Operations',
      buyer: 'Buyer',
      vpProcurement: 'VP Procurement',
      projectLead: 'Project Lead',
      cto: 'CTO',
      itManager: 'IT Manager',
      coo: 'COO',
      procurementDirector: 'Procurement Director',
      cfo: 'CFO',
    },
    competitor: 'Mentioned a competitor offer',
    invoiceDispute: 'Invoice dispute: billed twice',
    outage: 'Outage not resolved for three days',
    escalated: 'Escalated: threatens to review the contract',
    serviceCredit: 'Asked for a service credit',
    billedTwice: 'Billed twice for the same order',
    secondEscalation: 'Second escalation, still no root cause',
    signed: 'Signed the first order',
    kickOff: 'Kick-off call scheduled',
    singleThreaded: ['Routine follow-up visit', 'Confirmed next quarter’s order', 'Very pleased with the new features'],
    returned: 'Returned goods, asked for credit',
    restockingFee: 'Disputes the restocking fee',
  },
};

const zh_CN: SampleTexts = {
  notes: {
    positive: ['对交付时间很满意', '询问扩展到第二个厂区', '续约看起来很顺利', '称赞了支持团队', '对新功能很满意'],
    neutral: ['季度例行沟通', '发送了新价目表', '确认了下次交付', '解答了账单问题', '例行回访'],
    negative: ['对上次交付不满意', '升级了发票争议', '提到竞争对手的报价', '支持工单拖得太久', '对响应速度不满'],
  },
  rolesDm: ['首席执行官', '运营副总裁', '采购负责人', '首席财务官', '总经理'],
  rolesOther: ['采购员', '运营经理', '项目负责人', '信息部经理', '行政经理', '分析师'],
  products: ['平台许可', '支持服务', '实施服务', '培训', '硬件套件', '耗材', '附加模块'],
  segments: ['制造业', '医疗', '零售', '科技', '物流', '能源', '公共部门'],
  keyAccounts: '重点客户',
  nextStep: '发送方案',
  complaint: { comment: '交付延迟，客服没有任何进展通知', call: '投诉交付延迟', fixed: '交付问题已解决，客户表示感谢' },
  stories: {
    roles: {
      ceo: '首席执行官',
      vpOps: '运营副总裁',
      buyer: '采购员',
      vpProcurement: '采购副总裁',
      projectLead: '项目负责人',
      cto: '首席技术官',
      itManager: '信息部经理',
      coo: '首席运营官',
      procurementDirector: '采购总监',
      cfo: '首席财务官',
    },
    competitor: '提到竞争对手的报价',
    invoiceDispute: '发票争议：重复开票',
    outage: '故障三天仍未解决',
    escalated: '已升级：威胁重新评估合同',
    serviceCredit: '要求服务赔偿',
    billedTwice: '同一订单被重复收费',
    secondEscalation: '第二次升级，仍未找到根本原因',
    signed: '签下第一笔订单',
    kickOff: '已安排启动会议',
    singleThreaded: ['例行回访', '确认下季度订单', '对新功能很满意'],
    returned: '退货并要求退款',
    restockingFee: '对重新入库费有异议',
  },
};

export const SAMPLE_TEXTS: Record<Locale, SampleTexts> = { en, zh_CN };
