import { defineContentScript } from 'wxt/utils/define-content-script';
import { CRM_MATCHES } from '../../lib/crm/matches';

export default defineContentScript({
  matches: [...CRM_MATCHES],
  runAt: 'document_idle',
  main() {
    // The overlay runtime is wired here by lib/overlay (issue: CRM overlay).
  },
});
