/**
 * npm test's `web-ext-lint` stage: Mozilla's linter (`web-ext lint`, addons-linter) on the
 * Firefox build, offline, plus a check that the built manifests kept what wxt.config.ts asks for
 * (WXT rewrites the MV2 manifest, and once silently dropped optional_host_permissions).
 *
 * Errors fail. A warning passes only when it is one of those in lint-firefox/explained.ts —
 * recognised by its code and the bundled code around it — each answered in docs/store-listing.md
 * ("web-ext lint warnings"). Anything new fails until it is fixed or explained there.
 *
 * Usage: tsx scripts/lint-firefox.ts [firefox build dir] [chrome build dir]
 * (defaults: .output/firefox-mv2 and .output/chrome-mv3).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPLAINED } from './lint-firefox/explained';
import { builtManifestProblems } from './lint-firefox/manifest-check';

type LintMessage = { code: string; message: string; description?: string; file?: string; line?: number; column?: number };
type LintReport = { summary: { errors: number; warnings: number; notices: number }; errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };

const firefoxDir = process.argv[2] ?? '.output/firefox-mv2';
const chromeDir = process.argv[3] ?? '.output/chrome-mv3';

/** The bundled code around a warning's position (addons-linter columns count from 1 on minified lines). */
function around(dir: string, m: LintMessage): string {
  if (!m.file || !m.line) return '';
  const line = readFileSync(join(dir, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  const col = (m.column ?? 1) - 1;
  return line.slice(Math.max(0, col - 300), col + 100);
}

function lint(dir: string): LintReport {
  // No update check (NO_UPDATE_NOTIFIER) and no config discovery: the linter's schemas ship in
  // the package, so the stage runs without a network.
  const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
    encoding: 'utf8',
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  try {
    return JSON.parse(json) as LintReport;
  } catch {
    throw new Error(`web-ext lint gave no JSON report (exit ${run.status}): ${run.stderr.trim() || run.stdout.trim()}`);
  }
}

async function main(): Promise<number> {
  if (!existsSync(join(firefoxDir, 'manifest.json'))) {
    console.error(`✖ no Firefox build at ${firefoxDir}: run \`npm run build:firefox\` first`);
    return 1;
  }
  const report = lint(firefoxDir);
  const problems: string[] = [];
  for (const e of report.errors) problems.push(`error ${e.code} ${e.file ?? ''}:${e.line ?? ''} — ${e.message}: ${e.description ?? ''}`);
  const explained = new Map<string, number>();
  for (const w of report.warnings) {
    const text = around(firefoxDir, w);
    const known = EXPLAINED.find((x) => x.code === w.code && x.around.every((re) => re.test(text)));
    if (known) explained.set(known.id, (explained.get(known.id) ?? 0) + 1);
    else problems.push(`warning ${w.code} ${w.file ?? ''}:${w.line ?? ''}:${w.column ?? ''} — ${w.message}: ${w.description ?? ''}`);
  }
  for (const n of report.notices) console.log(`notice ${n.code} ${n.file ?? ''} — ${n.message}`);
  for (const [id, n] of explained) console.log(`explained warning (docs/store-listing.md): ${id} ×${n}`);
  problems.push(...(await builtManifestProblems(firefoxDir, chromeDir)));
  for (const p of problems) console.error(`✖ ${p}`);
  console.log(
    `web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${report.summary.warnings - problems.filter((p) => p.startsWith('warning')).length} explained), ${report.summary.notices} notices`,
  );
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`✖ ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
