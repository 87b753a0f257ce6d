#!/usr/bin/env node
// Creates a library under libs/<name> with tags, tsconfig, lint (by the workspace config) and a test wired.
//   pnpm gen:lib <name> --type domain|db|api|ui|data-access|tooling [--platform any|node|browser] [--description "…"]
// Then `pnpm install` links it as @hyedu/<name>.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TYPES = { domain: 'any', db: 'node', api: 'node', ui: 'browser', 'data-access': 'browser', tooling: 'node' };
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { type: { type: 'string' }, platform: { type: 'string' }, description: { type: 'string' } },
});
const name = positionals[0];
if (!name || !/^[a-z][a-z0-9-]*$/.test(name) || !(values.type in TYPES)) {
  console.error(`用法：pnpm gen:lib <name> --type ${Object.keys(TYPES).join('|')} [--platform any|node|browser]`);
  process.exit(2);
}
const platform = values.platform ?? TYPES[values.type];
const browser = platform === 'browser';
const dir = join(root, 'libs', name);
if (existsSync(dir)) {
  console.error(`libs/${name} 已存在`);
  process.exit(1);
}
const files = {
  'package.json':
    JSON.stringify(
      {
        name: `@hyedu/${name}`,
        version: '0.1.0',
        private: true,
        type: 'module',
        description: values.description ?? '',
        exports: { '.': { types: './src/index.ts', default: './src/index.ts' } },
        scripts: { typecheck: `${browser ? 'vue-tsc' : 'tsc'} -p tsconfig.json --noEmit`, test: 'vitest run' },
        devDependencies: {
          ...(browser
            ? { '@vitejs/plugin-vue': 'catalog:', 'happy-dom': 'catalog:', vue: 'catalog:', 'vue-tsc': 'catalog:', vite: 'catalog:' }
            : { '@types/node': 'catalog:' }),
          typescript: 'catalog:',
          vitest: 'catalog:',
        },
        nx: { tags: ['scope:shared', `type:${values.type}`, `platform:${platform}`] },
      },
      null,
      2,
    ) + '\n',
  'tsconfig.json': browser
    ? '{\n  "extends": "../../tsconfig.base.json",\n  "compilerOptions": { "lib": ["ES2023", "DOM", "DOM.Iterable"], "jsx": "preserve", "types": ["vite/client"] },\n  "include": ["src/**/*.ts", "src/**/*.vue", "vitest.config.ts"]\n}\n'
    : '{ "extends": "../../tsconfig.base.json", "compilerOptions": { "types": ["node"] }, "include": ["src", "vitest.config.ts"] }\n',
  'vitest.config.ts': browser
    ? "import vue from '@vitejs/plugin-vue';\nimport { defineConfig } from 'vitest/config';\n\nexport default defineConfig({ plugins: [vue()], test: { environment: 'happy-dom' } });\n"
    : "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({ test: {} });\n",
  'src/index.ts': `// @hyedu/${name}: export the library's public API from here only.\nexport const LIBRARY = '@hyedu/${name}';\n`,
  'src/index.test.ts': `import { describe, expect, it } from 'vitest';\nimport { LIBRARY } from './index.ts';\n\ndescribe('@hyedu/${name}', () => {\n  it('has an entry point', () => expect(LIBRARY).toBe('@hyedu/${name}'));\n});\n`,
  'README.md': `# @hyedu/${name}\n\n${values.description ?? 'What this library is for.'}\n\nTags: \`type:${values.type}\`, \`platform:${platform}\` (see docs/ARCHITECTURE.md for what each may depend on).\n`,
};
for (const [file, text] of Object.entries(files)) {
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
console.log(`已创建 libs/${name}（@hyedu/${name}，type:${values.type}，platform:${platform}）；请运行 pnpm install`);
