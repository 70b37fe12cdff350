/**
 * web-ext lint warnings that come from bundled libraries and cannot be fixed in our code. Each
 * is answered in docs/store-listing.md ("web-ext lint warnings") under its id, and recognised by
 * the warning's code plus patterns in the bundled code around the reported position.
 */
export interface ExplainedWarning {
  id: string;
  code: string;
  around: RegExp[];
}

export const EXPLAINED: readonly ExplainedWarning[] = [
  // zod probes whether `new Function` works before compiling validators; we set jitless (lib/schemas/zod.ts), so the probe never runs.
  { id: 'zod-jit-probe', code: 'DANGEROUS_EVAL', around: [/jitless/, /Function\(\s*(``|''|"")\s*\)/] },
  // @stdlib's generator-support check (via gammaincinv): eval of a constant string, inside try/catch; extension CSP blocks it.
  { id: 'stdlib-generator-probe', code: 'DANGEROUS_EVAL', around: [/exports\s*=\s*eval\b/] },
  // React DOM's dangerouslySetInnerHTML branch; Rapport never passes dangerouslySetInnerHTML (lint forbids innerHTML).
  { id: 'react-dangerously-set-inner-html', code: 'UNSAFE_VAR_ASSIGNMENT', around: [/dangerouslySetInnerHTML/, /__html/, /\.innerHTML\s*=/] },
];
