import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Lints source text as if it were a file in the given project, with the workspace's own config.
const root = fileURLToPath(new URL('../../', import.meta.url));
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});
async function problems(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries', () => {
  it('a module remote cannot import the database, server packages or another module', async () => {
    expect(
      await problems('apps/safety/src/x.ts', "import { openDatabase } from '@hyedu/db';\nexport const a = openDatabase;\n"),
    ).not.toEqual([]);
    expect(await problems('apps/safety/src/x.ts', "import pg from 'pg';\nexport const a = pg;\n")).toEqual([
      expect.stringContaining('is not allowed to import "pg"'),
    ]);
    expect(
      await problems('apps/safety/src/x.ts', "import { drizzle } from 'drizzle-orm/pglite';\nexport const a = drizzle;\n"),
    ).not.toEqual([]);
    expect(await problems('apps/safety/src/x.ts', "import r from '@hyedu/teachers';\nexport const a = r;\n")).not.toEqual([]);
  });

  it('browser code may import the API only as a type', async () => {
    expect(
      await problems('libs/web/src/x.ts', "import type { AppRouter } from '@hyedu/api/router';\nexport type A = AppRouter;\n"),
    ).toEqual([]);
    expect(await problems('libs/web/src/x.ts', "import { appRouter } from '@hyedu/api';\nexport const a = appRouter;\n")).toEqual([
      expect.stringContaining('import type'),
    ]);
  });

  it('Element Plus comes only through @hyedu/ui', async () => {
    expect(await problems('apps/portal/src/x.ts', "import { ElButton } from 'element-plus';\nexport const a = ElButton;\n")).toEqual([
      expect.stringContaining('@hyedu/ui'),
    ]);
    expect(await problems('libs/ui/src/x.ts', "import { ElButton } from 'element-plus';\nexport const a = ElButton;\n")).toEqual([]);
  });

  it('layers depend one way: domain ← db ← api', async () => {
    expect(await problems('libs/domain/src/x.ts', "import { tables } from '@hyedu/db';\nexport const a = tables;\n")).not.toEqual([]);
    expect(await problems('libs/domain/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).not.toEqual(
      [],
    );
    expect(await problems('libs/db/src/x.ts', "import { appRouter } from '@hyedu/api';\nexport const a = appRouter;\n")).not.toEqual([]);
    expect(await problems('libs/api/src/x.ts', "import { tables } from '@hyedu/db';\nexport const a = tables;\n")).toEqual([]);
  });
});

describe('apps stay apart', () => {
  it('a module cannot reach into another module by a relative path', async () => {
    expect(await problems('apps/safety/src/x.ts', "import r from '../../teachers/src/routes.ts';\nexport const a = r;\n")).not.toEqual([]);
  });

  it('query keys come from the procedure path, and enumeration columns from the domain', async () => {
    expect(await problems('apps/safety/src/x.ts', "export const o = { queryKey: ['safety.hazards'] };\n")).toEqual([
      expect.stringContaining('queryKey'),
    ]);
    expect(
      await problems('apps/portal/src/x.ts', 'export const f = (c: { invalidateQueries(x: object): void }) => c.invalidateQueries({});\n'),
    ).toEqual([expect.stringContaining('useInvalidate')]);
    expect(
      await problems(
        'libs/db/src/schema/x.ts',
        "import { text } from 'drizzle-orm/pg-core';\nexport const c = text({ enum: ['a', 'b'] });\n",
      ),
    ).toEqual([expect.stringContaining('members(')]);
  });
});
