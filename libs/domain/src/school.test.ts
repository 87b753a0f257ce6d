import { describe, expect, it } from 'vitest';
import { Grade, gradeLabel, GRADES_BY_LEVEL, isCompulsoryGrade, SCHOOL_LEVEL_LABELS, SchoolLevel } from './school.ts';

describe('school levels and grades', () => {
  it('every level has its grades', () => {
    expect(GRADES_BY_LEVEL.primary).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    expect(GRADES_BY_LEVEL.nine_year).toHaveLength(9);
    expect(GRADES_BY_LEVEL.complete_middle).toEqual(['J1', 'J2', 'J3', 'S1', 'S2', 'S3']);
    expect(GRADES_BY_LEVEL.special).toHaveLength(9);
    for (const level of SchoolLevel.options) {
      expect(GRADES_BY_LEVEL[level].length, level).toBeGreaterThan(0);
      expect(SCHOOL_LEVEL_LABELS[level]).toBeTruthy();
    }
  });

  it('"Only compulsory grades count (小学 + 初中, including those taught in 九年一贯制 and 完中 schools)"', () => {
    const compulsory = Grade.options.filter(isCompulsoryGrade);
    expect(compulsory).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'J1', 'J2', 'J3']);
    expect(GRADES_BY_LEVEL.nine_year.every(isCompulsoryGrade)).toBe(true);
    expect(GRADES_BY_LEVEL.complete_middle.filter(isCompulsoryGrade)).toEqual(['J1', 'J2', 'J3']);
    for (const g of ['K1', 'S1', 'V1', 'X1'] as const) expect(isCompulsoryGrade(g), g).toBe(false);
  });

  it('labels grades in Chinese', () => {
    expect(gradeLabel('K1')).toBe('小班');
    expect(gradeLabel('K3')).toBe('大班');
    expect(gradeLabel('P1')).toBe('小学一年级');
    expect(gradeLabel('J3')).toBe('初中三年级');
    expect(gradeLabel('S2')).toBe('高中二年级');
    expect(gradeLabel('V1')).toBe('中职一年级');
    expect(gradeLabel('X9')).toBe('特教九年级');
  });
});
