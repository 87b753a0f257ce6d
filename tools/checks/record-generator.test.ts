import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The record-type generator, run into a scratch copy of the workspace (the files git knows, with the installed
 * dependencies linked and the workspace's own packages pointing at the copy): its output must pass the type checks,
 * lint and its own tests there, against a real database with the migration it wrote.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGES = ['apps', 'libs', 'tools'].flatMap((d) =>
  readdirSync(join(root, d)).flatMap((p) => (existsSync(join(root, d, p, 'package.json')) ? [`${d}/${p}`] : [])),
);
let scratch = '';
/** The files the generator wrote or changed, as it lists them. */
let written: string[] = [];
const run = (cmd: string, args: string[], cwd = scratch) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
const bin = (pkg: string, name: string) => join(scratch, pkg, 'node_modules/.bin', name);

/** A package's node_modules in the copy: third-party entries link to the installed ones, @hyedu ones to the copy. */
function linkModules(pkg: string) {
  const from = join(root, pkg, 'node_modules');
  if (!existsSync(from)) return;
  const to = join(scratch, pkg, 'node_modules');
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (entry === '@hyedu') {
      mkdirSync(join(to, entry));
      for (const dep of readdirSync(join(from, entry))) {
        const target = realpathSync(join(from, entry, dep)).replace(root, scratch + '/');
        symlinkSync(target, join(to, entry, dep));
      }
    } else symlinkSync(join(from, entry), join(to, entry));
  }
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'hyedu-gen-'));
  const files = run('git', ['ls-files', '-co', '--exclude-standard'], root).split('\n').filter(Boolean);
  for (const f of files) {
    const src = join(root, f);
    if (!existsSync(src) || lstatSync(src).isDirectory()) continue;
    mkdirSync(dirname(join(scratch, f)), { recursive: true });
    cpSync(src, join(scratch, f));
  }
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));
  for (const pkg of PACKAGES) linkModules(pkg);
  const out = run('node', [
    'tools/generators/record.mjs',
    'private-edu',
    'zz-sample',
    '--title',
    '样例记录',
    '--title-en',
    'Sample record',
  ]);
  written = out
    .split('\n')
    .filter((l) => l.startsWith('  '))
    .map((l) => l.trim());
}, 180_000);
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the record-type generator, in a scratch copy', () => {
  it('writes each layer of the kit and wires the record type into its module', () => {
    for (const f of [
      'libs/domain/src/private-edu/zz-sample.ts',
      'libs/db/src/schema/private-edu-zz-sample.ts',
      'libs/api/src/routers/private-edu/zz-sample.ts',
      'libs/api/src/routers/private-edu/zz-sample.test.ts',
      'apps/private-edu/src/pages/zz-sample/ZzSampleListPage.vue',
      'apps/private-edu/src/pages/zz-sample/ZzSampleDialog.vue',
      'apps/private-edu/src/pages/zz-sample/ZzSamplePage.vue',
    ])
      expect(existsSync(join(scratch, f)), f).toBe(true);
    expect(readFileSync(join(scratch, 'libs/api/src/routers/private-edu/index.ts'), 'utf8')).toContain('zzSamples: zzSampleRouter');
    expect(readFileSync(join(scratch, 'apps/private-edu/src/routes.ts'), 'utf8')).toContain("name: 'private-edu:zz-samples'");
    // The module has its own domain entry point: the declarations go there, not into the root every page loads.
    expect(readFileSync(join(scratch, 'libs/domain/src/private-edu/index.ts'), 'utf8')).toContain("export * from './zz-sample.ts';");
    expect(readFileSync(join(scratch, 'libs/domain/src/index.ts'), 'utf8')).not.toContain('private-edu');
    expect(readFileSync(join(scratch, 'libs/api/src/routers/private-edu/zz-sample.ts'), 'utf8')).toContain(
      "from '@hyedu/domain/private-edu'",
    );
    const migrations = readdirSync(join(scratch, 'libs/db/drizzle')).filter((f) => f.endsWith('private_edu_zz_samples.sql'));
    expect(migrations).toHaveLength(1);
    expect(readFileSync(join(scratch, 'libs/db/drizzle', migrations[0]!), 'utf8')).toContain('CREATE TABLE "private_edu_zz_samples"');
  });

  it('refuses to overwrite what exists', () => {
    expect(() => run('node', ['tools/generators/record.mjs', 'private-edu', 'zz-sample', '--title', '样例', '--title-en', 'x'])).toThrow();
  });

  it('type-checks in every layer it touched', () => {
    for (const pkg of ['libs/domain', 'libs/db', 'libs/api']) run(bin(pkg, 'tsc'), ['-p', 'tsconfig.json', '--noEmit'], join(scratch, pkg));
    run(bin('apps/private-edu', 'vue-tsc'), ['-p', 'tsconfig.json', '--noEmit'], join(scratch, 'apps/private-edu'));
  }, 600_000);

  it('passes lint and the formatter', () => {
    const generated = written.filter((f) => /\.(ts|vue)$/.test(f));
    expect(generated).toEqual(expect.arrayContaining(['libs/api/src/routers/private-edu/index.ts', 'apps/private-edu/src/routes.ts']));
    expect(generated.length).toBeGreaterThan(12);
    run(join(scratch, 'node_modules/.bin/nx'), ['show', 'projects']);
    run(join(scratch, 'node_modules/.bin/eslint'), ['--max-warnings', '0', ...generated]);
    run(join(scratch, 'node_modules/.bin/prettier'), ['--check', ...generated]);
  }, 300_000);

  it('passes its own tests: the workflow, the sub-router on a migrated database, the list query', () => {
    run(bin('libs/domain', 'vitest'), ['run', 'src/private-edu/zz-sample.test.ts'], join(scratch, 'libs/domain'));
    run(bin('libs/api', 'vitest'), ['run', 'src/routers/private-edu/zz-sample.test.ts'], join(scratch, 'libs/api'));
    run(bin('apps/private-edu', 'vitest'), ['run', 'src/pages/zz-sample'], join(scratch, 'apps/private-edu'));
  }, 600_000);

  it('every procedure has its fixture, so the access matrix and the hostile-input walk cover it', () => {
    run(
      bin('libs/api', 'vitest'),
      ['run', 'src/hostile.test.ts', '-t', 'every (procedure has a fixture|field of every procedure has a Chinese label)'],
      join(scratch, 'libs/api'),
    );
    expect(readFileSync(join(scratch, 'libs/api/src/fixtures.ts'), 'utf8')).toContain("'privateEdu.zzSamples.step'");
  }, 300_000);
});
