/**
 * Fxiaoke 纷享销客, the extension side (lib/crm/types.ts CrmBook): name, tenants, record links, export headers
 * (import preset), the sample book's record ids and the demo tenant. Never in the content script.
 */
import { fxiaokeBase, fxiaokeRecordUrl, fxiaokeTenant } from './urls';
import type { CrmBook } from '../types';

export const fxiaokeBook: CrmBook = {
  name: 'Fxiaoke 纷享销客',
  tenantOf: fxiaokeTenant,
  learnBase: fxiaokeBase,
  recordUrl: fxiaokeRecordUrl,
  importPreset: {
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
  sample: {
    stories: {
      'C-1001': 'a5f55b8f35966f8b04a332d2',
      'C-1002': 'beeec826be9945ba882c0dff',
      'C-1003': '21f8be6d1b6c12def7e36a42',
      'C-1004': 'c628ee648b50afa31ce79159',
      'C-1005': '131a4a1ecc7030c0ce6b6e79',
      'C-1006': '0abc40bd73b748191d23774f',
    },
    unknown: '9e0d3c1a00004f1e9a9a9999',
    recordId: (_index, draw) => draw('0123456789abcdef', 24),
  },
  demoListUrl: 'https://www.fxiaoke.com/XV/UI/Home#paasapp/list/=/appId_CRM/AccountObj',
};
