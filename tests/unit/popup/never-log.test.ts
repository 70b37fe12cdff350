import { describe, expect, it } from 'vitest';
import { neverLogHit } from '../../../lib/privacy/never-log';

const globex = { customerId: 'C-1002', domain: 'globex.example', emails: ['ops@eu.globex.example'] };

describe('never-log list', () => {
  it.each([
    [['C-1002'], 'C-1002'],
    [[' c-1002 '], 'c-1002'],
    [['globex.example'], 'globex.example'],
    [['@globex.example'], '@globex.example'],
    [['eu.globex.example'], 'eu.globex.example'],
    [['ops@eu.globex.example'], 'ops@eu.globex.example'],
  ])('%j forbids logging for Globex', (list, hit) => {
    expect(neverLogHit(list, globex)).toBe(hit);
  });

  it.each([[[]], [['']], [['C-10']], [['lobex.example']], [['example']], [['someone@globex.example']]])('%j allows it', (list) => {
    expect(neverLogHit(list, globex)).toBeNull();
  });

  it('checks an email address typed as the contact', () => {
    expect(neverLogHit(['private.example'], { customerId: 'x', contact: 'Jo (jo@private.example)' })).toBe('private.example');
    expect(neverLogHit(['jo@private.example'], { customerId: 'x', contact: 'Jo' })).toBeNull();
  });
});
