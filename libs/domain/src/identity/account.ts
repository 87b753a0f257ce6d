import { z } from 'zod';
import { RecordVersion } from '../bounds.ts';
import { textField } from '../text.ts';
import { isLocked } from './lockout.ts';

/**
 * Account fields as the 系统管理员 enters them. Login names are case-insensitive (stored lower-case) and plain
 * ASCII, so they read the same in every log and cannot be confused with look-alike characters.
 */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, { message: '用户名须以字母开头，由3–32位小写字母、数字、点、下划线或连字符组成' });

export const DisplayName = textField(40, '姓名').pipe(z.string().min(1, { message: '请输入姓名或单位名称' }));

/** The row version an editor saw (optimistic locking): a stale one is a conflict, nothing is written. */
export const ExpectedVersion = RecordVersion;

/** Status of an account as shown in the admin lists. */
export type AccountStatus = 'active' | 'disabled' | 'locked' | 'must_change';
export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  active: '正常',
  disabled: '已停用',
  locked: '已锁定',
  must_change: '待修改初始密码',
};

export function accountStatus(
  a: { disabled: boolean; failures: number; lockedUntil: Date | null; mustChangePassword: boolean },
  now: Date,
): AccountStatus {
  if (a.disabled) return 'disabled';
  if (isLocked(a, now)) return 'locked';
  if (a.mustChangePassword) return 'must_change';
  return 'active';
}
