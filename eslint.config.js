import tseslint from 'typescript-eslint';

/** The tables of lib/db/tables.ts (a unit test keeps the two lists equal). */
export const TABLE_NAMES = [
  'customers',
  'contacts',
  'transactions',
  'interactions',
  'feedback',
  'goals',
  'actions',
  'scores',
  'importLog',
  'meta',
  'settings',
  'syncConnections',
  'syncCursors',
  'syncOutbox',
  'scoreHistory',
  'actionOutcomes',
];

/**
 * The background's modules: the only code that may hold the writable database, the import and
 * settings writers, and the services. Everything else — extension pages, their Workers, the
 * content script — reads through lib/db/read-db.ts and asks the background by message.
 */
export const WRITER_MODULES = [
  'lib/db/**',
  'lib/services/**',
  'lib/import/store.ts',
  'lib/import/rollback.ts',
  'lib/backup/restore.ts',
  'lib/settings/store.ts',
  'lib/settings/legacy.ts',
  'lib/overlay/custom-domains-browser.ts',
  'entrypoints/background/**',
];

const TABLE_RE = `^(${TABLE_NAMES.join('|')})$`;

export default tseslint.config(
  { ignores: ['.output*/**', '.wxt/**', 'node_modules/**', 'demo-output/**', '.reports/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Hostile CRM pages and CSV contents are only ever rendered as text.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text with textContent / DOM nodes; never parse strings as HTML.' },
        { property: 'outerHTML', message: 'Never parse strings as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Never parse strings as HTML.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Repositories are the only table access: no `db.<table>`, `db.table()`, `db.transaction()` or Dexie outside lib/db.
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    ignores: ['lib/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `MemberExpression[object.type='Identifier'][object.name=/^(db|d|database)$/][property.name=/${TABLE_RE}/]`,
          message: 'Tables are read and written through the repositories of lib/db/repos only.',
        },
        {
          selector: `CallExpression[callee.property.name=/^(table|transaction)$/][callee.object.name=/^(db|d|database)$/]`,
          message: 'Use the repositories (and transact() of lib/db/repo.ts), not Dexie directly.',
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'dexie', message: 'Dexie is lib/db’s business: use the repositories.', allowTypeImports: true }] },
      ],
    },
  },
  {
    // The background is the only writer.
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    ignores: WRITER_MODULES,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Dexie is lib/db’s business: use the repositories.', allowTypeImports: true }],
          patterns: [
            {
              group: ['**/db/db', '**/db/app-db'],
              allowTypeImports: true,
              message: 'Only the background writes: read through openReadDb() (lib/db/read-db.ts) and send a message to change data.',
            },
            {
              group: [
                '**/services/*',
                '**/import/store',
                '**/import/rollback',
                './store',
                '**/settings/store',
                '**/settings/legacy',
                './legacy',
                '**/backup/restore',
                './restore',
              ],
              allowTypeImports: true,
              message: 'These modules write the database or the settings: only the background imports them. Send a message instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/scoring/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['wxt', 'wxt/*', 'dexie', 'dexie-*', 'react', 'react-*', '**/db/**', '**/messaging/**', '**/settings/**'],
              message: 'lib/scoring is pure: plain data in, plain data out.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'browser', 'chrome', 'indexedDB', 'localStorage'],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
