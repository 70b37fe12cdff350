import { describe, expect, it } from 'vitest';
import { CodedError, toAppError } from '../../../lib/messaging/errors';
import { ERROR_CODES } from '../../../lib/messaging/error-codes';
import { MessagingError } from '../../../lib/messaging/client';
import { errors } from '../../../lib/i18n/catalogs/errors';
import { errorText } from '../../../lib/i18n/errors';

describe('error codes', () => {
  it('every code has a sentence in English and 简体中文, and the catalog has nothing else', () => {
    expect(Object.keys(errors.en).sort()).toEqual(ERROR_CODES.map((c) => `error.${c}`).sort());
  });

  it('the Chinese sentences hold no English words (only Rapport’s name, file formats and placeholders)', () => {
    for (const [key, zh] of Object.entries(errors.zh_CN)) {
      const rest = zh.replace(/\{\w+\}/g, '').replace(/Rapport|CRM|Excel|JSON|yyyy-mm-dd|\d+\/\d+\/\d+/g, '');
      expect(rest, key).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('translates what a page catches: coded errors, MessagingErrors, plain AppErrors; anything else is `internal`', () => {
    const unknown = new CodedError('customer.unknown', { customerId: 'C9' }, 'customerId');
    expect(errorText(unknown, 'en')).toBe('There is no customer “C9”; pick one from the list or track the CRM record first.');
    expect(errorText(new MessagingError(unknown.error), 'zh_CN')).toBe('没有客户“C9”；请从列表中选择，或先跟踪该 CRM 记录。');
    expect(errorText({ code: 'value.too-big', params: { max: 23 } }, 'zh_CN')).toBe('不能大于 23。');
    expect(errorText(new Error('IndexedDB exploded'), 'zh_CN')).toBe(errors.zh_CN['error.internal']);
    expect(toAppError('a string')).toEqual({ code: 'internal' });
    expect(errorText({ code: 'from-a-newer-background' }, 'en')).toBe(errors.en['error.internal']);
  });
});
