import type { JSX } from 'react';
import type { CrmRef } from '../../lib/schemas/domain';
import { recordUrl } from '../../lib/sidepanel/crm-links';
import { CRM_NAMES } from '../options/crm-names';
import { useSidePanel } from './context';
import { useSpT } from './i18n';

/**
 * "Open in CRM" links for a customer's CRM records — only where a correct URL can be built
 * (see lib/sidepanel/crm-links.ts); nothing otherwise. Account records first.
 */
export function CrmLinks({ refs, name, compact = false }: { refs: readonly CrmRef[]; name: string; compact?: boolean }): JSX.Element | null {
  const t = useSpT();
  const { crmBases } = useSidePanel();
  const links = [...refs]
    .sort((a, b) => Number(b.objectType === 'account') - Number(a.objectType === 'account'))
    .map((ref) => ({ ref, url: recordUrl(ref, crmBases) }))
    .filter((l): l is { ref: CrmRef; url: string } => l.url !== null)
    .filter((l, i, all) => all.findIndex((x) => x.ref.crm === l.ref.crm) === i);
  if (!links.length) return null;
  return (
    <span className="sp-crm-links">
      {links.map(({ ref, url }) => (
        <a
          key={`${ref.crm}:${ref.id}`}
          href={url}
          target="_blank"
          rel="noreferrer noopener"
          className="sp-link"
          aria-label={t('sidepanel.today.openInCrmLabel', { name, crm: CRM_NAMES[ref.crm] })}
        >
          {compact ? CRM_NAMES[ref.crm] : `${t('sidepanel.today.openInCrm')} · ${CRM_NAMES[ref.crm]}`} ↗
        </a>
      ))}
    </span>
  );
}
