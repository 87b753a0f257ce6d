import { describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import { useExcelImport, type ImportResult } from './excel-import.ts';

const chosen = (name: string) => ({ target: { files: [new File(['PK'], name)] } }) as unknown as Event;

describe('useExcelImport', () => {
  it('checks first, imports on commit, tells the page how many rows, and starts afresh when reopened', async () => {
    const open = ref(true);
    const calls: boolean[] = [];
    const imported: number[] = [];
    const answer = (dryRun: boolean): ImportResult =>
      dryRun ? { imported: 0, rows: 3, errors: [], errorCount: 0 } : { imported: 3, rows: 3, errors: [], errorCount: 0 };
    const dialog = useExcelImport({
      open,
      template: async () => ({ filename: 't.xlsx', base64: '' }),
      upload: async (f) => (calls.push(f.dryRun), answer(f.dryRun)),
      onImported: (r) => imported.push(r.imported as number),
    });
    await dialog.run(true);
    expect(calls).toEqual([]); // no file chosen: nothing sent
    dialog.pick(chosen('隐患清单.xlsx'));
    await dialog.run(true);
    expect(dialog.result.value).toMatchObject({ imported: 0, rows: 3 });
    expect(imported).toEqual([]);
    await dialog.run(false);
    expect(calls).toEqual([true, false]);
    expect(imported).toEqual([3]);
    open.value = false;
    await nextTick();
    open.value = true;
    await nextTick();
    expect([dialog.file.value, dialog.result.value, dialog.error.value]).toEqual([null, null, null]);
  });

  it('shows the server’s progress while the import runs, polled under the key sent with the file', async () => {
    const keys: string[] = [];
    const seen: (number | null)[] = [];
    let finish: (r: ImportResult) => void = () => {};
    const dialog = useExcelImport({
      open: ref(true),
      template: async () => ({ filename: 't.xlsx', base64: '' }),
      upload: (f) => (keys.push(f.progressKey), new Promise<ImportResult>((r) => (finish = r))),
      onImported: () => undefined,
      progress: async (key) => (keys.push(key), { phase: 'writing', total: 5000, parsed: 5000, checked: 5000, written: 2500 }),
    });
    dialog.pick(chosen('隐患清单.xlsx'));
    const running = dialog.run(false);
    seen.push(dialog.percent.value);
    await new Promise((r) => setTimeout(r, 1200));
    seen.push(dialog.percent.value);
    expect(dialog.busy.value).toBe(true);
    expect(dialog.progress.value).toMatchObject({ phase: 'writing', written: 2500 });
    finish({ imported: 5000, rows: 5000, errors: [], errorCount: 0 });
    await running;
    expect(seen[0]).toBeNull(); // the file is still being sent
    expect(seen[1]).toBeGreaterThan(50);
    expect(seen[1]).toBeLessThan(100);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect([dialog.busy.value, dialog.progress.value]).toEqual([false, null]);
  });

  it('shows the server’s refusal instead of a result', async () => {
    const dialog = useExcelImport({
      open: ref(true),
      template: async () => Promise.reject(new Error('x')),
      upload: async () => Promise.reject(new Error('文件内容不是 Excel 工作簿（扩展名可能被修改过）')),
      onImported: () => undefined,
    });
    dialog.pick(chosen('setup.xlsx'));
    await dialog.run(true);
    expect(dialog.result.value).toBeNull();
    expect(dialog.error.value).toBeTruthy();
    expect(dialog.busy.value).toBe(false);
  });
});
