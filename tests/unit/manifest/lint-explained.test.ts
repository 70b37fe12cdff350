import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPLAINED } from '../../../scripts/lint-firefox/explained';

const doc = readFileSync(new URL('../../../docs/store-listing.md', import.meta.url), 'utf8');
const matches = (code: string, text: string): string | undefined => EXPLAINED.find((x) => x.code === code && x.around.every((re) => re.test(text)))?.id;

describe('web-ext lint warnings we accept', () => {
  it('each is answered in docs/store-listing.md under its id', () => {
    expect(EXPLAINED.length).toBeGreaterThan(0);
    for (const { id } of EXPLAINED) expect(doc).toContain(`(\`${id}\`)`);
  });

  it('recognises the bundled libraries’ code (as minified in the Firefox build)', () => {
    expect(matches('DANGEROUS_EVAL', 'let Un=Dn(()=>{if(Lr.jitless||typeof navigator<`u`)return!1;try{return Function(``),!0}catch{return!1}});')).toBe(
      'zod-jit-probe',
    );
    expect(matches('DANGEROUS_EVAL', 'Pa=h(((e,t)=>{t.exports=eval})),Fa=h(((e,t)=>{var n=Pa();')).toBe('stdlib-generator-probe');
    expect(
      matches(
        'UNSAFE_VAR_ASSIGNMENT',
        'case`dangerouslySetInnerHTML`:if(r!=null){if(n=r.__html,n!=null){if(a.children!=null)throw Error(i(60));o?.__html!==n&&(e.innerHTML=n)}}',
      ),
    ).toBe('react-dangerously-set-inner-html');
  });

  it('does not excuse code of our own', () => {
    expect(matches('UNSAFE_VAR_ASSIGNMENT', 'card.innerHTML=customer.name')).toBeUndefined();
    expect(matches('DANGEROUS_EVAL', 'const f=new Function("return "+row.formula)')).toBeUndefined();
    expect(matches('DANGEROUS_EVAL', 'eval(cell)')).toBeUndefined();
  });
});
