import type { Translate } from '../../lib/i18n';
import { sidepanel } from '../../lib/i18n/catalogs/sidepanel';
import { useT } from '../shared';

export type SidePanelKey = keyof (typeof sidepanel)['en'];

/** The side panel's translator. */
export function useSpT(): Translate<SidePanelKey> {
  return useT(sidepanel);
}
