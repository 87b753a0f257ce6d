import { describe, expect, it, vi } from 'vitest';
import { withTimeout } from './remotes.ts';

describe('withTimeout', () => {
  it('passes a result through', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000, '模块')).resolves.toBe(7);
  });
  it('gives up on a remote that never answers, with a Chinese message', async () => {
    vi.useFakeTimers();
    const never = new Promise<never>(() => {});
    const p = withTimeout(never, 3000, '「安全管理」模块');
    vi.advanceTimersByTime(3000);
    await expect(p).rejects.toThrow('加载「安全管理」模块超时（3 秒）');
    vi.useRealTimers();
  });
});
