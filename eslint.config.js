import tseslint from 'typescript-eslint';

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
