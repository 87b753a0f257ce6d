import { describe, expect, it } from 'vitest';
import { idCardCheckChar } from '../id-card.ts';
import { aidItemOf, AidRollRow, semesterOfText } from './aid-roll-import.ts';
import { aidGradeOf, gradeHint } from './aid-student-import.ts';
import { paidOnRefusal } from './aid.ts';

describe('the 学籍 extract’s 年级: the stage from the grade, at a school that teaches it', () => {
  it('reads the national registry’s grades by the school’s level', () => {
    expect(aidGradeOf('三年级', 'primary')).toEqual({ stage: 'primary', grade: 3 });
    expect(aidGradeOf('七年级', 'junior')).toEqual({ stage: 'junior', grade: 1 });
    expect(aidGradeOf('初三', 'junior')).toEqual({ stage: 'junior', grade: 3 });
    // A 九年一贯制 school teaches both: the grade decides.
    expect(aidGradeOf('六年级', 'nine_year')).toEqual({ stage: 'primary', grade: 6 });
    expect(aidGradeOf('八年级', 'nine_year')).toEqual({ stage: 'junior', grade: 2 });
    expect(aidGradeOf('高二', 'complete_middle')).toEqual({ stage: 'senior', grade: 2 });
    expect(aidGradeOf('十二年级', 'senior')).toEqual({ stage: 'senior', grade: 3 });
    expect(aidGradeOf('二年级', 'vocational')).toEqual({ stage: 'vocational', grade: 2 });
    expect(aidGradeOf('大班', 'kindergarten')).toEqual({ stage: 'preschool', grade: 3 });
    expect(aidGradeOf('5', 'primary')).toEqual({ stage: 'primary', grade: 5 });
  });
  it('refuses a grade the school does not teach, or no grade at all', () => {
    expect(aidGradeOf('七年级', 'primary')).toBeNull();
    expect(aidGradeOf('一年级', 'junior')).toBeNull();
    expect(aidGradeOf('高一', 'vocational')).toBeNull();
    expect(aidGradeOf('四年级', 'vocational')).toBeNull();
    expect(aidGradeOf('三班', 'primary')).toBeNull();
    expect(gradeHint('nine_year')).toBe('一年级至六年级，或七年级至九年级（或初一至初三）');
  });
});

describe('the aid roll’s cells', () => {
  it('names an item by its label or the national system’s names', () => {
    expect(aidItemOf('义务教育家庭经济困难学生生活补助')).toBe('living_allowance');
    expect(aidItemOf('寄宿生生活补助')).toBe('living_allowance');
    expect(aidItemOf('中职 国家助学金')).toBe('vocational_grant');
    expect(aidItemOf('助学金')).toBeNull();
  });
  it('reads a semester in the usual ways', () => {
    expect(semesterOfText('2022-2')).toBe('2022-2');
    expect(semesterOfText('2022年秋季学期')).toBe('2022-2');
    expect(semesterOfText('2022春')).toBe('2022-1');
    expect(semesterOfText('2022-2023学年第一学期')).toBe('2022-2');
    expect(semesterOfText('2022—2023学年第二学期')).toBe('2023-1');
    expect(semesterOfText('2022-2024学年第一学期')).toBeNull();
    expect(semesterOfText('秋季')).toBeNull();
  });
  it('takes the amount in 元 with at most 2 decimals, as fen', () => {
    const first17 = '43042220120501111';
    const row = {
      name: '王小红',
      idNumber: first17 + idCardCheckChar(first17),
      item: 'living_allowance',
      semester: '2022-2',
      paidOn: '2022-10-20',
    };
    expect(AidRollRow.parse({ ...row, amount: '312.50' }).amount).toBe(31_250);
    expect(AidRollRow.parse({ ...row, amount: '625' }).amount).toBe(62_500);
    expect(AidRollRow.safeParse({ ...row, amount: '312.505' }).error?.issues[0]?.message).toBe('金额最多保留两位小数');
    expect(AidRollRow.safeParse({ ...row, amount: '0' }).error?.issues[0]?.message).toBe('发放金额应大于0');
  });
  it('a payment date inside its semester, not in the future', () => {
    expect(paidOnRefusal('2022-2', '2022-09-01', '2022-11-30')).toBeNull();
    expect(paidOnRefusal('2022-2', '2022-08-31', '2022-11-30')).toBe('发放日期不能早于该学期开始');
    expect(paidOnRefusal('2022-2', '2022-12-01', '2022-11-30')).toBe('发放日期不能晚于今天');
  });
});
