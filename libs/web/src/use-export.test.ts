import { describe, expect, it } from 'vitest';
import { useExport } from './use-export.ts';

describe('useExport (every export button)', () => {
  it('is busy while the file is built, ignores a second click meanwhile, and saves the file once', async () => {
    const { busy, error, run } = useExport();
    let finish!: (f: { filename: string; rows: number }) => void;
    let fetches = 0;
    const saved: string[] = [];
    const fetch = () => {
      fetches++;
      return new Promise<{ filename: string; rows: number }>((r) => (finish = r));
    };
    const first = run(fetch, (f) => saved.push(f.filename));
    expect(busy.value).toBe(true);
    expect(await run(fetch, (f) => saved.push(f.filename))).toBeNull(); // the double click
    finish({ filename: '隐患台账.xlsx', rows: 3 });
    expect(await first).toEqual({ filename: '隐患台账.xlsx', rows: 3 });
    expect({ fetches, saved, busy: busy.value, error: error.value }).toEqual({
      fetches: 1,
      saved: ['隐患台账.xlsx'],
      busy: false,
      error: null,
    });
  });

  it('a failure ends the busy state with a Chinese message and saves nothing', async () => {
    const { busy, error, run } = useExport();
    const saved: unknown[] = [];
    expect(
      await run(
        () => Promise.reject(new TypeError('Failed to fetch')),
        (f) => saved.push(f),
      ),
    ).toBeNull();
    expect({ busy: busy.value, error: error.value, saved }).toEqual({ busy: false, error: '无法连接服务器，请检查网络后重试', saved: [] });
  });
});
