import { describe, expect, it } from 'vitest';
import { pupilTeacherRatio, quotaFillRate } from './staffing.ts';

describe('staffing', () => {
  it('computes 生师比 and refuses to invent one without teachers', () => {
    expect(pupilTeacherRatio(360, 20)).toBe(18);
    expect(pupilTeacherRatio(360, 0)).toBeNull();
  });
  it('computes 编制使用率 only where there is a quota (docs/domain/teachers.md StaffingQuota)', () => {
    expect(quotaFillRate(45, 50)).toBe(0.9);
    expect(quotaFillRate(12, 0)).toBeNull();
  });
});
