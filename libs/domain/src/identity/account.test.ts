import { describe, expect, it } from 'vitest';
import { accountStatus, DisplayName, Username } from './account.ts';

describe('account fields', () => {
  it('login names are lower-cased ASCII, 3–32 characters, starting with a letter', () => {
    expect(Username.parse('  ZhangSan.01 ')).toBe('zhangsan.01');
    for (const bad of ['ab', '1abc', 'zhang san', '张三', 'a'.repeat(33), 'admin;drop']) {
      expect(Username.safeParse(bad).error?.issues[0]?.message).toBe('用户名须以字母开头，由3–32位小写字母、数字、点、下划线或连字符组成');
    }
  });

  it('a display name is required, at most 40 characters, no control characters', () => {
    expect(DisplayName.safeParse(' ').error?.issues[0]?.message).toBe('请输入姓名或单位名称');
    expect(DisplayName.safeParse('x'.repeat(41)).error?.issues[0]?.message).toBe('姓名最多40个字');
    expect(DisplayName.safeParse('张\u0000三').success).toBe(false);
  });

  it('status: disabled first, then a running lock, then a pending initial password', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const base = { disabled: false, failures: 0, lockedUntil: null, mustChangePassword: false };
    expect(accountStatus(base, now)).toBe('active');
    expect(accountStatus({ ...base, mustChangePassword: true }, now)).toBe('must_change');
    expect(accountStatus({ ...base, lockedUntil: new Date(now.getTime() + 60_000), mustChangePassword: true }, now)).toBe('locked');
    expect(accountStatus({ ...base, lockedUntil: new Date(now.getTime() - 60_000) }, now)).toBe('active');
    expect(accountStatus({ ...base, disabled: true, lockedUntil: new Date(now.getTime() + 60_000) }, now)).toBe('disabled');
  });
});
