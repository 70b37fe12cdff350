/**
 * The sync benchmark's browser: the e2e build of the extension (CRM API hosts granted at
 * install) in Chromium, and a DevTools probe on the background service worker itself.
 * Playwright's CDP sessions attach to pages only, so the probe attaches to the worker target
 * through a page's session (`Target.attachToTarget`, messages relayed with
 * `Target.sendMessageToTarget`). The worker's JS heap is sampled every second with
 * `Runtime.getHeapUsage`; `BENCH_PROFILE=1` also records a CPU profile of the worker.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, CDPSession } from '@playwright/test';
import { launchWithExtension } from '../../e2e/support/extension';

export const SYNC_EXTENSION_DIR = path.resolve(process.env.RAPPORT_E2E_EXT_DIR ?? '.output-e2e/chrome-mv3');

/** The e2e build in headless Chromium; built first when there is none (and no other build was named). */
export async function launchForSyncBench(): Promise<BrowserContext> {
  if (!existsSync(path.join(SYNC_EXTENSION_DIR, 'manifest.json')) && !process.env.RAPPORT_E2E_EXT_DIR) {
    console.error('No e2e build in .output-e2e/chrome-mv3: building it (the CRM API hosts granted at install).');
    const built = spawnSync('npx', ['wxt', 'build'], {
      stdio: ['ignore', 2, 2],
      env: { ...process.env, RAPPORT_E2E_API_HOSTS: '1', WXT_OUT_DIR: '.output-e2e' },
    });
    if (built.status !== 0) throw new Error(`The e2e build failed (exit ${built.status ?? built.signal})`);
  }
  if (!existsSync(path.join(SYNC_EXTENSION_DIR, 'manifest.json')))
    throw new Error(`No e2e build at ${SYNC_EXTENSION_DIR}: run \`RAPPORT_E2E_API_HOSTS=1 WXT_OUT_DIR=.output-e2e npx wxt build\` first.`);
  return launchWithExtension(SYNC_EXTENSION_DIR);
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** DevTools commands to one target through a page's session; answers matched by id. */
class Cdp {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private constructor(
    private readonly session: CDPSession,
    private readonly sessionId: string,
  ) {
    session.on('Target.receivedMessageFromTarget', (ev: { sessionId: string; message: string }) => {
      if (ev.sessionId !== this.sessionId) return;
      const msg = JSON.parse(ev.message) as { id?: number; result?: unknown; error?: { message: string } };
      const p = msg.id === undefined ? undefined : this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id!);
      if (msg.error) p.reject(new Error(`DevTools: ${msg.error.message}`));
      else p.resolve(msg.result);
    });
  }

  static async attach(session: CDPSession, targetId: string): Promise<Cdp> {
    const { sessionId } = await session.send('Target.attachToTarget', { targetId, flatten: false });
    return new Cdp(session, sessionId);
  }

  async send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.next;
    const answer = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    answer.catch(() => undefined); // a probe closed meanwhile: the caller still sees the rejection
    await this.session.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    return answer;
  }

  async close(): Promise<void> {
    for (const p of this.pending.values()) p.reject(new Error('DevTools: probe closed'));
    this.pending.clear();
    await this.session.detach().catch(() => undefined);
  }
}

export interface WorkerProbe {
  /** The highest used JS heap sampled since the last `resetPeak` (bytes), and the samples taken. */
  peak(): { usedBytes: number; totalBytes: number; samples: number };
  /** One sample now (bytes used). */
  sample(): Promise<number>;
  resetPeak(): void;
  startProfile(): Promise<void>;
  /** The profile since `startProfile` (a DevTools `.cpuprofile` object). */
  stopProfile(): Promise<CpuProfile>;
  close(): Promise<void>;
}

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Attach to the extension's service worker and sample its heap every `everyMs`. */
export async function probeServiceWorker(context: BrowserContext, extensionId: string, everyMs = 1_000): Promise<WorkerProbe> {
  const session = await context.newCDPSession(await context.newPage());
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!sw) throw new Error(`No service worker target for extension ${extensionId}`);
  const cdp = await Cdp.attach(session, sw.targetId);
  let peak = { usedBytes: 0, totalBytes: 0, samples: 0 };
  let inFlight = false;
  const sample = async (): Promise<number> => {
    const h = await cdp.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
    peak = { usedBytes: Math.max(peak.usedBytes, h.usedSize), totalBytes: Math.max(peak.totalBytes, h.totalSize), samples: peak.samples + 1 };
    return h.usedSize;
  };
  const timer = setInterval(() => {
    if (inFlight) return;
    inFlight = true;
    sample()
      .catch(() => undefined)
      .finally(() => (inFlight = false));
  }, everyMs);
  return {
    peak: () => peak,
    sample,
    resetPeak: () => (peak = { usedBytes: 0, totalBytes: 0, samples: 0 }),
    async startProfile() {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1_000 });
      await cdp.send('Profiler.start');
    },
    async stopProfile() {
      return (await cdp.send<{ profile: CpuProfile }>('Profiler.stop')).profile;
    },
    async close() {
      clearInterval(timer);
      await cdp.close();
    },
  };
}

/** Self time per function of a CPU profile, highest first: `[label, ms]`. */
export function selfTimes(profile: CpuProfile, top = 15): [string, number][] {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1_000));
  const byFn = new Map<string, number>();
  for (const n of profile.nodes) {
    const ms = byNode.get(n.id) ?? 0;
    if (!ms) continue;
    const f = n.callFrame;
    const label = `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : ''}`.trim();
    byFn.set(label, (byFn.get(label) ?? 0) + ms);
  }
  return [...byFn.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
}
