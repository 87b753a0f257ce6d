import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const made = [`${root}libs/zz-gen-check`, `${root}apps/zz-gen-remote`];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('generators', () => {
  it('lib: creates a tagged library with tsconfig and a test', () => {
    execFileSync('node', ['tools/generators/lib.mjs', 'zz-gen-check', '--type', 'domain'], { cwd: root });
    const pkg = JSON.parse(readFileSync(`${made[0]}/package.json`, 'utf8'));
    expect(pkg.name).toBe('@hyedu/zz-gen-check');
    expect(pkg.nx.tags).toEqual(['scope:shared', 'type:domain', 'platform:any']);
    expect(pkg.scripts.test).toBe('vitest run');
    expect(existsSync(`${made[0]}/src/index.test.ts`)).toBe(true);
  });
  it('remote: creates a module exposing ./routes with its scope tag and a routes test', () => {
    execFileSync('node', ['tools/generators/remote.mjs', 'zz-gen-remote', '--title', '测试', '--title-en', 'Test', '--port', '5199'], {
      cwd: root,
    });
    const pkg = JSON.parse(readFileSync(`${made[1]}/package.json`, 'utf8'));
    expect(pkg.nx.tags).toContain('scope:zz-gen-remote');
    expect(readFileSync(`${made[1]}/vite.config.ts`, 'utf8')).toContain(
      "remoteConfig({ key: 'zz-gen-remote', name: 'zzGenRemote', port: 5199 })",
    );
    expect(existsSync(`${made[1]}/src/routes.test.ts`)).toBe(true);
  });
  it('refuses bad names', () => {
    expect(() =>
      execFileSync('node', ['tools/generators/lib.mjs', 'Bad Name', '--type', 'domain'], { cwd: root, stdio: 'ignore' }),
    ).toThrow();
  });
});
