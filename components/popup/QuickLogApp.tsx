/**
 * The popup: finds the customer of the active CRM tab, restores the draft, validates and
 * saves through the background, then shows the customer's new tier / risk / next action.
 * Keyboard: focus starts in Summary when the customer is known (else in Customer),
 * Ctrl/⌘+Enter saves from anywhere, Esc closes.
 */
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import type { CustomerSummary, Results } from '../../lib/messaging/protocol';
import type { RecordRef } from '../../lib/crm/types';
import { popup } from '../../lib/i18n/catalogs/popup';
import { draftKey, latestDraft, loadDraft, type QuickLogDraft } from '../../lib/popup/draft';
import { DraftWriter } from '../../lib/popup/draft-writer';
import { FIELD_FOCUS_ORDER, quickLogField, type QuickLogField } from '../../lib/popup/field-errors';
import { toAppError } from '../../lib/messaging/errors';
import { neverLogHit } from '../../lib/privacy/never-log';
import { emptyDraft, toPayload, validateDraft } from '../../lib/popup/quicklog-form';
import type { PopupContext, PopupServices } from '../../lib/popup/popup-services';
import { RiskChip, TierChip, useErrorText, useSettings, useT } from '../common';
import { QuickLogForm } from './QuickLogForm';
import { SavedPanel } from './SavedPanel';
import { NoCustomerHere } from './NoCustomerHere';
import { FormBanners } from './FormBanners';
import { useCustomerDetails } from './useCustomerDetails';
import { useEscapeToClose } from './useEscapeToClose';
import { NoCustomersYet } from '../common/EmptyState';
import './popup.css';

export interface QuickLogAppProps {
  services: PopupServices;
  /** Today in the user's time zone (the entry passes `today()`). */
  asOf: string;
  /** Delay before a draft change is stored (tests pass 0). */
  draftDelayMs?: number;
}

type Saved = { customerId: string; customerName: string; result: Results['logInteraction']; draft: QuickLogDraft };

export function QuickLogApp({ services, asOf, draftDelayMs = 120 }: QuickLogAppProps): JSX.Element {
  const t = useT(popup);
  const errorText = useErrorText();
  const settings = useSettings();
  const [ctx, setCtx] = useState<PopupContext | null>(null);
  const [draft, setDraft] = useState<QuickLogDraft>(() => emptyDraft());
  const [restored, setRestored] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<QuickLogField, string>>>({});
  const [general, setGeneral] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [undoing, setUndoing] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const customerRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLTextAreaElement>(null);
  const editedSinceLoad = useRef(false);
  const [drafts] = useState(() => new DraftWriter(draftDelayMs));

  /** The draft as typed now (a failed save stores what was typed while it ran). */
  const latest = useRef(draft);
  latest.current = draft;

  const customer: CustomerSummary | null = draft.customerId ? { id: draft.customerId, name: draft.customerName ?? draft.customerId } : null;

  // Open: which customer, and is there a draft to resume?
  useEffect(() => {
    let live = true;
    void (async () => {
      const c = await services.resolveContext().catch((): PopupContext => ({ record: null, customer: null, candidates: [], emptyBook: false }));
      const found = c.customer ? await loadDraft(draftKey(c.customer.id)) : ((await latestDraft())?.draft ?? null);
      if (!live) return;
      setCtx(c);
      if (found) {
        setDraft(c.customer ? { ...found, customerId: c.customer.id, customerName: c.customer.name } : found);
        setRestored(true);
      } else if (c.customer) setDraft(emptyDraft(c.customer));
      drafts.adopt(found ? draftKey(c.customer?.id ?? found.customerId) : null);
    })();
    return () => {
      live = false;
    };
  }, [services, drafts]);

  // Focus where typing starts.
  useEffect(() => {
    if (!ctx || saved) return;
    (draft.customerId ? summaryRef.current : customerRef.current)?.focus();
    // Only when the form (re)appears, not on every keystroke: no draft in the deps.
  }, [ctx, saved]);

  const details = useCustomerDetails(services, draft.customerId);

  // Drafts survive the popup closing (the writer ignores edits while a save is under way).
  useEffect(() => {
    if (ctx && !saved && editedSinceLoad.current) drafts.schedule(draftKey(draft.customerId), draft);
  }, [draft, ctx, saved, drafts]);
  useEffect(() => () => drafts.dispose(), [drafts]);

  const change = useCallback((patch: Partial<QuickLogDraft>) => {
    editedSinceLoad.current = true;
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k as QuickLogField];
      if ('customerId' in patch) delete next.customerId;
      if ('feedbackScore' in patch || 'feedbackKind' in patch) delete next['feedback.score'];
      return next;
    });
    setGeneral(undefined);
  }, []);

  const onCustomer = useCallback(
    (c: CustomerSummary | null) => {
      if (c) {
        change({ customerId: c.id, customerName: c.name });
        // Resume that customer's own draft when nothing was typed yet.
        void loadDraft(draftKey(c.id)).then((d) => {
          if (d) setDraft((cur) => (cur.summary.trim() || cur.contact.trim() || cur.nextStep.trim() ? cur : { ...d, customerId: c.id, customerName: c.name }));
        });
        summaryRef.current?.focus();
      } else change({ customerId: undefined, customerName: undefined });
    },
    [change],
  );

  const date = draft.date ?? asOf;

  const save = async (): Promise<void> => {
    if (saving) return;
    const invalid = validateDraft(draft, date, asOf);
    const fields = Object.keys(invalid) as QuickLogField[];
    if (fields.length) {
      setErrors(Object.fromEntries(fields.map((f) => [f, t(invalid[f]!)])));
      setGeneral(t('popup.error.fix'));
      const first = FIELD_FOCUS_ORDER.find((f) => invalid[f]);
      if (first === 'customerId') customerRef.current?.focus();
      else if (first === 'summary') summaryRef.current?.focus();
      return;
    }
    if (details) {
      const hit = neverLogHit(settings.neverLog, {
        customerId: details.customer.id,
        domain: details.customer.domain,
        emails: details.customer.emails,
        contact: draft.contact,
      });
      if (hit) {
        setGeneral(t('popup.error.neverLog', { name: details.customer.name, entry: hit }));
        return;
      }
    }
    setSaving(true);
    // No draft write may land after the save: the pending one is dropped, one in flight ends first.
    await drafts.seal();
    try {
      const result = await services.log(toPayload(draft, date));
      await drafts.clear(draftKey(draft.customerId));
      setSaved({ customerId: draft.customerId!, customerName: draft.customerName ?? draft.customerId!, result, draft });
      setNotice(undefined);
    } catch (e) {
      drafts.reopen();
      if (editedSinceLoad.current) drafts.schedule(draftKey(latest.current.customerId), latest.current);
      const message = errorText(e);
      const field = quickLogField(toAppError(e).field);
      if (field) setErrors({ [field]: message });
      setGeneral(t('popup.error.save', { message }));
    } finally {
      setSaving(false);
    }
  };

  const [tracking, setTracking] = useState(false);
  const track = async (record: RecordRef): Promise<void> => {
    setTracking(true);
    try {
      const c = await services.track(record);
      setCtx((cur) => (cur ? { ...cur, customer: c, candidates: [] } : cur));
      onCustomer(c);
    } catch (e) {
      setGeneral(t('popup.error.save', { message: errorText(e) }));
    } finally {
      setTracking(false);
    }
  };

  const another = (): void => {
    drafts.reopen();
    setSaved(null);
    setRestored(false);
    editedSinceLoad.current = false;
    setDraft(emptyDraft(customer ?? undefined));
    setErrors({});
    setGeneral(undefined);
  };

  const undo = async (): Promise<void> => {
    if (!saved) return;
    setUndoing(true);
    try {
      await services.undo({ interactionId: saved.result.interactionId, ...(saved.result.feedbackId ? { feedbackId: saved.result.feedbackId } : {}) });
      // Back to the form with what was typed, so it can be corrected and saved again.
      editedSinceLoad.current = true;
      drafts.reopen();
      setDraft({ ...saved.draft });
      setSaved(null);
      setNotice(t('popup.saved.undone'));
    } catch (e) {
      setGeneral(t('popup.error.save', { message: errorText(e) }));
    } finally {
      setUndoing(false);
    }
  };

  useEscapeToClose(services.close);

  if (!ctx)
    return (
      <main className="r-popup" aria-busy="true">
        <p className="r-hint">{t('popup.loading')}</p>
      </main>
    );

  const record = ctx.record;
  const customerHint =
    record && ctx.customer && draft.customerId === ctx.customer.id
      ? t('popup.customer.fromTab', { crm: t(`popup.crm.${record.crm}`) })
      : record && !ctx.customer
        ? t('popup.customer.unknown', { name: record.name ?? record.recordId, crm: t(`popup.crm.${record.crm}`) })
        : undefined;

  return (
    <main className="r-popup">
      <header className="r-popup-header">
        <h1>{t('popup.title')}</h1>
        {!saved && details?.score ? (
          <span className="r-popup-score">
            <TierChip tier={details.score.tier} />
            <RiskChip risk={details.score.risk} score={details.score.riskScore} />
          </span>
        ) : null}
      </header>
      {saved ? (
        <SavedPanel
          customerId={saved.customerId}
          customerName={saved.customerName}
          result={saved.result}
          onAnother={another}
          onUndo={() => void undo()}
          onClose={services.close}
          undoing={undoing}
          error={general}
        />
      ) : (
        <>
          {ctx.emptyBook ? (
            <NoCustomersYet />
          ) : !record && !draft.customerId ? (
            <NoCustomerHere onFind={() => customerRef.current?.focus()} onClose={services.close} />
          ) : null}
          <FormBanners
            trackName={record && !ctx.customer && !draft.customerId ? (record.name ?? record.recordId) : undefined}
            tracking={tracking}
            onTrack={() => record && void track(record)}
            restored={restored}
            onDiscard={() => {
              void drafts.clear(draftKey(draft.customerId));
              editedSinceLoad.current = false;
              setDraft(emptyDraft(customer ?? undefined));
              setRestored(false);
            }}
            notice={notice}
            general={general}
          />
          {ctx.emptyBook && !record && !draft.customerId ? null : (
            <QuickLogForm
              draft={draft}
              date={date}
              asOf={asOf}
              customer={customer}
              customerHint={customerHint}
              initialOptions={ctx.candidates}
              initialQuery={record && !ctx.customer ? record.name : undefined}
              contacts={details?.contacts ?? []}
              errors={errors}
              saving={saving}
              search={services.search}
              onChange={change}
              onCustomer={onCustomer}
              onSave={() => void save()}
              customerRef={customerRef}
              summaryRef={summaryRef}
            />
          )}
        </>
      )}
    </main>
  );
}
