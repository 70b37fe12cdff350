/**
 * The popup's one writer of quick-log drafts. Edits are stored after a short pause (a debounce);
 * saving the quick-log must not let a draft come back after its save. So every storage operation
 * runs in one queue, one after the other (a write in flight always ends before the clear that
 * follows it), and every operation carries a version: a write runs only if nothing newer (another
 * edit, a save, a discard) was asked for since it was scheduled. From the start of a save until
 * `reopen()` (the save failed, was undone, or the next log begins) no write is accepted at all.
 */
import { clearDraft, saveDraft, type QuickLogDraft } from './draft';

/** Where drafts are kept (storage.local in the extension; tests may count or delay the calls). */
export interface DraftStore {
  save(key: string, draft: QuickLogDraft): Promise<void>;
  clear(...keys: string[]): Promise<void>;
}

export const storageDrafts: DraftStore = { save: (key, draft) => saveDraft(key, draft), clear: clearDraft };

export class DraftWriter {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every schedule, seal and clear; a scheduled write runs only while it is the latest. */
  private version = 0;
  private sealed = false;
  private queue: Promise<void> = Promise.resolve();
  /** The key the draft on disk is stored under (a change of customer moves it). */
  private storedKey: string | null = null;

  constructor(
    private readonly delayMs: number,
    private readonly store: DraftStore = storageDrafts,
  ) {}

  /** The draft the popup opened with lives under `key` (null: none). */
  adopt(key: string | null): void {
    this.storedKey = key;
  }

  /** Store `draft` under `key` after the pause, replacing a write not yet done. Ignored while sealed. */
  schedule(key: string, draft: QuickLogDraft): void {
    if (this.sealed) return;
    clearTimeout(this.timer);
    const version = ++this.version;
    this.timer = setTimeout(() => {
      this.enqueue(async () => {
        if (version !== this.version) return;
        const previous = this.storedKey;
        this.storedKey = key;
        if (previous && previous !== key) await this.store.clear(previous);
        await this.store.save(key, draft);
      }).catch(() => undefined);
    }, this.delayMs);
  }

  /** A save begins: drop the pending write, accept none until `reopen()`; resolves when a write in flight is done. */
  seal(): Promise<void> {
    this.sealed = true;
    this.cancel();
    return this.enqueue(async () => undefined);
  }

  /** Writes are welcome again (the save failed, was undone, or a new log starts). */
  reopen(): void {
    this.sealed = false;
  }

  /** Delete the drafts under `keys` and the one on disk, after any write in flight; a pending write is dropped. */
  clear(...keys: string[]): Promise<void> {
    this.cancel();
    const all = [...new Set([...keys, ...(this.storedKey ? [this.storedKey] : [])])];
    this.storedKey = null;
    return this.enqueue(() => this.store.clear(...all));
  }

  /** The popup is going away: the pending write is dropped (what is on disk stays). */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private cancel(): void {
    this.dispose();
    this.version++;
  }

  private enqueue(op: () => Promise<void>): Promise<void> {
    const run = this.queue.then(op);
    // A failed write (storage full, extension reloading) must not stop the queue; the draft is a convenience.
    this.queue = run.catch(() => undefined);
    return run;
  }
}
