/**
 * Overlay benchmarks in Chromium with the built extension (.output/chrome-mv3 or RAPPORT_EXT_DIR):
 * - content-script bundle size (target ≤ 32 KB minified; no webextension polyfill in it),
 * - time from a record header appearing to the badge showing the customer's scores, over SPA
 *   navigations between story customers (target p95 ≤ 100 ms),
 * - script time the content script adds on a CRM page that is not a record page, while the page
 *   churns its DOM (CDP ScriptDuration on a CRM host vs the same page on a host Rapport ignores),
 * - JS heap of the record page's renderer (page and content script share one V8 isolate) before
 *   and after 1,000 SPA navigations between records, after a forced GC (target: no growth beyond noise).
 *
 *   npm run build && npx tsx tests/bench/overlay.bench.ts
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_DIR, launchWithExtension, serveHtml } from '../e2e/support/extension';
import { loadSample } from '../e2e/support/crm';
import { STORIES } from '../../lib/sample/stories';

const NAVIGATIONS = 24;
const BUNDLE_TARGET_KB = 32;
const ORG = 'https://bench.lightning.force.com';

/** A Lightning-like shell: `rapportShow(id, name)` navigates in-app, then renders the header. */
const SHELL = `<!doctype html><html><head><title>Bench | Salesforce</title></head><body>
<div class="windowViewMode-normal oneContent active" id="page"></div>
<script>
window.rapportShow = (id, name) => new Promise((resolve) => {
  history.pushState({}, '', '/lightning/r/Account/' + id + '/view');
  setTimeout(() => {
    const page = document.getElementById('page');
    page.replaceChildren();
    const h = document.createElement('records-highlights2');
    const t = document.createElement('lightning-formatted-text');
    t.setAttribute('slot', 'primaryField');
    t.textContent = name;
    h.append(t);
    const shown = performance.now();
    const obs = new MutationObserver(() => {
      const host = document.querySelector('[data-rapport-overlay="record"][data-state="ready"][data-record-id="' + id + '"]');
      if (host && host.getClientRects().length) { obs.disconnect(); resolve(performance.now() - shown); }
    });
    obs.observe(document.body, { subtree: true, childList: true, attributes: true });
    page.append(h);
  }, 30);
});
window.rapportChurn = (n) => { const box = document.getElementById('page'); for (let i = 0; i < n; i++) { const d = document.createElement('div'); d.textContent = 'row ' + i; box.append(d); if (i % 50 === 0) box.replaceChildren(); } };
</script></body></html>`;

const pct = (v: number[], p: number): number => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor((v.length * p) / 100))]!;

async function headerToBadge(context: BrowserContext): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(`${ORG}/lightning/page/home`);
  const times: number[] = [];
  for (let i = 0; i < NAVIGATIONS; i++) {
    const s = STORIES[i % STORIES.length]!;
    times.push(
      await page.evaluate(
        ([id, name]) => (window as unknown as { rapportShow: (a: string, b: string) => Promise<number> }).rapportShow(id!, name!),
        [s.crmIds.salesforce, s.name],
      ),
    );
  }
  await page.close();
  return times.slice(STORIES.length); // the first round warms caches (strings, scores)
}

async function scriptMs(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.waitForTimeout(500);
  const before = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')!.value;
  // The churn runs as page tasks (not CDP evaluations), like a CRM re-rendering its views.
  await page.evaluate(`new Promise((done) => {
    let left = 20;
    const tick = () => { window.rapportChurn(500); if (--left > 0) setTimeout(tick, 10); else done(); };
    setTimeout(tick, 0);
  })`);
  await page.waitForTimeout(500);
  const after = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')!.value;
  return (after - before) * 1000;
}

const HEAP_NAVIGATIONS = 1000;
const HEAP_WARMUP = 50;

/** Used JS heap of the page's isolate after a full GC, in MB. */
async function heapMb(cdp: import('@playwright/test').CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024;
}

async function heapOverNavigations(context: BrowserContext): Promise<{ before: number; half: number; after: number; hosts: number }> {
  const page = await context.newPage();
  await page.goto(`${ORG}/lightning/page/home`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const navigate = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i++) {
      const s = STORIES[i % STORIES.length]!;
      await page.evaluate(
        ([id, name]) => (window as unknown as { rapportShow: (a: string, b: string) => Promise<number> }).rapportShow(id!, name!),
        [s.crmIds.salesforce, s.name],
      );
    }
  };
  await navigate(HEAP_WARMUP);
  const before = await heapMb(cdp);
  await navigate(HEAP_NAVIGATIONS / 2);
  const half = await heapMb(cdp);
  await navigate(HEAP_NAVIGATIONS / 2);
  const after = await heapMb(cdp);
  const hosts = await page.locator('[data-rapport-overlay]').count();
  await page.close();
  return { before, half, after, hosts };
}

async function main(): Promise<void> {
  const bundle = path.join(EXTENSION_DIR, 'content-scripts/crm.js');
  if (!existsSync(bundle)) {
    console.log(`overlay: no built extension at ${EXTENSION_DIR} — run \`npm run build\` (or set RAPPORT_EXT_DIR) first; nothing measured.`);
    return;
  }
  const kb = statSync(bundle).size / 1024;
  console.log(`content-script bundle: ${kb.toFixed(1)} KB minified (target ≤ ${BUNDLE_TARGET_KB} KB${kb > BUNDLE_TARGET_KB ? ' — MISSED' : ''})`);

  const context = await launchWithExtension();
  try {
    await serveHtml(context, `${ORG}/**`, SHELL);
    await serveHtml(context, 'https://not-a-crm.example/**', SHELL);
    await loadSample(context);
    const t = await headerToBadge(context);
    console.log(
      `record header → badge with scores (${t.length} SPA navigations): median ${pct(t, 50).toFixed(1)} ms, p95 ${pct(t, 95).toFixed(1)} ms (target p95 ≤ 100 ms)`,
    );

    const heap = await heapOverNavigations(context);
    console.log(
      `record page JS heap over ${HEAP_NAVIGATIONS} SPA navigations (after ${HEAP_WARMUP} warm-up, forced GC): ${heap.before.toFixed(2)} MB → ${heap.half.toFixed(2)} MB (after ${HEAP_NAVIGATIONS / 2}) → ${heap.after.toFixed(2)} MB (${heap.after - heap.before >= 0 ? '+' : ''}${(heap.after - heap.before).toFixed(2)} MB; target: no growth beyond noise), overlay hosts on the page: ${heap.hosts}`,
    );

    const runs = 3;
    const withCs: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < runs; i++) {
      const p = await context.newPage();
      withCs.push(await scriptMs(p, `${ORG}/lightning/page/home`));
      without.push(await scriptMs(p, 'https://not-a-crm.example/home'));
      await p.close();
    }
    const extra = pct(withCs, 50) - pct(without, 50);
    console.log(
      `script time on a non-record CRM page churning 10,000 nodes: ${pct(withCs, 50).toFixed(1)} ms with Rapport vs ${pct(without, 50).toFixed(1)} ms without → content script adds ${Math.max(0, extra).toFixed(1)} ms (no target; lower is better)`,
    );
  } finally {
    await context.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
