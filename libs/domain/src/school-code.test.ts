import { describe, expect, it } from 'vitest';
import {
  BUREAU_SCHOOL_CODE_CATEGORIES,
  parseSchoolCode,
  SCHOOL_CODE_CATEGORIES,
  schoolCodeCategoryForLevel,
  schoolCodeSchema,
} from './school-code.ts';
import { SchoolLevel } from './school.ts';

describe('学校标识码 (docs/domain/org.md: "10 digits AABBCCCCCC … BB = 省 code (43 湖南) … No check digit")', () => {
  it('parses category, province and sequence', () => {
    expect(parseSchoolCode('2143001234')).toEqual({
      ok: true,
      value: { code: '2143001234', category: '21', categoryLabel: '小学', provinceCode: '43', sequence: '001234' },
    });
    expect(parseSchoolCode(' １１４３０００００１ ')).toMatchObject({ ok: true, value: { code: '1143000001', categoryLabel: '幼儿园' } });
  });

  it('"AA category: 11 幼儿园, 21 小学, … 93 中等职业培训机构" — 16 categories', () => {
    expect(Object.keys(SCHOOL_CODE_CATEGORIES)).toHaveLength(16);
    expect(SCHOOL_CODE_CATEGORIES['93']).toBe('中等职业培训机构');
    expect(parseSchoolCode('1943001234')).toEqual({ ok: false, code: 'SCHOOL_CODE_CATEGORY', message: '学校标识码类别无效' });
  });

  it('rejects anything but 10 digits', () => {
    for (const bad of ['214300123', '21430012345', '21430O1234', '']) {
      expect(parseSchoolCode(bad), bad).toEqual({ ok: false, code: 'SCHOOL_CODE_FORMAT', message: '学校标识码应为10位数字' });
    }
  });

  it('checks the province when one is given', () => {
    expect(parseSchoolCode('2144001234', { provinceCode: '43' })).toEqual({
      ok: false,
      code: 'SCHOOL_CODE_PROVINCE',
      message: '学校标识码省份代码应为43',
    });
    expect(parseSchoolCode('2144001234').ok).toBe(true);
  });

  it('"Hengyang regex for bureau-managed schools (高校 41/42/91/92 left out)"', () => {
    const re = /^(11|21|22|31|32|33|34|35|36|37|51|93)43\d{6}$/;
    for (const aa of Object.keys(SCHOOL_CODE_CATEGORIES)) {
      const code = `${aa}43000001`;
      expect(parseSchoolCode(code, { provinceCode: '43', categories: BUREAU_SCHOOL_CODE_CATEGORIES }).ok, code).toBe(re.test(code));
    }
  });

  it('zod schema factory carries the Chinese message', () => {
    const schema = schoolCodeSchema('43');
    expect(schema.parse('3443000101')).toBe('3443000101');
    expect(schema.safeParse('3444000101').error?.issues[0]?.message).toBe('学校标识码省份代码应为43');
    expect(schema.safeParse('34430001').error?.issues[0]?.message).toBe('学校标识码应为10位数字');
    expect(schoolCodeSchema().safeParse('3444000101').success).toBe(true);
  });

  it('maps every school level to a category used to mint codes', () => {
    expect(schoolCodeCategoryForLevel('kindergarten')).toBe('11');
    expect(schoolCodeCategoryForLevel('primary')).toBe('21');
    expect(schoolCodeCategoryForLevel('junior')).toBe('31');
    expect(schoolCodeCategoryForLevel('nine_year')).toBe('31'); // assumption, not verified (docs/domain/org.md)
    expect(schoolCodeCategoryForLevel('complete_middle')).toBe('34');
    expect(schoolCodeCategoryForLevel('senior')).toBe('34');
    expect(schoolCodeCategoryForLevel('vocational')).toBe('36');
    expect(schoolCodeCategoryForLevel('special')).toBe('51');
    for (const level of SchoolLevel.options) expect(SCHOOL_CODE_CATEGORIES[schoolCodeCategoryForLevel(level)]).toBeDefined();
  });
});
