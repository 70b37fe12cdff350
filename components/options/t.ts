/** The options page translator (options catalog + common names). */
import { useT } from '../common';
import { options } from '../../lib/i18n/catalogs/options';
import type { Translate } from '../../lib/i18n';

export type OptionsKey = keyof (typeof options)['en'];

export function useOptionsT(): Translate<OptionsKey> {
  return useT(options);
}
