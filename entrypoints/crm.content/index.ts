import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_EXCLUDE_MATCHES, CONTENT_INCLUDE_GLOBS, CONTENT_MATCHES } from '../../lib/overlay/matches';
import { startOverlay } from '../../lib/overlay/runtime';

export default defineContentScript({
  matches: [...CONTENT_MATCHES],
  includeGlobs: [...CONTENT_INCLUDE_GLOBS],
  excludeMatches: [...CONTENT_EXCLUDE_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    startOverlay(ctx);
  },
});
