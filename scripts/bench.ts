/**
 * npm run bench: runs every tests/bench/*.bench.ts in its own process, one after another
 * (figures from parallel runs would disturb each other), streams their output, and ends with
 * the lines that name a target. Benchmarks print figures; a missed target is not a failure,
 * a crashed benchmark is.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve('tests/bench');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();

if (!existsSync(path.resolve('.output/chrome-mv3/manifest.json')) && !process.env.RAPPORT_EXT_DIR)
  console.log('Note: no built extension in .output/chrome-mv3 — browser benchmarks need `npm run build` first.\n');

const run = (file: string): Promise<{ code: number; lines: string[] }> =>
  new Promise((resolve) => {
    const lines: string[] = [];
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(dir, file)], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    });
    child.on('close', (code) => resolve({ code: code ?? 1, lines }));
  });

const summary: string[] = [];
let crashed = 0;
for (const file of files) {
  console.log(`\n▶ ${file}`);
  const { code, lines } = await run(file);
  if (code !== 0) {
    crashed++;
    summary.push(`${file}: crashed (exit ${code})`);
  }
  summary.push(...lines.filter((l) => /target/i.test(l)).map((l) => `${file.replace('.bench.ts', '')} | ${l}`));
}

console.log('\n=== Figures against their targets ===');
for (const l of summary) console.log(l);
process.exit(crashed ? 1 : 0);
