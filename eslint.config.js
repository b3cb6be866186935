// A small rule set: the recommended JS and type-aware TS rules, plus the few that catch real test bugs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layerRules } from './helpers/layers.mjs';

export default tseslint.config(
  // fixtures/schemas/compiled-validators.ts is generated (npm run schemas).
  { ignores: ['node_modules/**', 'reports/**', '.stryker-tmp/**', 'tmp/**', 'fixtures/schemas/compiled-validators.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'bin/*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // The direction of helpers/: run → http → state → checks → verdict → reporting → runner.
  ...layerRules(),
);
