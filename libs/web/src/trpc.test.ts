import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { errorMessage, fieldErrors, formErrors } from './trpc.ts';

const refused = (issues: { path: string; message: string }[] | null, message = '输入有误') =>
  TRPCClientError.from({
    error: {
      message,
      code: -32600,
      data: {
        code: 'BAD_REQUEST',
        httpStatus: 400,
        issues,
        zodError: issues ? { formErrors: [], fieldErrors: { policy: issues.map((i) => i.message) } } : null,
      },
    },
  });

describe('errors shown to users', () => {
  it('field errors by path, first message per field', () => {
    const e = refused([
      { path: 'policy.idleMinutes', message: '空闲超时不能超过30分钟' },
      { path: 'policy.minLength', message: '密码最小长度不能低于8位' },
      { path: 'policy.idleMinutes', message: '第二条' },
    ]);
    expect(fieldErrors(e)).toEqual({ 'policy.idleMinutes': '空闲超时不能超过30分钟', 'policy.minLength': '密码最小长度不能低于8位' });
    expect(errorMessage(e)).toBe('空闲超时不能超过30分钟');
  });

  it('no field errors for other failures; a network failure reads as one, in Chinese', () => {
    expect(fieldErrors(refused(null, '账号不存在'))).toEqual({});
    expect(errorMessage(refused(null, '账号不存在'))).toBe('账号不存在');
    expect(fieldErrors(new Error('x'))).toEqual({});
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('无法连接服务器，请检查网络后重试');
  });

  it('an answer that is not our server’s (a proxy’s HTML error page) reads as the service unavailable, never in English', () => {
    expect(errorMessage(refused(null, 'Unexpected token \'<\', "<html>" is not valid JSON'))).toBe('服务暂时不可用，请稍后重试');
  });

  // Issue 11 §2: a refused field the form has no place for (5,000 milestones) still reaches the user, naming its field.
  it('a form shows each field error beside its field and the others above it', () => {
    const e = refused([
      { path: 'task.title', message: '请输入任务名称' },
      { path: 'task.milestones', message: '每项任务最多24个时间节点' },
      { path: 'task.lead', message: '牵头科室：取值无效' },
    ]);
    const shown = (p: string) => p === 'task.title';
    expect(formErrors(e, shown)).toEqual({ 'task.title': '请输入任务名称', _: '每项任务最多24个时间节点；牵头科室：取值无效' });
    expect(formErrors(refused(null, '该科室已存在'), shown)).toEqual({ _: '该科室已存在' });
  });
});
