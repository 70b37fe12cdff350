import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { ESLint } from 'eslint';
import { AppDB } from '../../../lib/db/app-db';
import { asReadDb } from './read-handle';
import { BOOK_TABLES, DATA_TABLES, TABLE_NAMES } from '../../../lib/db/tables';
import { BACKUP_TABLES } from '../../../lib/backup/backup';
import { customersRepo } from '../../../lib/db/repos/customers';
import { dataRepo } from '../../../lib/db/repos/data';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`tables-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

// The lint configuration is plain JavaScript; its table list is checked against the one list.
const lintConfig = '../../../eslint.config.js';
const { TABLE_NAMES: LINTED_TABLES } = (await import(/* @vite-ignore */ lintConfig)) as { TABLE_NAMES: string[] };

describe('the one list of tables', () => {
  it('is the database: every table opened is listed, and every listed table is opened', () => {
    expect(db.tables.map((t) => t.name).sort()).toEqual([...TABLE_NAMES].sort());
    expect([...LINTED_TABLES].sort()).toEqual([...TABLE_NAMES].sort());
  });

  it('backup, restore and "delete all data" cover every table but settings; rescoring reads the book', () => {
    expect(DATA_TABLES).toEqual(TABLE_NAMES.filter((t) => t !== 'settings' && !t.startsWith('sync')));
    expect(BACKUP_TABLES).toBe(DATA_TABLES);
    expect([...BOOK_TABLES].sort()).toEqual(['actions', 'contacts', 'customers', 'feedback', 'goals', 'interactions', 'transactions']);
  });

  it('"delete all data" empties every data table and keeps the settings', async () => {
    await customersRepo(db).put({ id: 'C1', name: 'Acme', emails: [], createdAt: '2025-01-01', crmRefs: [] });
    await db.meta.put({ key: 'bookModel', value: {} });
    await db.settings.put({ key: 'settings', value: { version: 1, language: 'zh_CN' } });
    await dataRepo(db).clearAll();
    expect(Object.values(await dataRepo(db).counts()).every((n) => n === 0)).toBe(true);
    expect(await db.settings.count()).toBe(1);
  });

  it('a page’s read-only handle gives repositories without write methods', async () => {
    const page = customersRepo(asReadDb(db));
    expect(typeof (page as Record<string, unknown>).get).toBe('function');
    // @ts-expect-error — a page cannot write: the repository it gets has no `put`.
    void (() => page.put);
    // @ts-expect-error — nor tables.
    void (() => asReadDb(db).customers);
    expect(await page.count()).toBe(0);
  });
});

describe('lint: only the background writes, repositories are the only table access', () => {
  const eslint = new ESLint();
  const problems = async (file: string, code: string): Promise<string[]> =>
    (await eslint.lintText(code, { filePath: file }))[0]!.messages.filter((m) => m.ruleId !== null).map((m) => `${m.ruleId}`);

  it.each([
    ['components/options/Evil.tsx', "import { getDb } from '../../lib/db/db';\nexport const x = getDb;\n"],
    ['lib/popup/evil.ts', "import { AppDB } from '../db/app-db';\nexport const x = new AppDB();\n"],
    ['lib/sidepanel/evil.ts', "import { saveSettings } from '../settings/store';\nexport const x = saveSettings;\n"],
    ['lib/import/worker-evil.ts', "import { writeChunk } from './store';\nexport const x = writeChunk;\n"],
    ['components/sidepanel/Evil.tsx', "import { goalsHandlers } from '../../lib/services/goals';\nexport const x = goalsHandlers;\n"],
    ['lib/services/evil.ts', 'export const x = (db: { scores: { put(v: unknown): void } }) => db.scores.put(1);\n'],
    ['lib/overlay/evil.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n"],
  ])('%s is refused', async (file, code) => {
    expect((await problems(file, code)).some((r) => /no-restricted-(imports|syntax)/.test(r))).toBe(true);
  });

  it('the background, and pages reading through the read-only handle, pass', async () => {
    expect(await problems('lib/services/ok.ts', "import { getDb } from '../db/db';\nexport const x = getDb;\n")).toEqual([]);
    expect(
      await problems(
        'components/sidepanel/Ok.tsx',
        "import { openReadDb } from '../../lib/db/read-db';\nimport { scoresRepo } from '../../lib/db/repos/scores';\nexport const x = () => scoresRepo(openReadDb()).all();\n",
      ),
    ).toEqual([]);
  });
});
