import { mergeCatalogs, type Translate } from '../../lib/i18n';
import { sidepanel } from '../../lib/i18n/catalogs/sidepanel';
import { sidepanelPlan } from '../../lib/i18n/catalogs/sidepanel-plan';
import { sidepanelProof } from '../../lib/i18n/catalogs/sidepanel-proof';
import { sidepanelCustomer } from '../../lib/i18n/catalogs/sidepanel-customer';
import { sidepanelGoals } from '../../lib/i18n/catalogs/sidepanel-goals';
import { useT } from '../common';

/** Every side panel string (the catalogs are split by area to stay readable). */
const catalog = mergeCatalogs(mergeCatalogs(mergeCatalogs(mergeCatalogs(sidepanel, sidepanelGoals), sidepanelPlan), sidepanelProof), sidepanelCustomer);

export type SidePanelKey = keyof (typeof catalog)['en'];

/** The side panel's translator. */
export function useSpT(): Translate<SidePanelKey> {
  return useT(catalog);
}
