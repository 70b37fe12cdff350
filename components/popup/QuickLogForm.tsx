/**
 * The quick-log form, controlled by a draft. Order follows how a rep recalls a conversation:
 * who, what happened, how (channel, mood, direction), with whom, when, what next, and an
 * optional score. Every control has a visible label; channel and sentiment take 1–6 / 1–3.
 */
import { useId, type JSX, type KeyboardEvent, type Ref } from 'react';
import type { Contact } from '../../lib/schemas/domain';
import { CHANNELS, DIRECTIONS, SENTIMENTS, type Channel, type Direction, type FeedbackKind, type Sentiment } from '../../lib/schemas/enums';
import type { CustomerSummary } from '../../lib/messaging/protocol';
import type { QuickLogDraft } from '../../lib/popup/draft';
import type { QuickLogField } from '../../lib/popup/field-errors';
import { popup } from '../../lib/i18n/catalogs/popup';
import { Button, Field, RadioGroup, useCommonT, useT } from '../common';
import { CustomerCombobox } from './CustomerCombobox';

export interface QuickLogFormProps {
  draft: QuickLogDraft;
  /** The date shown (the draft's, or today). */
  date: string;
  asOf: string;
  customer: CustomerSummary | null;
  customerHint?: string;
  initialOptions?: CustomerSummary[];
  initialQuery?: string;
  contacts: Contact[];
  errors: Partial<Record<QuickLogField, string>>;
  saving: boolean;
  search: (query: string, limit: number) => Promise<CustomerSummary[]>;
  onChange: (patch: Partial<QuickLogDraft>) => void;
  onCustomer: (c: CustomerSummary | null) => void;
  onSave: () => void;
  customerRef: Ref<HTMLInputElement>;
  summaryRef: Ref<HTMLTextAreaElement>;
}

const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function QuickLogForm(props: QuickLogFormProps): JSX.Element {
  const { draft, date, asOf, customer, contacts, errors, saving, onChange } = props;
  const t = useT(popup);
  const ct = useCommonT();
  const contactListId = useId();

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      props.onSave();
    }
  };

  const onContact = (value: string): void => {
    const known = contacts.find((c) => c.name === value || c.email === value);
    onChange(known?.isDecisionMaker ? { contact: value, contactIsDecisionMaker: true } : { contact: value });
  };

  return (
    <form
      className="r-quicklog"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
      }}
    >
      <CustomerCombobox
        label={t('popup.customer')}
        placeholder={t('popup.customer.placeholder')}
        listLabel={t('popup.customer.results')}
        noMatch={(query) => t('popup.customer.none', { query })}
        selected={customer}
        initialOptions={props.initialOptions}
        initialQuery={props.initialQuery}
        search={props.search}
        onSelect={props.onCustomer}
        inputRef={props.customerRef}
        hint={props.customerHint}
        error={errors.customerId}
      />
      <Field label={t('popup.summary')} error={errors.summary}>
        {(a) => (
          <textarea
            {...a}
            ref={props.summaryRef}
            className="r-textarea"
            rows={3}
            maxLength={10_000}
            placeholder={t('popup.summary.placeholder')}
            value={draft.summary}
            onChange={(e) => onChange({ summary: e.target.value })}
          />
        )}
      </Field>
      <RadioGroup<Channel>
        label={t('popup.channel')}
        name="channel"
        options={CHANNELS.map((c) => ({ value: c, label: ct(`channel.${c}`) }))}
        value={draft.channel}
        onChange={(channel) => onChange({ channel })}
        digitShortcuts
      />
      <div className="r-row">
        <RadioGroup<Sentiment>
          label={t('popup.sentiment')}
          name="sentiment"
          options={SENTIMENTS.map((s) => ({ value: s, label: ct(`sentiment.${s}`) }))}
          value={draft.sentiment}
          onChange={(sentiment) => onChange({ sentiment })}
          digitShortcuts
        />
        <RadioGroup<Direction>
          label={t('popup.direction')}
          name="direction"
          options={DIRECTIONS.map((d) => ({ value: d, label: ct(`direction.${d}`) }))}
          value={draft.direction}
          onChange={(direction) => onChange({ direction })}
          digitShortcuts
        />
      </div>
      <div className="r-row">
        <Field label={t('popup.contact')} error={errors.contact} className="r-grow">
          {(a) => (
            <input
              {...a}
              className="r-input"
              type="text"
              list={contactListId}
              autoComplete="off"
              maxLength={500}
              placeholder={t('popup.contact.placeholder')}
              value={draft.contact}
              onChange={(e) => onContact(e.target.value)}
            />
          )}
        </Field>
        <label className="r-check">
          <input type="checkbox" checked={draft.contactIsDecisionMaker} onChange={(e) => onChange({ contactIsDecisionMaker: e.target.checked })} />
          {t('popup.contact.decisionMaker')}
        </label>
        <datalist id={contactListId}>
          {contacts.map((c) => (
            <option key={c.id} value={c.name}>
              {[c.role, c.isDecisionMaker ? t('popup.contact.decisionMaker') : ''].filter(Boolean).join(' · ')}
            </option>
          ))}
        </datalist>
        <Field label={t('popup.date')} error={errors.date}>
          {(a) => <input {...a} className="r-input" type="date" max={asOf} required value={date} onChange={(e) => onChange({ date: e.target.value })} />}
        </Field>
      </div>
      <div className="r-row">
        <Field label={t('popup.nextStep')} error={errors.nextStep} className="r-grow">
          {(a) => (
            <input
              {...a}
              className="r-input"
              type="text"
              maxLength={2_000}
              placeholder={t('popup.nextStep.placeholder')}
              value={draft.nextStep}
              onChange={(e) => onChange({ nextStep: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('popup.nextStepDue')} error={errors.nextStepDue}>
          {(a) => (
            <input {...a} className="r-input" type="date" min={date} value={draft.nextStepDue} onChange={(e) => onChange({ nextStepDue: e.target.value })} />
          )}
        </Field>
      </div>
      <div className="r-row">
        <Field label={t('popup.feedback')} error={errors['feedback.kind']}>
          {(a) => (
            <select {...a} className="r-select" value={draft.feedbackKind} onChange={(e) => onChange({ feedbackKind: e.target.value as FeedbackKind | '' })}>
              <option value="">{t('popup.feedback.none')}</option>
              <option value="csat">{t('popup.feedback.csat')}</option>
              <option value="nps">{t('popup.feedback.nps')}</option>
              <option value="complaint">{t('popup.feedback.complaint')}</option>
            </select>
          )}
        </Field>
        {draft.feedbackKind === 'csat' || draft.feedbackKind === 'nps' ? (
          <Field label={t('popup.feedback.score')} error={errors['feedback.score']}>
            {(a) => (
              <input
                {...a}
                className="r-input r-score"
                type="number"
                inputMode="numeric"
                min={draft.feedbackKind === 'csat' ? 1 : 0}
                max={draft.feedbackKind === 'csat' ? 5 : 10}
                step={1}
                value={draft.feedbackScore}
                onChange={(e) => onChange({ feedbackScore: e.target.value })}
              />
            )}
          </Field>
        ) : null}
        {draft.feedbackKind ? (
          <Field label={t('popup.feedback.comment')} error={errors['feedback.comment']} className="r-grow">
            {(a) => (
              <input
                {...a}
                className="r-input"
                type="text"
                maxLength={10_000}
                value={draft.feedbackComment}
                onChange={(e) => onChange({ feedbackComment: e.target.value })}
              />
            )}
          </Field>
        ) : null}
      </div>
      <div className="r-actions">
        <span className="r-hint">{t('popup.keys', { mod: isMac() ? '⌘' : 'Ctrl' })}</span>
        {saving ? (
          <span className="r-hint" role="status">
            {t('popup.saving')}
          </span>
        ) : null}
        <Button type="submit" variant="primary" disabled={saving} aria-busy={saving}>
          {t('popup.save')}
        </Button>
      </div>
    </form>
  );
}
