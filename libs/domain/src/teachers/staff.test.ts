import { describe, expect, it } from 'vitest';
import { idCardCheckChar } from '../id-card.ts';
import { ageOn, HireInput, hireRefusal, missingStaffFields, STAFF_REQUIRED_FIELDS } from './staff.ts';

const id = (first17: string) => first17 + idCardCheckChar(first17);
const hire = {
  idNumber: id('43042219900512002'),
  name: '李老师',
  schoolId: 12,
  employment: 'tenured',
  post: 'teacher',
  certificateNo: '20144300012000123',
  joinedOn: '2022-09-01',
  query: { queriedOn: '2022-08-20', result: 'clear' },
};

describe('a hire into the staff registry', () => {
  it('parses a complete hire and normalises the ID number', () => {
    const r = HireInput.parse({ ...hire, idNumber: hire.idNumber.toLowerCase() + ' ' });
    expect(r.idNumber).toBe(hire.idNumber);
    expect(hireRefusal(r, '2022-11-30')).toBeNull();
  });

  it('refuses bad fields in Chinese, on their field', () => {
    const r = HireInput.safeParse({ ...hire, idNumber: '430422199005120021', employment: 'x', query: { queriedOn: '2022-08-20' } });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField).toMatchObject({ idNumber: '身份证号校验位错误', employment: '请选择用工性质', 'query.result': '请选择查询结果' });
  });

  it('refuses a person under 16 on the day, and a 专任教师 without a 教师资格证号 unless a substitute', () => {
    const young = HireInput.parse({ ...hire, idNumber: id('43042220080512002') });
    expect(hireRefusal(young, '2022-11-30')?.field).toBe('idNumber');
    const noCert = HireInput.parse({ ...hire, certificateNo: undefined });
    expect(hireRefusal(noCert, '2022-11-30')).toEqual({ field: 'certificateNo', message: '专任教师请填写教师资格证号' });
    expect(hireRefusal({ ...noCert, employment: 'substitute' }, '2022-11-30')).toBeNull();
    expect(hireRefusal({ ...noCert, post: 'service' }, '2022-11-30')).toBeNull();
  });

  it('counts whole years of age', () => {
    expect(ageOn('1990-05-12', '2022-05-11')).toBe(31);
    expect(ageOn('1990-05-12', '2022-05-12')).toBe(32);
  });
});

describe('信息完整率: the required fields of a staff record', () => {
  const base = { post: 'teacher', employment: 'tenured', certificateNo: '20144300012000123', subject: '语文', nationalId: 'N1' } as const;
  it('a teacher needs a certificate (not a 代课 one), a subject and the national system id', () => {
    expect(missingStaffFields(base)).toEqual([]);
    expect(missingStaffFields({ ...base, certificateNo: null, subject: ' ' })).toEqual(['certificateNo', 'subject']);
    expect(missingStaffFields({ ...base, employment: 'substitute', certificateNo: null })).toEqual([]);
  });
  it('other posts need the national system id only, outsourced staff nothing', () => {
    const guard = { post: 'service', employment: 'outsourced', certificateNo: null, subject: null, nationalId: null } as const;
    expect(missingStaffFields(guard)).toEqual([]);
    expect(missingStaffFields({ ...guard, post: 'management', employment: 'tenured' })).toEqual(['nationalId']);
    expect(STAFF_REQUIRED_FIELDS.map((f) => f.field)).toEqual(['certificateNo', 'subject', 'nationalId']);
  });
});
