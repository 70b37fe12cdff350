/**
 * Settings: scoring (with a live preview of tier/risk moves), CRMs (enabled, features, custom
 * domains with optional host permission), language, theme, reminders, privacy. Edits stay in a
 * draft until "Save settings"; the draft is checked here (every bad field marked), then the
 * background validates and stores it, and rescores everyone after a scoring change.
 */
import { useEffect, useState, type JSX } from 'react';
import { browser } from 'wxt/browser';
import { CRM_IDS, TIERS, type CrmId } from '../../lib/schemas/enums';
import type { ScoringSettings, Settings } from '../../lib/schemas/settings';
import { settingsErrors } from '../../lib/settings/migrate';
import { send } from '../../lib/messaging/client';
import { toAppError, type AppError } from '../../lib/messaging/errors';
import { Button, Field, RadioGroup, useCommonT, useErrorText, useSettings } from '../common';
import { useSettingLabel } from './setting-labels';
import { NumberField } from './NumberField';
import { ScoringPreview } from './ScoringPreview';
import { useOptionsT } from './t';
import { CRM_NAMES } from './crm-names';

const WEIGHTS = ['pAlive', 'contactGap', 'interactionTrend', 'sentiment', 'detractor', 'complaints', 'coverage'] as const;

const HOST_RE = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const normaliseHost = (input: string): string | undefined => {
  const h = input
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#:].*$/, '');
  return HOST_RE.test(h) ? h : undefined;
};

export function SettingsPanel(): JSX.Element {
  const t = useOptionsT();
  const ct = useCommonT();
  const errorText = useErrorText();
  const labelOf = useSettingLabel();
  const saved = useSettings();
  const [draft, setDraft] = useState<Settings>(saved);
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  const [host, setHost] = useState('');
  const [hostCrm, setHostCrm] = useState<CrmId>('salesforce');
  const [hostError, setHostError] = useState<string>();
  const [neverLogText, setNeverLogText] = useState(saved.neverLog.join('\n'));
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  // Saved settings changed (our save, a restore, another tab): show them.
  useEffect(() => {
    setDraft(saved);
    setNeverLogText(saved.neverLog.join('\n'));
  }, [saved]);

  const setScoring = (patch: Partial<ScoringSettings>): void => setDraft((d) => ({ ...d, scoring: { ...d.scoring, ...patch } }));

  const [errors, setErrors] = useState<Record<string, string>>({});
  const err = (path: string): string | undefined => errors[path];

  const refuse = (problems: readonly AppError[]): void => {
    const map: Record<string, string> = {};
    for (const p of problems) if (p.field) map[p.field] ??= errorText(p);
    setErrors(map);
    const first = problems[0]!;
    setStatus({ text: t('options.settings.invalidField', { field: labelOf(first.field), message: errorText(first) }), error: true });
  };

  const save = async (next: Settings = draft): Promise<void> => {
    // Every bad field is marked before sending (the browser's own range checks are off: noValidate).
    const problems = settingsErrors(next);
    if (problems.length) {
      refuse(problems);
      return;
    }
    setErrors({});
    try {
      await send('saveSettings', { settings: next });
      setStatus({ text: t('options.settings.saved') });
    } catch (e) {
      refuse([toAppError(e)]);
    }
  };

  // Must run inside the click handler: permissions.request needs the user gesture.
  const addDomain = (): void => {
    const h = normaliseHost(host);
    if (!h) {
      setHostError(t('options.crm.customDomain.invalid'));
      return;
    }
    setHostError(undefined);
    void browser.permissions.request({ origins: [`https://${h}/*`] }).then(
      (granted) => {
        if (!granted) {
          setHostError(t('options.crm.customDomain.denied', { host: h }));
          return;
        }
        const next: Settings = {
          ...saved,
          crm: { ...saved.crm, customDomains: [...saved.crm.customDomains.filter((d) => d.host !== h), { crm: hostCrm, host: h }] },
        };
        setDraft((d) => ({ ...d, crm: next.crm }));
        setHost('');
        void save(next);
      },
      () => setHostError(t('options.crm.customDomain.denied', { host: h })),
    );
  };

  const removeDomain = (h: string): void => {
    void browser.permissions.remove({ origins: [`https://${h}/*`] }).catch(() => false);
    const next: Settings = { ...saved, crm: { ...saved.crm, customDomains: saved.crm.customDomains.filter((d) => d.host !== h) } };
    setDraft((d) => ({ ...d, crm: next.crm }));
    void save(next);
  };

  const s = draft.scoring;
  return (
    <form
      noValidate
      className="o-section o-settings"
      aria-labelledby="settings-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="settings-heading">{t('options.settings.heading')}</h2>

      <fieldset>
        <legend>{t('options.scoring.heading')}</legend>
        <div className="o-grid">
          <NumberField
            label={t('options.scoring.platinumPct')}
            min={0}
            max={100}
            value={s.tierThresholds.platinumPct}
            error={err('scoring.tierThresholds.platinumPct')}
            onChange={(v) => setScoring({ tierThresholds: { ...s.tierThresholds, platinumPct: v } })}
          />
          <NumberField
            label={t('options.scoring.goldPct')}
            min={0}
            max={100}
            value={s.tierThresholds.goldPct}
            error={err('scoring.tierThresholds.goldPct')}
            onChange={(v) => setScoring({ tierThresholds: { ...s.tierThresholds, goldPct: v } })}
          />
          <NumberField
            label={t('options.scoring.leadMaxValue')}
            value={s.tierThresholds.leadMaxValue}
            error={err('scoring.tierThresholds.leadMaxValue')}
            onChange={(v) => setScoring({ tierThresholds: { ...s.tierThresholds, leadMaxValue: v } })}
          />
          {TIERS.map((tier) => (
            <NumberField
              key={tier}
              label={t('options.scoring.cadence', { tier: ct(`tier.${tier}`) })}
              min={1}
              max={3650}
              step={1}
              value={s.revisitCadenceDays[tier]}
              error={err(`scoring.revisitCadenceDays.${tier}`)}
              onChange={(v) => setScoring({ revisitCadenceDays: { ...s.revisitCadenceDays, [tier]: v } })}
            />
          ))}
          <NumberField
            label={t('options.scoring.riskMedium')}
            min={0}
            max={100}
            value={s.riskBands.medium}
            error={err('scoring.riskBands.medium')}
            onChange={(v) => setScoring({ riskBands: { ...s.riskBands, medium: v } })}
          />
          <NumberField
            label={t('options.scoring.riskHigh')}
            min={0}
            max={100}
            value={s.riskBands.high}
            error={err('scoring.riskBands.high')}
            onChange={(v) => setScoring({ riskBands: { ...s.riskBands, high: v } })}
          />
          <NumberField
            label={t('options.scoring.horizon')}
            min={1}
            max={120}
            step={1}
            value={s.clvHorizonMonths}
            error={err('scoring.clvHorizonMonths')}
            onChange={(v) => setScoring({ clvHorizonMonths: v })}
          />
          <NumberField
            label={t('options.scoring.discount')}
            min={0}
            max={100}
            value={Math.round(s.annualDiscountRate * 10000) / 100}
            error={err('scoring.annualDiscountRate')}
            onChange={(v) => setScoring({ annualDiscountRate: v / 100 })}
          />
          <Field label={t('options.scoring.currency')}>
            {(p) => <input {...p} type="text" maxLength={10} value={s.currency} onChange={(e) => setScoring({ currency: e.target.value.toUpperCase() })} />}
          </Field>
        </div>
        <fieldset>
          <legend>{t('options.scoring.weights')}</legend>
          <div className="o-grid">
            {WEIGHTS.map((w) => (
              <NumberField
                key={w}
                label={t(`options.scoring.weight.${w}`)}
                min={0}
                max={5}
                step={0.1}
                value={s.riskWeights[w]}
                error={err(`scoring.riskWeights.${w}`)}
                onChange={(v) => setScoring({ riskWeights: { ...s.riskWeights, [w]: v } })}
              />
            ))}
          </div>
        </fieldset>
        <ScoringPreview saved={saved.scoring} draft={draft.scoring} />
      </fieldset>

      <fieldset>
        <legend>{t('options.crm.heading')}</legend>
        <div className="o-crms">
          {CRM_IDS.map((crm) => (
            <div key={crm} className="o-crm">
              <label>
                <input
                  type="checkbox"
                  checked={draft.crm.enabled[crm] ?? true}
                  onChange={(e) => setDraft((d) => ({ ...d, crm: { ...d.crm, enabled: { ...d.crm.enabled, [crm]: e.target.checked } } }))}
                />{' '}
                {t('options.crm.enabled', { crm: CRM_NAMES[crm] })}
              </label>
              {(['recordBadge', 'listChips'] as const).map((f) => (
                <label key={f} className="o-indent">
                  <input
                    type="checkbox"
                    disabled={!(draft.crm.enabled[crm] ?? true)}
                    checked={draft.crm.features[crm]?.[f] ?? true}
                    onChange={(e) =>
                      setDraft((d) => ({
                        ...d,
                        crm: {
                          ...d.crm,
                          features: { ...d.crm.features, [crm]: { ...(d.crm.features[crm] ?? { recordBadge: true, listChips: true }), [f]: e.target.checked } },
                        },
                      }))
                    }
                  />{' '}
                  {t(`options.crm.${f}`, { crm: CRM_NAMES[crm] })}
                </label>
              ))}
            </div>
          ))}
        </div>
        <div className="o-domain">
          <Field label={t('options.crm.customDomain')} hint={t('options.crm.customDomain.hint')} error={hostError}>
            {(p) => <input {...p} type="text" inputMode="url" placeholder="crm.example.com" value={host} onChange={(e) => setHost(e.target.value)} />}
          </Field>
          <Field label={t('options.crm.customDomain.crm')}>
            {(p) => (
              <select {...p} value={hostCrm} onChange={(e) => setHostCrm(e.target.value as CrmId)}>
                {CRM_IDS.map((c) => (
                  <option key={c} value={c}>
                    {CRM_NAMES[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button onClick={addDomain}>{t('options.crm.customDomain.add')}</Button>
        </div>
        <ul className="o-domains">
          {saved.crm.customDomains.map((d) => (
            <li key={d.host}>
              <span>
                {d.host} — {CRM_NAMES[d.crm]}
              </span>{' '}
              <Button variant="ghost" aria-label={t('options.crm.customDomain.remove', { host: d.host })} onClick={() => removeDomain(d.host)}>
                ×
              </Button>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset>
        <legend>{t('options.general.heading')}</legend>
        <RadioGroup
          label={t('options.language')}
          name="language"
          options={[
            { value: 'auto', label: t('options.language.auto') },
            { value: 'en', label: 'English' },
            { value: 'zh_CN', label: '简体中文' },
          ]}
          value={draft.language}
          onChange={(language) => setDraft((d) => ({ ...d, language }))}
        />
        <RadioGroup
          label={t('options.theme')}
          name="theme"
          options={[
            { value: 'auto', label: t('options.theme.auto') },
            { value: 'light', label: t('options.theme.light') },
            { value: 'dark', label: t('options.theme.dark') },
          ]}
          value={draft.theme}
          onChange={(theme) => setDraft((d) => ({ ...d, theme }))}
        />
      </fieldset>

      <fieldset>
        <legend>{t('options.reminders.heading')}</legend>
        <label>
          <input
            type="checkbox"
            checked={draft.reminders.enabled}
            onChange={(e) => {
              const enabled = e.target.checked;
              // `notifications` is optional: ask now, inside the click's user gesture; refused stays off.
              const allowed = enabled ? browser.permissions.request({ permissions: ['notifications'] }).catch(() => false) : Promise.resolve(true);
              void allowed.then((ok) => ok && setDraft((d) => ({ ...d, reminders: { ...d.reminders, enabled } })));
            }}
          />{' '}
          {t('options.reminders.enabled')}
        </label>
        <NumberField
          label={t('options.reminders.hour')}
          min={0}
          max={23}
          step={1}
          value={draft.reminders.hour}
          error={err('reminders.hour')}
          onChange={(hour) => setDraft((d) => ({ ...d, reminders: { ...d.reminders, hour } }))}
        />
      </fieldset>

      <fieldset id="privacy">
        <legend>{t('options.privacy.heading')}</legend>
        <p className="o-privacy">{t('options.privacy.statement')}</p>
        <Field label={t('options.privacy.neverLog')}>
          {(p) => (
            <textarea
              {...p}
              rows={4}
              value={neverLogText}
              onChange={(e) => {
                setNeverLogText(e.target.value);
                const neverLog = e.target.value
                  .split('\n')
                  .map((x) => x.trim())
                  .filter(Boolean);
                setDraft((d) => ({ ...d, neverLog }));
              }}
            />
          )}
        </Field>
      </fieldset>

      <div className="o-actions o-sticky">
        <Button type="submit" variant="primary" disabled={!dirty}>
          {t('options.settings.save')}
        </Button>
        <Button
          disabled={!dirty}
          onClick={() => {
            setDraft(saved);
            setNeverLogText(saved.neverLog.join('\n'));
          }}
        >
          {t('options.settings.reset')}
        </Button>
        {status ? (
          <span role={status.error ? 'alert' : 'status'} className={status.error ? 'o-error' : undefined}>
            {status.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
