/**
 * Goals: SMART goals with progress, pace forecast and a weekly trend; create, edit, archive.
 * Saving and archiving ask the background, which re-ranks every customer's actions.
 */
import { useCallback, useMemo, useState, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { goalsRepo } from '../../lib/db/repos/goals';
import { send } from '../../lib/messaging/client';
import type { Goal } from '../../lib/schemas/domain';
import type { KpiId } from '../../lib/schemas/enums';
import { draftFromGoal, emptyDraft } from '../../lib/sidepanel/goal-form';
import { customPeriod } from '../../lib/sidepanel/periods';
import { listSegments } from '../../lib/sidepanel/queries';
import { useComputed, useDataVersion } from './useComputed';
import { formatKpiNumber } from '../../lib/sidepanel/format';
import { Button, useErrorText, useLocale, useSettings } from '../common';
import { useSidePanel } from './context';
import { useSpT } from './i18n';
import { GoalCard } from './GoalCard';
import { GoalForm } from './GoalForm';
import { ViewEmpty } from './empty/ViewEmpty';

type Editing = { kind: 'new' } | { kind: 'edit'; goal: Goal } | null;

const newId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `g-${Date.now()}-${Math.random().toString(36).slice(2)}`;

export function GoalsView(): JSX.Element {
  const t = useSpT();
  const errorText = useErrorText();
  const locale = useLocale();
  const { scoring } = useSettings();
  const { db, asOf, computer } = useSidePanel();
  const repo = useMemo(() => goalsRepo(db), [db]);
  const goals = useLiveQuery(() => repo.listActive(), [repo]);
  const archived = useLiveQuery(() => repo.listArchived(), [repo]);
  const segments = useLiveQuery(() => listSegments(db), [db]) ?? [];
  const version = useDataVersion(db);
  const [editing, setEditing] = useState<Editing>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string>();

  // Progress of every goal, off the main thread; redone when a goal or the data changes.
  const goalsKey = goals ? JSON.stringify(goals) : '';
  const { result: statuses } = useComputed(goals?.length ? { kind: 'goals', goals, asOf } : null, `${asOf}|${goalsKey}`);

  // The KPI over the period just before the goal's: a sensible baseline.
  const suggestBaseline = useCallback(
    async (metric: KpiId, start: string, last: string): Promise<string | null> => {
      const p = customPeriod(start, last);
      if (!p || version === null) return null;
      const v = await computer.run({ kind: 'baseline', metric, period: p }, version, scoring);
      return v === null ? null : String(Number(v.toFixed(metric === 'clv' ? 0 : 2)));
    },
    [computer, version, scoring],
  );

  const save = async (goal: Goal): Promise<void> => {
    await send('saveGoal', { goal });
    setEditing(null);
    setSaved(true);
  };
  const archive = (goalId: string, archived: boolean): void => {
    setFailure(undefined);
    void send('setGoalArchived', { goalId, archived }).catch((e: unknown) => setFailure(errorText(e)));
  };

  return (
    <section aria-labelledby="sp-goals-h" className="sp-view">
      <div className="sp-row sp-row--between">
        <h2 id="sp-goals-h" className="sp-h2">
          {t('sidepanel.goals.heading')}
        </h2>
        {editing ? null : (
          <Button
            variant="primary"
            onClick={() => {
              setSaved(false);
              setEditing({ kind: 'new' });
            }}
          >
            {t('sidepanel.goals.new')}
          </Button>
        )}
      </div>
      {saved ? (
        <p role="status" className="sp-muted">
          {t('sidepanel.goals.form.saved')}
        </p>
      ) : null}
      {failure ? (
        <p role="alert" className="sp-error">
          {failure}
        </p>
      ) : null}
      {editing ? (
        <GoalForm
          key={editing.kind === 'edit' ? editing.goal.id : 'new'}
          initial={editing.kind === 'edit' ? draftFromGoal(editing.goal) : emptyDraft(asOf)}
          identity={editing.kind === 'edit' ? editing.goal : { id: newId(), createdAt: Date.now() }}
          editing={editing.kind === 'edit'}
          segments={segments}
          suggestBaseline={suggestBaseline}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {!goals ? (
        <p className="sp-muted">{t('sidepanel.loading')}</p>
      ) : goals.length === 0 && !editing ? (
        <ViewEmpty text={t('sidepanel.goals.empty')} />
      ) : (
        <ul className="sp-plain" aria-label={t('sidepanel.goals.heading')}>
          {goals.map((g) => (
            <li key={g.id}>
              <GoalCard
                goal={g}
                status={statuses?.[g.id] ?? null}
                onEdit={() => {
                  setSaved(false);
                  setEditing({ kind: 'edit', goal: g });
                }}
                onArchive={() => archive(g.id, true)}
              />
            </li>
          ))}
        </ul>
      )}
      {archived?.length ? (
        <div>
          <label className="sp-row">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
            {t('sidepanel.goals.showArchived')} ({archived.length})
          </label>
          {showArchived ? (
            <ul className="sp-plain" aria-label={t('sidepanel.goals.archivedHeading')}>
              {archived.map((g) => (
                <li key={g.id} className="sp-row sp-row--between sp-card">
                  <span>
                    {g.name} <span className="sp-muted">· {formatKpiNumber(g.metric, g.target, locale, scoring.currency)}</span>
                  </span>
                  <Button aria-label={t('sidepanel.goals.restoreLabel', { name: g.name })} onClick={() => archive(g.id, false)}>
                    {t('sidepanel.goals.restore')}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
