import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const zodMessage = "Use `import * as z from 'zod/mini'` (size budget, DESIGN.md).";
const htmlMessage = 'Untrusted data is text: render it with Lit templates (DESIGN.md, Strict CSP).';

export default tseslint.config(
  {
    ignores: [
      '**/dist/',
      '**/coverage/',
      '**/storybook-static/',
      '**/node_modules/',
      '**/openapi.json',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  litA11y.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // An async function that throws rejects its promise: adapters rely on that.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      // `interface UsersApi extends ReadApi<User, …> {}` names a public API shape.
      '@typescript-eslint/no-empty-object-type': [
        'error',
        { allowInterfaces: 'with-single-extends' },
      ],
      // node:test's test()/describe() return promises the runner awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] },
          ],
        },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: zodMessage },
            { name: 'zod/v4', message: zodMessage },
            { name: 'lit/static-html.js', importNames: ['unsafeStatic'], message: htmlMessage },
            { name: 'lit-html/static.js', importNames: ['unsafeStatic'], message: htmlMessage },
          ],
          patterns: [
            {
              group: ['lit/directives/unsafe-*', 'lit-html/directives/unsafe-*'],
              message: htmlMessage,
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'document', property: 'write', message: htmlMessage },
        { object: 'document', property: 'writeln', message: htmlMessage },
        { property: 'insertAdjacentHTML', message: htmlMessage },
        ...['describe', 'it', 'test', 'suite'].map((object) => ({
          object,
          property: 'only',
          message: 'Focused tests silently skip the rest of the suite.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'AssignmentExpression > MemberExpression.left[property.name=/^(inner|outer)HTML$/]',
          message: htmlMessage,
        },
      ],
    },
  },
  {
    // Plain JS (configs, scripts): Node globals, no type-aware rules.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
