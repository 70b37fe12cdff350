/** The column-mapping step for files whose headers Rapport doesn't recognise, with a preview. */
import { useMemo, useState, type JSX } from 'react';
import { COLUMNS, IMPORT_KINDS, mapHeaders, type ImportKind } from '../../lib/import/columns';
import type { FileInspection } from '../../lib/import/inspect';
import { columns } from '../../lib/i18n/catalogs/columns';
import { Button, useT } from '../common';
import { useOptionsT } from './t';

export interface MappingStepProps {
  fileName: string;
  inspection: FileInspection;
  onStart: (kind: ImportKind, mapping: Record<string, string>) => void;
  onDiscard: () => void;
}

export function MappingStep({ fileName, inspection, onStart, onDiscard }: MappingStepProps): JSX.Element {
  const t = useOptionsT();
  const tc = useT(columns);
  const [kind, setKind] = useState<ImportKind>(inspection.mapping.kind);
  const initial = (k: ImportKind): Record<string, string> => {
    const m = mapHeaders(inspection.headers, k);
    return Object.fromEntries(inspection.headers.map((h, i) => [h, m.columns[i] ?? '']));
  };
  const [mapping, setMapping] = useState<Record<string, string>>(() => initial(inspection.mapping.kind));
  const result = useMemo(() => mapHeaders(inspection.headers, kind, mapping), [inspection.headers, kind, mapping]);
  const kindId = `kind-${fileName}`;
  return (
    <section className="o-mapping" aria-label={t('options.import.mapping.heading', { name: fileName })}>
      <h3>{t('options.import.mapping.heading', { name: fileName })}</h3>
      <p>{t('options.import.mapping.intro')}</p>
      <label htmlFor={kindId}>{t('options.import.mapping.kind')}</label>{' '}
      <select
        id={kindId}
        value={kind}
        onChange={(e) => {
          const k = e.target.value as ImportKind;
          setKind(k);
          setMapping(initial(k));
        }}
      >
        {IMPORT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`options.import.kind.${k}`)}
          </option>
        ))}
      </select>
      <div className="o-mapping-grid">
        {inspection.headers.map((h, i) => {
          const id = `map-${fileName}-${i}`;
          return (
            <div key={`${h}-${i}`} className="o-mapping-row">
              <label htmlFor={id}>{t('options.import.mapping.column', { header: h })}</label>
              <select id={id} value={mapping[h] ?? ''} onChange={(e) => setMapping((m) => ({ ...m, [h]: e.target.value }))}>
                <option value="">{t('options.import.mapping.ignore')}</option>
                {COLUMNS[kind].map((c) => (
                  <option key={c} value={c}>
                    {tc('column.option', { label: tc(`column.${c}`), column: c })}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      {result.missing.length ? (
        <p className="o-warn" role="status">
          {t('options.import.mapping.missing', { columns: result.missing.map((c) => tc(`column.${c}`)).join(', ') })}
        </p>
      ) : null}
      <table className="o-table">
        <caption>{t('options.import.mapping.preview')}</caption>
        <thead>
          <tr>
            {inspection.headers.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {inspection.preview.map((row, r) => (
            <tr key={r}>
              {inspection.headers.map((_, c) => (
                <td key={c}>{row[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="o-actions">
        <Button variant="primary" disabled={result.missing.length > 0} onClick={() => onStart(kind, mapping)}>
          {t('options.import.mapping.start')}
        </Button>
        <Button onClick={onDiscard}>{t('options.import.mapping.discard')}</Button>
      </div>
    </section>
  );
}
