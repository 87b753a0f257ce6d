// One ESLint config for the workspace. The Nx module-boundary rule keeps the layers one-way:
//   domain ← db ← api ← apps, browser projects never import server code, and a module remote never imports another module.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

const SERVER_PACKAGES = [
  'drizzle-orm',
  'drizzle-orm/*',
  'drizzle-kit',
  'pg',
  '@electric-sql/*',
  'fastify',
  '@fastify/*',
  '@trpc/server',
  '@trpc/server/*',
];
const APP_PACKAGES = ['@hyedu/portal', '@hyedu/safety', '@hyedu/private-edu', '@hyedu/teachers', '@hyedu/funding', '@hyedu/server'];
const MODULE_SCOPES = ['scope:safety', 'scope:private-edu', 'scope:teachers', 'scope:funding'];

export default [
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', 'libs/db/drizzle/**', '.data/**', 'coverage/**', 'tmp/**', 'screenshots/**'],
  },
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' } },
  },
  {
    files: ['**/*.ts', '**/*.vue', '**/*.mjs', '**/*.js'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              allowedExternalImports: ['zod', 'vitest', 'node:fs', 'node:url'],
            },
            { sourceTag: 'type:db', onlyDependOnLibsWithTags: ['type:domain', 'type:db'] },
            { sourceTag: 'type:api', onlyDependOnLibsWithTags: ['type:domain', 'type:db', 'type:api'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:domain', 'type:ui'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain', 'type:ui', 'type:data-access', 'type:api'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:tooling'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:domain', 'type:db', 'type:api', 'type:ui', 'type:data-access', 'type:tooling'],
            },
            {
              sourceTag: 'platform:browser',
              onlyDependOnLibsWithTags: ['type:domain', 'type:ui', 'type:data-access', 'type:api', 'type:tooling'],
              bannedExternalImports: SERVER_PACKAGES,
            },
            ...MODULE_SCOPES.map((s) => ({
              sourceTag: s,
              notDependOnLibsWithTags: [...MODULE_SCOPES.filter((o) => o !== s), 'scope:portal'],
            })),
          ],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/attributes-order': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  // Browser code: the server library only for types (AppRouter), the database never, Element Plus only through @hyedu/ui.
  {
    files: ['apps/portal/**', 'apps/safety/**', 'apps/private-edu/**', 'apps/teachers/**', 'apps/funding/**', 'libs/web/**', 'libs/ui/**'],
    ignores: ['**/vite.config.ts', '**/vitest.config.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@hyedu/api', allowTypeImports: true, message: '浏览器代码只能以 import type 引用 @hyedu/api（AppRouter 类型）。' },
            { name: '@hyedu/api/router', allowTypeImports: true, message: '浏览器代码只能以 import type 引用 @hyedu/api/router。' },
            { name: '@hyedu/db', message: '浏览器代码不能引用数据库库 @hyedu/db。' },
          ],
          patterns: [
            { group: ['@hyedu/*/src', '@hyedu/*/src/*'], message: '不要深层引用其他库的 src，请从库的入口引用。' },
            {
              group: APP_PACKAGES.flatMap((p) => [p, `${p}/*`]),
              message: '应用之间不能互相引用（模块之间、模块与门户之间）；共享的代码放进 libs/。',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/**', 'libs/web/**'],
    ignores: ['**/vite.config.ts', '**/vitest.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['element-plus', 'element-plus/*'], message: '请从 @hyedu/ui 引用组件：全平台只用一份 Element Plus。' }] },
      ],
    },
  },
  // Query keys come from the procedure's path (api.….queryOptions / useInvalidate in @hyedu/web), never typed by hand.
  {
    files: ['apps/**/*.vue', 'apps/**/*.ts', 'libs/web/**/*.vue', 'libs/web/**/*.ts'],
    ignores: ['libs/web/src/api.ts', '**/*.test.ts', '**/vite.config.ts', '**/vitest.config.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='queryKey']",
          message: '查询键由接口路径生成：请用 api.<路径>.queryOptions(...)，不要手写 queryKey。',
        },
        {
          selector: "CallExpression[callee.property.name='invalidateQueries']",
          message: '请用 useInvalidate()(api.<路径>) 按接口路径失效缓存。',
        },
      ],
    },
  },
  // A column's enumeration is the domain's declaration (members(X.options) / a workflow's states), never a second copy.
  {
    files: ['libs/db/src/schema/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='enum'] > ArrayExpression",
          message: '枚举列请用领域库的声明：members(领域枚举.options) 或工作流的 states，不要再抄一份取值。',
        },
      ],
    },
  },
  // The domain library is pure: no I/O outside its tests.
  {
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'http'], message: '领域库不做 I/O。' }] }] },
  },
  // Layout is the formatter's (Prettier, `.prettierrc.json`): the style rules that would argue with it are off.
  prettier,
];
