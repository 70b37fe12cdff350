/**
 * Sample data on every page: whether the sample is loaded (the meta mark), the "Sample data"
 * badge, and the load / remove controls — each asks first and says what it does.
 */
import { useState, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { openReadDb } from '../../lib/db/read-db';
import { sampleRepo, type SampleMark } from '../../lib/db/repos/sample';
import { dataRepo } from '../../lib/db/repos/data';
import { firstrun } from '../../lib/i18n/catalogs/firstrun';
import { send } from '../../lib/messaging/client';
import { SAMPLE_GENERATED, SAMPLE_STORIES } from '../../lib/sample/size';
import { Button } from './Button';
import { useErrorText, useT } from './i18n';

/** The sample mark; undefined while reading, null when no sample is loaded. */
export function useSampleMark(): SampleMark | null | undefined {
  return useLiveQuery(async () => (await sampleRepo(openReadDb()).mark()) ?? null, []);
}

/** "Sample data" when the sample is loaded; nothing otherwise. */
export function SampleBadge(): JSX.Element | null {
  const t = useT(firstrun);
  const mark = useSampleMark();
  if (!mark) return null;
  return (
    <span className="r-badge r-badge--sample" data-rapport-sample="" title={t('sample.badgeTitle')}>
      {t('sample.badge')}
    </span>
  );
}

type Step = { kind: 'idle' } | { kind: 'confirm-load'; customers: number } | { kind: 'confirm-remove' } | { kind: 'busy' };

export interface SampleDataControlsProps {
  /** Called after the sample is loaded (e.g. the welcome page moves on). */
  onLoaded?: () => void;
}

/** "Load sample data" (asks, saying what it loads and what it replaces) or, once loaded, "Remove sample data" (asks). */
export function SampleDataControls({ onLoaded }: SampleDataControlsProps): JSX.Element {
  const t = useT(firstrun);
  const errorText = useErrorText();
  const mark = useSampleMark();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [message, setMessage] = useState<{ text: string; error?: boolean; kind: string }>();
  const what = t('sample.what', { count: SAMPLE_GENERATED + SAMPLE_STORIES, generated: SAMPLE_GENERATED });

  const askLoad = async (): Promise<void> => {
    setMessage(undefined);
    const counts = await dataRepo(openReadDb()).counts();
    setStep({ kind: 'confirm-load', customers: counts.customers });
  };
  const load = async (): Promise<void> => {
    setStep({ kind: 'busy' });
    setMessage({ text: t('sample.loading'), kind: 'loading' });
    try {
      const r = await send('loadSampleData', {});
      setMessage({ text: t('sample.loaded', { count: r.customers }), kind: 'sample' });
      onLoaded?.();
    } catch (e) {
      setMessage({ text: t('sample.error', { message: errorText(e) }), error: true, kind: 'error' });
    }
    setStep({ kind: 'idle' });
  };
  const remove = async (): Promise<void> => {
    setStep({ kind: 'busy' });
    try {
      const r = await send('removeSampleData', {});
      setMessage({ text: t('sample.removed', { count: r.customers }), kind: 'sample-removed' });
    } catch (e) {
      setMessage({ text: t('sample.removeError', { message: errorText(e) }), error: true, kind: 'error' });
    }
    setStep({ kind: 'idle' });
  };

  const busy = step.kind === 'busy';
  return (
    <div className="r-sample" data-rapport-sample-controls={mark ? 'loaded' : 'none'}>
      {step.kind === 'confirm-load' ? (
        <div role="group" aria-label={t('sample.load')} className="r-confirm">
          <p>{what}</p>
          {step.customers > 0 ? <p className="r-warn">{t('sample.replaceWarning', { count: step.customers })}</p> : null}
          <div className="r-row">
            <Button variant="primary" onClick={() => void load()}>
              {t('sample.confirm')}
            </Button>
            <Button onClick={() => setStep({ kind: 'idle' })}>{t('sample.cancel')}</Button>
          </div>
        </div>
      ) : step.kind === 'confirm-remove' ? (
        <div role="group" aria-label={t('sample.remove')} className="r-confirm">
          <p>{t('sample.removeText')}</p>
          <div className="r-row">
            <Button variant="danger" onClick={() => void remove()}>
              {t('sample.removeConfirm')}
            </Button>
            <Button onClick={() => setStep({ kind: 'idle' })}>{t('sample.cancel')}</Button>
          </div>
        </div>
      ) : (
        <div className="r-row">
          <Button disabled={busy || mark === undefined} onClick={() => void askLoad()} aria-describedby="r-sample-what">
            {t('sample.load')}
          </Button>
          {mark ? (
            <Button variant="danger" disabled={busy} onClick={() => setStep({ kind: 'confirm-remove' })}>
              {t('sample.remove')}
            </Button>
          ) : null}
          {mark ? <SampleBadge /> : null}
        </div>
      )}
      {step.kind !== 'confirm-load' ? (
        <p id="r-sample-what" className="r-hint">
          {what}
        </p>
      ) : null}
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'r-error' : undefined} data-sample-message={message.kind}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
