// @vitest-environment happy-dom
/**
 * A quick-log draft must not come back after its save: the debounced draft write raced the clear
 * that follows a save. Timers are fake (only setTimeout: storage and React schedule with
 * setImmediate), so which write is pending and which is in flight is decided by the test.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QuickLogApp } from '../../../components/popup/QuickLogApp';
import { RapportPage } from '../../../components/common';
import { draftKey, draftsItem } from '../../../lib/popup/draft';
import { DraftWriter, type DraftStore } from '../../../lib/popup/draft-writer';
import { emptyDraft } from '../../../lib/popup/quicklog-form';
import type { PopupServices } from '../../../lib/popup/popup-services';
import type { Results } from '../../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';

const AS_OF = '2026-11-20';
const GLOBEX = { id: 'C-1002', name: 'Globex Industrial' };
const KEY = draftKey(GLOBEX.id);
const DELAY = 120;

const fakeTimers = (): void => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
};
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A store that records what happened, in order; `hold` keeps the next save in flight until released. */
function recordingStore(): DraftStore & { log: string[]; hold(): () => void } {
  let gate: Promise<void> | null = null;
  const log: string[] = [];
  return {
    log,
    hold() {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return release;
    },
    async save(key, draft) {
      const g = gate;
      gate = null;
      log.push(`save-start ${key} ${draft.summary}`);
      await g;
      log.push(`save-end ${key} ${draft.summary}`);
    },
    async clear(...keys) {
      log.push(`clear ${keys.join(',')}`);
    },
  };
}

const typed = (summary: string) => ({ ...emptyDraft(GLOBEX, 'save-1'), summary });
const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('DraftWriter', () => {
  beforeEach(fakeTimers);

  it('a save drops the write still waiting for its pause: nothing is stored after the clear', async () => {
    const store = recordingStore();
    const w = new DraftWriter(DELAY, store);
    w.schedule(KEY, typed('half'));
    await w.seal();
    await w.clear(KEY);
    vi.advanceTimersByTime(DELAY * 10);
    await flush();
    expect(store.log).toEqual([`clear ${KEY}`]);
  });

  it('a write in flight when the save begins ends before the clear; edits during the save are ignored', async () => {
    const store = recordingStore();
    const w = new DraftWriter(DELAY, store);
    const release = store.hold();
    w.schedule(KEY, typed('half'));
    vi.advanceTimersByTime(DELAY);
    await flush();
    expect(store.log).toEqual([`save-start ${KEY} half`]);
    const sealed = w.seal();
    w.schedule(KEY, typed('half, typed while saving'));
    const cleared = sealed.then(() => w.clear(KEY));
    release();
    await cleared;
    vi.advanceTimersByTime(DELAY * 10);
    await flush();
    expect(store.log).toEqual([`save-start ${KEY} half`, `save-end ${KEY} half`, `clear ${KEY}`]);
  });

  it('only the latest edit is written; after reopen() (a failed save) edits are stored again', async () => {
    const store = recordingStore();
    const w = new DraftWriter(DELAY, store);
    w.schedule(KEY, typed('a'));
    vi.advanceTimersByTime(DELAY / 2);
    w.schedule(KEY, typed('ab'));
    vi.advanceTimersByTime(DELAY);
    await flush();
    await w.seal();
    w.reopen();
    w.schedule(KEY, typed('abc'));
    vi.advanceTimersByTime(DELAY);
    await flush();
    expect(store.log).toEqual([`save-start ${KEY} ab`, `save-end ${KEY} ab`, `save-start ${KEY} abc`, `save-end ${KEY} abc`]);
  });
});

describe('popup: a saved quick-log leaves no draft behind', () => {
  it('a draft write in flight when Save is pressed does not bring the draft back', async () => {
    let logged = 0;
    const services: PopupServices = {
      resolveContext: async () => ({ record: null, customer: GLOBEX, candidates: [], emptyBook: false }),
      search: async () => [],
      details: async () => null,
      log: async (): Promise<Results['logInteraction']> => {
        logged += 1;
        return { interactionId: 'I-1', score: null };
      },
      undo: async () => ({ customerId: GLOBEX.id, score: null }),
      track: async () => GLOBEX,
      openOptions: () => undefined,
      close: () => undefined,
    };
    // The first storage write (the debounced draft) is held in flight until the test lets it land.
    const write = draftsItem.setValue.bind(draftsItem);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let landed = false;
    vi.spyOn(draftsItem, 'setValue').mockImplementationOnce(async (value) => {
      await held;
      await write(value);
      landed = true;
    });
    render(
      <RapportPage settings={DEFAULT_SETTINGS}>
        <QuickLogApp services={services} asOf={AS_OF} draftDelayMs={DELAY} />
      </RapportPage>,
    );
    const summary = await screen.findByRole('textbox', { name: 'Summary' });
    // From here the clock is the test's (RTL's async helpers wait on setTimeout: plain act() and flushes only).
    fakeTimers();
    act(() => {
      fireEvent.change(summary, { target: { value: 'Renewal call booked' } });
    });
    await act(async () => {
      vi.advanceTimersByTime(DELAY); // the debounced draft write starts and is held in flight
      await flush();
    });
    act(() => {
      fireEvent.keyDown(summary, { key: 'Enter', ctrlKey: true });
    });
    // Let the save run as far as it goes while the write is still in flight, then let the write land.
    for (let i = 0; i < 20; i++) await act(flush);
    release();
    for (let i = 0; i < 100 && !(landed && screen.queryByText('Saved for Globex Industrial')); i++) await act(flush);
    expect(screen.getByText('Saved for Globex Industrial')).toBeTruthy();
    expect(landed).toBe(true);
    await act(async () => {
      vi.advanceTimersByTime(DELAY * 10);
      await flush();
    });
    expect(logged).toBe(1);
    expect(await draftsItem.getValue()).toEqual({});
  });
});
