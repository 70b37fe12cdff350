/**
 * A real import while the sample is loaded: before the files go in, ask whether to remove the
 * sample first (so the user's customers are not mixed with it) or import alongside it.
 */
import { useState, type JSX } from 'react';
import { firstrun } from '../../lib/i18n/catalogs/firstrun';
import { send } from '../../lib/messaging/client';
import { Button, useErrorText, useT } from '../common';
import { useSampleMark } from '../common/SampleData';

export interface SampleImportGate {
  /** Import these files now, or hold them until the user answers when the sample is loaded. */
  add: (files: FileList | File[]) => void;
  /** The question while files wait, else null. */
  question: JSX.Element | null;
}

export function useSampleImportGate(addFiles: (files: File[]) => void): SampleImportGate {
  const t = useT(firstrun);
  const errorText = useErrorText();
  const mark = useSampleMark();
  const [pending, setPending] = useState<File[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const add = (files: FileList | File[]): void => {
    const list = Array.from(files);
    if (mark) setPending(list);
    else addFiles(list);
  };
  const go = async (removeFirst: boolean): Promise<void> => {
    if (!pending) return;
    setError(undefined);
    if (removeFirst) {
      setBusy(true);
      try {
        await send('removeSampleData', {});
      } catch (e) {
        setError(t('sample.removeError', { message: errorText(e) }));
        return;
      } finally {
        setBusy(false);
      }
    }
    setPending(undefined);
    addFiles(pending);
  };

  const question = pending ? (
    <div className="o-unfinished" role="alertdialog" aria-labelledby="sample-import-question" data-sample-import-question="">
      <p id="sample-import-question">{t('sample.importQuestion')}</p>
      <div className="o-actions">
        <Button variant="primary" disabled={busy} onClick={() => void go(true)}>
          {t('sample.importRemove')}
        </Button>
        <Button disabled={busy} onClick={() => void go(false)}>
          {t('sample.importKeep')}
        </Button>
        <Button disabled={busy} onClick={() => setPending(undefined)}>
          {t('sample.cancel')}
        </Button>
      </div>
      {error ? <p role="alert">{error}</p> : null}
    </div>
  ) : null;
  return { add, question };
}
