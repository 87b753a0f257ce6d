import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionLabel, auditChanges, auditChangesText, auditTargetLabel, describeAudit } from './audit-labels.ts';

describe('the audit trail in words (security.md: the 审计管理员 reads who did what to which record)', () => {
  it('names actions and records in Chinese and English; a refused call by its area and procedure', () => {
    expect(auditActionLabel('safety.hazard.close')).toBe('验收销号');
    expect(auditActionLabel('safety.hazard.close', 'en-US')).toBe('Accept and close');
    expect(auditActionLabel('safety.compliance')).toBe('安全管理：safety.compliance');
    expect(auditActionLabel('unknown')).toBe('unknown');
    expect(auditTargetLabel('safety_hazard')).toBe('隐患');
    expect(auditTargetLabel('safety_hazard:import')).toBe('隐患（导入）');
    expect(auditTargetLabel('progress_report', 'en-US')).toBe('Progress report');
    for (const [action, [zh, en]] of Object.entries(AUDIT_ACTIONS)) expect(zh && en && !/[.]/.test(zh), action).toBeTruthy();
  });

  it('lists changes field by field with labels: before → after, only the fields that changed', () => {
    const before = { status: 'rectifying', deadline: '2022-09-30' };
    const after = { status: 'awaiting_acceptance', deadline: '2022-09-30', measures: '已更换灭火器4具' };
    expect(auditChanges(before, after)).toEqual([
      { field: 'status', label: '状态', before: 'rectifying', after: 'awaiting_acceptance' },
      { field: 'measures', label: '整改措施', before: '—', after: '已更换灭火器4具' },
    ]);
    expect(auditChangesText(before, after)).toBe('状态：rectifying → awaiting_acceptance；整改措施：— → 已更换灭火器4具');
    expect(auditChangesText(null, { reason: '照片不清楚', rows: 3 })).toBe('原因：照片不清楚；行数：3');
    expect(auditChangesText({ enabled: true }, { enabled: false }, 'en-US')).toBe('Enabled: true → false');
    expect(auditChangesText(null, null)).toBe('');
  });

  it('describes a record the same way for the screen and the file', () => {
    expect(
      describeAudit({
        action: 'plan.returnReport',
        targetType: 'progress_report',
        targetId: '12',
        result: 'ok',
        before: { review: 'submitted' },
        after: { review: 'returned', reason: '缺少教师安置人数' },
      }),
    ).toEqual({
      action: '退回进展报告',
      target: '进展报告 12',
      result: '成功',
      changes: '审核状态：submitted → returned；原因：— → 缺少教师安置人数',
    });
  });
});
