#!/usr/bin/env node
// Creates a department module remote under apps/<key>: Vite + Module Federation, its routes contract,
// standalone dev mode, tags, tsconfig, lint and a test. Usage:
//   pnpm gen:remote <key> --title 中文名 --title-en "English name" --port 5185
// Then add the key to ModuleKey (libs/domain/src/modules.ts), a registry row (libs/domain/src/hengyang/modules.ts),
// a sub-router in libs/api, and `pnpm install`.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { title: { type: 'string' }, 'title-en': { type: 'string' }, port: { type: 'string' }, force: { type: 'boolean' } },
});
const key = positionals[0];
if (!key || !/^[a-z][a-z0-9-]*$/.test(key) || !values.title || !values['title-en'] || !values.port) {
  console.error('用法：pnpm gen:remote <key> --title 中文名 --title-en "English name" --port 5185');
  process.exit(2);
}
const name = key.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const dir = join(root, 'apps', key);
if (existsSync(dir) && !values.force) {
  console.error(`apps/${key} 已存在（用 --force 覆盖模板文件）`);
  process.exit(1);
}
const title = values.title;
const titleEn = values['title-en'];

const files = {
  'package.json':
    JSON.stringify(
      {
        name: `@hyedu/${key}`,
        version: '0.1.0',
        private: true,
        type: 'module',
        description: `${title} module: a Vue 3 remote loaded by the portal at run time.`,
        scripts: { dev: 'vite', build: 'vite build', typecheck: 'vue-tsc -p tsconfig.json --noEmit', test: 'vitest run' },
        dependencies: {
          '@hyedu/domain': 'workspace:*',
          '@hyedu/ui': 'workspace:*',
          '@hyedu/web': 'workspace:*',
          '@tanstack/vue-query': 'catalog:',
          '@vue/devtools-api': 'catalog:',
          pinia: 'catalog:',
          vue: 'catalog:',
          'vue-router': 'catalog:',
        },
        devDependencies: {
          '@hyedu/api': 'workspace:*',
          '@hyedu/vite-config': 'workspace:*',
          '@vitejs/plugin-vue': 'catalog:',
          '@vue/test-utils': 'catalog:',
          'happy-dom': 'catalog:',
          typescript: 'catalog:',
          vite: 'catalog:',
          vitest: 'catalog:',
          'vue-tsc': 'catalog:',
        },
        nx: { tags: [`scope:${key}`, 'type:app', 'type:remote', 'platform:browser'] },
      },
      null,
      2,
    ) + '\n',
  'vite.config.ts': `import { defineConfig } from 'vite';
import { remoteConfig } from '@hyedu/vite-config';

export default defineConfig(remoteConfig({ key: '${key}', name: '${name}', port: ${Number(values.port)} }));
`,
  'vitest.config.ts': `import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({ plugins: [vue()], test: { environment: 'happy-dom' } });
`,
  'tsconfig.json': `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "lib": ["ES2023", "DOM", "DOM.Iterable"], "jsx": "preserve", "types": ["vite/client"] },
  "include": ["src/**/*.ts", "src/**/*.vue", "vite.config.ts", "vitest.config.ts"]
}
`,
  'index.html': `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}（独立运行）</title>
  </head>
  <body>
    <div id="app"></div>
    <script type="module" src="/src/main.ts"></script>
  </body>
</html>
`,
  'src/main.ts': `// Standalone development entry (inside the portal only ./routes is used).
import('./bootstrap');
`,
  'src/bootstrap.ts': `import '@hyedu/ui/styles.css';
import { startStandalone } from '@hyedu/web';
import routes from './routes.ts';

await startStandalone('${key}', routes);
`,
  'src/routes.ts': `import { defineModuleRoutes } from '@hyedu/web';

/** Exposed to the portal as '${name}/routes'. Components are lazy: each page is its own chunk. */
export default defineModuleRoutes('${key}', (base) => [
  {
    path: base,
    component: () => import('./ModuleLayout.vue'),
    children: [
      { path: '', name: '${key}:home', component: () => import('./pages/HomePage.vue'), meta: { title: '${title}', titleEn: '${titleEn}' } },
    ],
  },
]);
`,
  'src/messages.ts': `import { defineMessages } from '@hyedu/ui';

export const useMessages = defineMessages({
  'zh-CN': { title: '${title}', home: '概况' },
  'en-US': { title: '${titleEn}', home: 'Overview' },
});
`,
  'src/ModuleLayout.vue': `<script setup lang="ts">
import { useMessages } from './messages.ts';

const t = useMessages();
</script>

<template>
  <div class="hy-module" data-module="${key}">
    <nav class="hy-module__tabs" :aria-label="t('title')">
      <RouterLink :to="{ name: '${key}:home' }">{{ t('home') }}</RouterLink>
    </nav>
    <RouterView />
  </div>
</template>

<style>
.hy-module__tabs { display: flex; gap: 4px; margin-bottom: 12px; flex-wrap: wrap; }
.hy-module__tabs a { padding: 6px 12px; border-radius: 4px; color: #1f5fa8; text-decoration: none; }
.hy-module__tabs a.router-link-exact-active { background: #1f5fa8; color: #fff; }
</style>
`,
  'src/pages/HomePage.vue': `<script setup lang="ts">
import { BasePage } from '@hyedu/ui';
import { useMessages } from '../messages.ts';

const t = useMessages();
</script>

<template>
  <BasePage :title="t('title')" />
</template>
`,
  'src/routes.test.ts': `import { describe, expect, it } from 'vitest';
import routes from './routes.ts';

describe('${key} routes', () => {
  it('live under the base path the registry gives, and carry the module key', () => {
    const list = routes('/x-${key}');
    expect(list.every((r) => r.path === '/x-${key}' || r.path.startsWith('/x-${key}/'))).toBe(true);
    expect(list.every((r) => r.meta?.module === '${key}')).toBe(true);
  });
});
`,
};

for (const [file, text] of Object.entries(files)) {
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
console.log(`已创建 apps/${key}（远程模块 ${name}，端口 ${values.port}）`);
