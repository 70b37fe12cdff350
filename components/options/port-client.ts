/**
 * The page's end of a background port (lib/messaging/ports.ts): requests with ids, one reply
 * each. When the port drops while requests are unanswered — the background's service worker
 * was stopped or restarted — it reconnects (which starts the background again) and sends them
 * again; every request is idempotent, so nothing is counted twice. Messages without an id are
 * notices for `onNotice`.
 */
import { browser } from 'wxt/browser';
import type { PortReply } from '../../lib/messaging/ports';
import type { AppError } from '../../lib/messaging/errors';

type Port = ReturnType<typeof browser.runtime.connect>;

export interface PortClientOptions {
  name: string;
  onNotice?: (notice: unknown) => void;
  /** The port dropped with nothing unanswered (a notice that was still to come will not). */
  onDrop?: () => void;
  /** Reconnections tried in a row before unanswered requests fail with `interrupted`. */
  retries?: number;
  interrupted: AppError;
  connect?: (name: string) => Port;
}

export class PortClient {
  private port: Port | null = null;
  private next = 1;
  private readonly pending = new Map<number, { message: object; settle: (reply: PortReply) => void }>();
  private failures = 0;

  constructor(private readonly opts: PortClientOptions) {}

  /** Send a request (the id is added here) and wait for its reply. */
  request(message: object): Promise<PortReply> {
    const id = this.next++;
    return new Promise((settle) => {
      this.pending.set(id, { message: { ...message, id }, settle });
      this.send(id);
    });
  }

  /** Forward a request that already carries its id (the import Worker numbers its own). */
  relay(message: { id: number }): Promise<PortReply> {
    return new Promise((settle) => {
      this.pending.set(message.id, { message, settle });
      this.send(message.id);
    });
  }

  close(): void {
    const p = this.port;
    this.port = null;
    p?.disconnect();
  }

  private open(): Port {
    if (this.port) return this.port;
    const port = (this.opts.connect ?? ((name) => browser.runtime.connect({ name })))(this.opts.name);
    this.port = port;
    port.onMessage.addListener((m: unknown) => this.receive(m));
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.port = null;
      this.reconnect();
    });
    return port;
  }

  private send(id: number): void {
    const p = this.pending.get(id);
    if (p) this.open().postMessage(p.message);
  }

  private receive(m: unknown): void {
    const id = (m as { id?: unknown })?.id;
    if (typeof id !== 'number') {
      this.opts.onNotice?.(m);
      return;
    }
    this.failures = 0;
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    p.settle(m as PortReply);
  }

  private reconnect(): void {
    if (!this.pending.size) {
      this.opts.onDrop?.();
      return;
    }
    if (++this.failures > (this.opts.retries ?? 3)) {
      for (const [id, p] of this.pending) p.settle({ id, ok: false, error: this.opts.interrupted });
      this.pending.clear();
      return;
    }
    setTimeout(() => {
      for (const id of [...this.pending.keys()].sort((a, b) => a - b)) this.send(id);
    }, 100 * this.failures);
  }
}
