import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import noUnsanitized from 'eslint-plugin-no-unsanitized';

export default tseslint.config(
  { ignores: ['.output*/', '.wxt/', 'node_modules/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // innerHTML/outerHTML assignments and insertAdjacentHTML/document.write/createContextualFragment calls with anything but a literal (docs/security.md).
  noUnsanitized.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with createElement/textContent: page and user text must never become markup.' },
        { property: 'outerHTML', message: 'Build DOM with createElement/textContent.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with createElement/textContent.' },
      ],
    },
  },
);
