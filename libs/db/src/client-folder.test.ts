import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { TEST_KEYS } from './testing.ts';

describe('the embedded database’s folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hyedu-folder-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('one that cannot be written is refused in Chinese before PGlite opens it', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    await expect(openDatabase({ dataDir: join(file, 'pglite'), keys: TEST_KEYS })).rejects.toThrow(
      /^嵌入式数据库的数据目录不可写（.*）：.*请检查挂载方式、目录权限与磁盘空间后再启动。$/,
    );
  });
});
