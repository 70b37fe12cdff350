import { defineContentScript } from 'wxt/utils/define-content-script';
import { CRM_MATCHES } from '../../lib/crm/registry';
import { startOverlay } from '../../lib/overlay/runtime';

export default defineContentScript({
  matches: [...CRM_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    startOverlay(ctx);
  },
});
