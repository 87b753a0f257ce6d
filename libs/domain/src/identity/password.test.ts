import { describe, expect, it } from 'vitest';
import { HENGYANG_CONTEXT_WORDS } from '../hengyang/context-words.ts';
import { COMMON_PASSWORD_LIST, COMMON_PASSWORDS } from './common-passwords.ts';
import { checkPasswordStrength, mustChangePassword, passwordExpiry, passwordExpiryNotice } from './password.ts';
import { DEFAULT_SECURITY_POLICY as policy } from './security-policy.ts';

const ctx = { policy, commonPasswords: COMMON_PASSWORDS, contextWords: HENGYANG_CONTEXT_WORDS };
const check = (pw: string, username?: string) => checkPasswordStrength(pw, { ...ctx, username });

const SHORT = '密码至少8位';
const CLASSES = '密码须包含大写字母、小写字母、数字、符号中的至少3类';
const COMMON = '密码过于常见';
const USERNAME = '密码不能包含用户名';
const LOCAL = '密码不能包含单位名称等常见词';

// The identity issue: ≥8 characters, 3 of 4 classes, not in a common list, not containing the username or
// local words (security.md §1 身份鉴别 a: "deny-list top-3000 + context words (hengyang, jyj, 123456…)").
describe('checkPasswordStrength', () => {
  it('accepts good passwords', () => {
    for (const pw of ['Tq7#mVx2', 'correct-Horse-battery', 'Xk9$wq2Lp!', '校长Mx3!kq9z']) expect(check(pw), pw).toEqual([]);
  });

  it('needs 8 characters, counted as characters not UTF-16 units', () => {
    expect(check('Tq7#mVx')).toEqual([SHORT]);
    expect(check('Tq7#𠮷𠮷𠮷')).toEqual([SHORT]); // 7 characters, 10 UTF-16 units
    expect(check('Tq7#mVx2')).toEqual([]);
  });

  it('needs 3 of the 4 classes: upper, lower, digit, symbol', () => {
    expect(check('tqmvxkwz')).toEqual([CLASSES]);
    expect(check('tq7mvx2k')).toEqual([CLASSES]);
    expect(check('TQ7MVX2K')).toEqual([CLASSES]);
    expect(check('tq7mvx2!')).toEqual([]);
    expect(check('TQ7MVX2!')).toEqual([]);
    expect(check('Tqmvx!kw')).toEqual([]);
    expect(check('Tq7mvx2k')).toEqual([]);
    expect(check('Tq7mvx2！')).toEqual([]); // a full-width symbol is a symbol
    expect(check('Tq 7mvx2k')).toEqual([]); // spaces are allowed
  });

  it('rejects common passwords, case-insensitively and with trailing digits/symbols stripped', () => {
    expect(check('123456')).toEqual([SHORT, CLASSES, COMMON]);
    expect(check('Password123!')).toEqual([COMMON]); // the example: 'password'
    expect(check('Qwerty123456')).toEqual([COMMON]);
    expect(check('Aa123456!')).toEqual([COMMON]); // 'aa123456'
    expect(check('Admin@2024!')).toEqual([COMMON]);
    expect(check('1qaz@WSX')).toEqual([COMMON]); // keyboard walk
    expect(check('Woaini1314!')).toEqual([COMMON]);
    expect(check('5201314Love')).toEqual([]); // a common stem only counts at the start
    expect(checkPasswordStrength('Password123!', { ...ctx, commonPasswords: new Set() })).toEqual([]);
  });

  it('rejects the username (3+ characters) inside the password', () => {
    expect(check('Xq7!zhangsan', 'zhangsan')).toEqual([USERNAME]);
    expect(check('Xq7!ZhangSan', ' ZHANGSAN ')).toEqual([USERNAME]);
    expect(check('Xq7!abzz', 'ab')).toEqual([]); // too short to mean anything
  });

  it('rejects local words (衡阳, 教育局) anywhere, and a bare "hy" stem', () => {
    expect(check('HengYang@2024')).toEqual([LOCAL]);
    expect(check('Xq7!jyj99')).toEqual([LOCAL]);
    expect(check('衡阳Xq7!abc')).toEqual([LOCAL]);
    expect(check('Leiyang#2025')).toEqual([LOCAL]);
    expect(check('Hy@123456')).toEqual([LOCAL]);
    expect(check('Physics#42')).toEqual([]); // 'hy' inside a word is fine
    expect(checkPasswordStrength('HengYang@2024', { ...ctx, contextWords: ['changsha'] })).toEqual([]);
  });

  it('rejects blank passwords and control or broken characters', () => {
    for (const pw of ['', '        ', '\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000']) {
      expect(check(pw)).toEqual(['密码不能为空，也不能全为空白字符']);
    }
    for (const pw of ['Tq7#mVx2\u0000', 'Tq7#\nmVx2', 'Tq7#mVx2\u007f', 'Tq7#mVx2\ud800', 'Tq7#\udc00mVx2']) {
      expect(check(pw)).toEqual(['密码不能包含控制字符或无效字符']);
    }
  });

  it('limits the length to policy.maxLength', () => {
    expect(check(`Tq7#${'x'.repeat(124)}`)).toEqual([]);
    expect(check(`Tq7#${'x'.repeat(125)}`)).toEqual(['密码不能超过128位']);
  });

  it('uses the policy numbers in its messages', () => {
    const strict = { ...policy, minLength: 12, minClasses: 4 };
    expect(checkPasswordStrength('tq7mvx2k', { ...ctx, policy: strict })).toEqual([
      '密码至少12位',
      '密码须包含大写字母、小写字母、数字、符号中的至少4类',
    ]);
  });
});

describe('the common-password list', () => {
  it('is a few hundred lower-case entries without duplicates, with the ones the issue names', () => {
    expect(COMMON_PASSWORD_LIST.length).toBeGreaterThan(300);
    expect(COMMON_PASSWORDS.size).toBe(COMMON_PASSWORD_LIST.length);
    for (const pw of COMMON_PASSWORD_LIST) expect(pw, pw).toBe(pw.toLowerCase());
    const named = [
      '123456',
      '123456789',
      '111111',
      '000000',
      '12345678',
      'password',
      'qwerty',
      'abc123',
      '5201314',
      '1314520',
      'woaini',
      'iloveyou',
      'a123456',
      'aa123456',
      'admin',
      'root',
      '666666',
      '888888',
      '123123',
      '147258369',
      'qq123456',
      'zxcvbnm',
    ];
    for (const pw of named) expect(COMMON_PASSWORDS.has(pw), pw).toBe(true);
    for (const w of ['hengyang', 'hy', 'jyj', '衡阳']) expect(HENGYANG_CONTEXT_WORDS).toContain(w);
  });
});

const day = 24 * 60 * 60 * 1000;
const changedAt = new Date('2025-01-01T00:00:00+08:00');
const after = (ms: number) => new Date(changedAt.getTime() + ms);

// The identity issue: expiry after 90 days, a warning 7 days before; the initial password is changed at first login.
describe('passwordExpiry', () => {
  it('counts down 90 days and warns in the last 7', () => {
    expect(passwordExpiry(changedAt, changedAt, policy)).toEqual({ expired: false, warn: false, daysLeft: 90 });
    expect(passwordExpiry(changedAt, after(83 * day - 1), policy)).toEqual({ expired: false, warn: false, daysLeft: 8 });
    expect(passwordExpiry(changedAt, after(83 * day), policy)).toEqual({ expired: false, warn: true, daysLeft: 7 });
    expect(passwordExpiry(changedAt, after(90 * day - 1), policy)).toEqual({ expired: false, warn: true, daysLeft: 1 });
    expect(passwordExpiry(changedAt, after(90 * day), policy)).toEqual({ expired: true, warn: false, daysLeft: 0 });
    expect(passwordExpiry(changedAt, after(400 * day), policy)).toEqual({ expired: true, warn: false, daysLeft: 0 });
  });

  it('treats an unreadable date as expired', () => {
    expect(passwordExpiry(new Date('garbage'), changedAt, policy).expired).toBe(true);
    expect(passwordExpiry(changedAt, new Date(Number.NaN), policy).expired).toBe(true);
  });

  it('gives the notice shown after login', () => {
    expect(passwordExpiryNotice(passwordExpiry(changedAt, after(10 * day), policy))).toBeNull();
    expect(passwordExpiryNotice(passwordExpiry(changedAt, after(85 * day), policy))).toBe('密码将在5天后过期，请及时修改');
    expect(passwordExpiryNotice(passwordExpiry(changedAt, after(95 * day), policy))).toBe('密码已过期，请立即修改密码');
  });
});

describe('mustChangePassword', () => {
  it('forces a change at first login and after expiry', () => {
    expect(mustChangePassword({ mustChange: true, passwordChangedAt: changedAt }, changedAt, policy)).toBe('INITIAL');
    expect(mustChangePassword({ mustChange: true, passwordChangedAt: changedAt }, after(100 * day), policy)).toBe('INITIAL');
    expect(mustChangePassword({ mustChange: false, passwordChangedAt: changedAt }, after(100 * day), policy)).toBe('EXPIRED');
    expect(mustChangePassword({ mustChange: false, passwordChangedAt: changedAt }, after(10 * day), policy)).toBeNull();
  });

  it('fails closed when the flag is missing', () => {
    const user = { passwordChangedAt: changedAt } as unknown as { mustChange: boolean; passwordChangedAt: Date };
    expect(mustChangePassword(user, changedAt, policy)).toBe('INITIAL');
  });
});
