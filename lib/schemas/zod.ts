/**
 * The one place zod is imported from. Extension pages run under a CSP that forbids
 * `eval`, so zod's JIT must be off before any schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
