/** Why the next action ranks where it does: its priority and the factors it is the product of, in words. */
import type { JSX } from 'react';
import type { RankWhy as Why } from '../../lib/sidepanel/score-change';
import { whyParts } from '../../lib/sidepanel/score-change';
import { formatNumber } from '../../lib/sidepanel/format';
import { useLocale } from '../common';
import { useSpT } from './i18n';

export function RankWhy({ why }: { why: Why }): JSX.Element {
  const t = useSpT();
  const locale = useLocale();
  const { parts, priority } = whyParts(why);
  const n = (v: number): string => formatNumber(v, locale, 2);
  return (
    <div data-rapport-why={priority}>
      <h5 className="sp-h5">{t('sidepanel.rank.heading')}</h5>
      <p className="sp-muted">{t('sidepanel.rank.priority', { priority: n(priority) })}</p>
      <ul className="sp-plain">
        {parts.map((p) => (
          <li key={p.key} data-rapport-why-part={p.key}>
            {p.key === 'floor' ? t('sidepanel.rank.floor') : t(`sidepanel.rank.${p.key}`, { value: n(p.value) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
