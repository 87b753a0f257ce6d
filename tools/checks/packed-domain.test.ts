import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * @hyedu/domain as another bureau would get it: built, packed with its publishConfig, installed with npm into an
 * empty project outside the workspace (offline: zod comes from the workspace's own copy), then used from plain
 * Node and type-checked against the published .d.ts files. Nothing of the workspace is visible to that project.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const lib = join(root, 'libs/domain');
const fromLib = createRequire(join(lib, 'package.json'));
const pnpm = join(root, 'node_modules/pnpm/bin/pnpm.cjs');
const tsc = fromLib.resolve('typescript/bin/tsc');
const STEP_MS = 60_000;

const work = mkdtempSync(join(tmpdir(), 'hyedu-domain-packed-'));
const app = join(work, 'app');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', timeout: STEP_MS, stdio: ['ignore', 'pipe', 'pipe'] });
/** Runs a command that is expected to fail; its output (stdout and stderr) for the assertions. */
const failing = (cmd: string, args: string[], cwd: string): string => {
  try {
    run(cmd, args, cwd);
  } catch (e) {
    const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
    return `${stdout}${stderr}`;
  }
  throw new Error(`${cmd} ${args.join(' ')} succeeded but should have failed`);
};

let tarball = '';
let files: string[] = [];
let packed: {
  exports: Record<string, { types: string; default: string }>;
  dependencies: Record<string, string>;
  publishConfig?: unknown;
};
const published = JSON.parse(readFileSync(join(lib, 'package.json'), 'utf8')) as {
  version: string;
  exports: typeof packed.exports;
  publishConfig: { exports: typeof packed.exports };
};

beforeAll(() => {
  run(process.execPath, [pnpm, 'run', 'build'], lib);
  run(process.execPath, [pnpm, 'pack', '--pack-destination', work], lib);
  tarball = join(work, `hyedu-domain-${published.version}.tgz`);
  files = run('tar', ['-tzf', tarball], work)
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''));
  packed = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], work));

  // zod, the one dependency, copied from the workspace's installed version (no registry needed).
  const zodDir = dirname(realpathSync(fromLib.resolve('zod/package.json')));
  const zodVersion = (JSON.parse(readFileSync(join(zodDir, 'package.json'), 'utf8')) as { version: string }).version;
  expect(packed.dependencies).toEqual({ zod: zodVersion });
  cpSync(zodDir, join(work, 'zod'), { recursive: true, dereference: true });

  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'another-bureau',
      private: true,
      type: 'module',
      dependencies: { '@hyedu/domain': `file:${tarball}`, zod: 'file:../zod' },
      overrides: { zod: '$zod' },
    }),
  );
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--cache', join(work, 'npm-cache')], app);
}, 2 * STEP_MS);

describe('the packed @hyedu/domain', () => {
  it('is installed outside the workspace', () => {
    expect(relative(root, app).startsWith('..')).toBe(true);
    expect(realpathSync(join(app, 'node_modules/@hyedu/domain')).startsWith(app)).toBe(true);
  });

  it('holds the built library and its README only: no sources, tests or the synthetic test city', () => {
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    expect(files.filter((f) => !f.startsWith('dist/') && f !== 'package.json' && f !== 'README.md')).toEqual([]);
    expect(files.filter((f) => /\.test\.|example-city|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    // every module compiled has its declarations (no stale or missing half of a pair)
    const stems = (ext: string) =>
      files
        .filter((f) => f.endsWith(ext))
        .map((f) => f.slice(0, -ext.length))
        .sort();
    expect(stems('.d.ts')).toEqual(stems('.js'));
    expect(stems('.js').length).toBeGreaterThan(40);
  });

  it('publishes its publishConfig exports, each file present: the root, the city, and the per-module entry points', () => {
    expect(packed.exports).toEqual(published.publishConfig.exports);
    // the workspace's entry points (sources) and the published ones (dist) are the same list, file for file
    expect(Object.keys(published.exports)).toEqual(Object.keys(packed.exports));
    for (const [entry, source] of Object.entries(published.exports)) {
      const built = source.default.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, '.js');
      expect(packed.exports[entry], entry).toEqual({ types: built.replace(/\.js$/, '.d.ts'), default: built });
    }
    expect(Object.keys(packed.exports)).toEqual(expect.arrayContaining(['.', './hengyang', './safety', './plan']));
    for (const [entry, target] of Object.entries(packed.exports)) {
      expect(files, entry).toContain(target.types.replace(/^\.\//, ''));
      expect(files, entry).toContain(target.default.replace(/^\.\//, ''));
    }
    expect(JSON.stringify(packed.dependencies)).not.toMatch(/catalog:|workspace:/);
  });

  it('runs in plain Node: a city of its own and Hengyang’s data through the same rules', () => {
    writeFileSync(
      join(app, 'check.mjs'),
      `
import { cityKpis, createOrganisation, kpiStatus, KPI_CATALOGUE } from '@hyedu/domain';
import { HENGYANG_KPIS_2022, hengyang } from '@hyedu/domain/hengyang';
import { hazardOverdue } from '@hyedu/domain/safety';
import { PlanTask } from '@hyedu/domain/plan';
import { COMMON_PASSWORDS } from '@hyedu/domain/common-passwords';
const org = createOrganisation([
  { code: '990100', name: '示例市', bureauName: '示例市教育局', kind: 'city', parentCode: null, sortOrder: 0 },
  { code: '990102', name: '示例一区', bureauName: '示例一区教育局', kind: 'district', parentCode: '990100', sortOrder: 1 },
  { code: '990121', name: '示例二县', bureauName: '示例二县教育局', kind: 'county', parentCode: '990100', sortOrder: 2 },
]);
const [own] = cityKpis({ 'private.compulsory-share': { itemNo: 3, phrase: '控制在10%以内', target: 0.1, targetSource: 'seed' } });
const theirs = HENGYANG_KPIS_2022.find((k) => k.id === 'private.compulsory-share');
let refused = null;
try { createOrganisation([...hengyang.counties]); } catch (e) { refused = e.message; }
console.log(JSON.stringify({
  counties: org.counties.map((u) => u.name),
  hengyangCounties: hengyang.counties.length,
  catalogue: KPI_CATALOGUE.length,
  own: kpiStatus(own, 0.08),
  hengyang: kpiStatus(theirs, 0.08),
  overdue: hazardOverdue({ status: 'pending', deadline: '2022-06-30', submittedOn: null }, '2022-07-01'),
  task: PlanTask.safeParse({ code: '3.1' }).error?.issues.length > 0,
  password: COMMON_PASSWORDS.has('123456'),
  refused,
}));
`,
    );
    const result = JSON.parse(run(process.execPath, ['check.mjs'], app));
    expect(result).toEqual({
      counties: ['示例一区', '示例二县'],
      hengyangCounties: 13,
      catalogue: 46,
      own: 'green',
      hengyang: 'red',
      overdue: true,
      task: true,
      password: true,
      refused: '组织机构中应有且仅有一个地级市单位，实际 0 个',
    });
  });

  it('type-checks a TypeScript consumer against the published declarations (Node and bundler resolution), and refuses a wrong one', () => {
    // Node's own resolution and a bundler's (a Vite app), both reading the package's exports
    const tsconfig = (module: string, moduleResolution: string) =>
      JSON.stringify({
        compilerOptions: { module, moduleResolution, target: 'es2022', strict: true, noEmit: true, types: [] },
        files: ['consumer.ts'],
      });
    writeFileSync(join(app, 'tsconfig.json'), tsconfig('nodenext', 'nodenext'));
    writeFileSync(join(app, 'tsconfig.bundler.json'), tsconfig('esnext', 'bundler'));
    const consumer = `
import { cityKpis, kpiStatus, type KpiDefinition, type KpiStatus } from '@hyedu/domain';
import { HENGYANG_KPIS_2022, HENGYANG_TARGETS_2022 } from '@hyedu/domain/hengyang';
import { hazardOverdue, type HazardStatus } from '@hyedu/domain/safety';
import { PlanTask } from '@hyedu/domain/plan';
const defs: readonly KpiDefinition[] = cityKpis({
  'funding.seats-delivered': { itemNo: 4, phrase: '新增1200个公办学位', target: 1200, targetSource: 'seed' },
});
export const status: KpiStatus = kpiStatus(defs[0]!, 1000);
export const cap: 0.05 = HENGYANG_TARGETS_2022.privateCompulsoryShareCap;
export const pending: HazardStatus = 'pending';
export const late: boolean = hazardOverdue({ status: pending, deadline: null, submittedOn: null }, '2022-07-01');
export const itemNo: PlanTask['itemNo'] = 1;
export const count: number = HENGYANG_KPIS_2022.length;
// @ts-expect-error: not an id of the KPI catalogue
cityKpis({ 'safety.unknown': { itemNo: 1, phrase: 'x', target: 1, targetSource: 'seed' } });
`;
    writeFileSync(join(app, 'consumer.ts'), consumer);
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
    run(process.execPath, [tsc, '-p', 'tsconfig.bundler.json'], app);
    // The check has teeth: a wrong use of the published types fails it.
    writeFileSync(join(app, 'consumer.ts'), `${consumer}\nexport const wrong: HazardStatus = 'lost';\n`);
    expect(failing(process.execPath, [tsc, '-p', 'tsconfig.json'], app)).toContain(`Type '"lost"' is not assignable to type`);
  });
});
