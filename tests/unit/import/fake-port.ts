/**
 * `runtime.connect` in one process: a page end and a background end whose messages are
 * JSON-copied and delivered asynchronously, like Chrome's. `kill()` drops the background (a
 * stopped service worker): the page end hears onDisconnect, messages in flight are lost.
 */
import type { PortLike } from '../../../lib/services/import-port';

type Listener = (m: unknown) => void;

function event<T extends (...a: never[]) => void>() {
  const ls: T[] = [];
  return { ls, addListener: (l: T) => void ls.push(l), removeListener: (l: T) => void ls.splice(ls.indexOf(l), 1) };
}

export interface FakeBackground {
  connect: (name: string) => never;
  /** Ports connected so far. */
  connections: number;
  kill(): void;
}

export function fakeBackground(serve: (port: PortLike) => void, sender = { id: 'ext', url: 'chrome-extension://ext/options.html' }): FakeBackground {
  const live: (() => void)[] = [];
  const bg: FakeBackground = {
    connections: 0,
    kill() {
      for (const k of live.splice(0)) k();
    },
    connect(name) {
      bg.connections++;
      let alive = true;
      const toPage = event<Listener>();
      const toBg = event<Listener>();
      const pageDisconnect = event<() => void>();
      const bgDisconnect = event<() => void>();
      const deliver = (ls: Listener[], m: unknown): void => {
        const copy = JSON.parse(JSON.stringify(m)) as unknown;
        setTimeout(() => alive && ls.forEach((l) => l(copy)), 0);
      };
      const server: PortLike = {
        name,
        sender,
        postMessage: (m) => deliver(toPage.ls, m),
        disconnect: () => {
          alive = false;
        },
        onMessage: toBg,
        onDisconnect: bgDisconnect,
      };
      const page = {
        name,
        postMessage: (m: unknown) => deliver(toBg.ls, m),
        disconnect: () => {
          alive = false;
          bgDisconnect.ls.forEach((l) => l());
        },
        onMessage: toPage,
        onDisconnect: pageDisconnect,
      };
      live.push(() => {
        if (!alive) return;
        alive = false;
        bgDisconnect.ls.forEach((l) => l());
        setTimeout(() => pageDisconnect.ls.forEach((l) => l()), 0);
      });
      serve(server);
      return page as never;
    },
  };
  return bg;
}
