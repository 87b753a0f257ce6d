import { describe, expect, it } from 'vitest';
import { idCardCheckChar } from '../id-card.ts';
import {
  DEFAULT_IMPORT_MAPPING,
  importDate,
  ImportMapping,
  importRowInput,
  importRowRefusals,
  resolveMapping,
  StaffImportRow,
} from './import.ts';

const id = (first17: string) => first17 + idCardCheckChar(first17);
const TODAY = '2022-11-30';
const cells = {
  name: '王晓梅',
  idNumber: id('43042219900512002'),
  sex: '女',
  birthDate: '1990-05-12',
  employment: '合同',
  post: '专任教师',
  certificateNo: '20184300022001234',
  joinedOn: '2022/11/28',
  queriedOn: '20221120',
  queryResult: '无相关记录',
};

describe('the national system import: mapping and rows', () => {
  it('takes the default mapping for the fields an override leaves out, and refuses one header for two fields', () => {
    expect(resolveMapping({ name: ['教师姓名'] })).toMatchObject({ name: ['教师姓名'], idNumber: DEFAULT_IMPORT_MAPPING.idNumber });
    expect(ImportMapping.safeParse({ name: ['教师姓名', '姓名'] }).success).toBe(true);
    const twice = ImportMapping.safeParse({ subject: ['职称'] });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.message).toBe('表头“职称”同时用于“职称”和“任教学科”');
    expect(ImportMapping.safeParse({ name: [] }).success).toBe(false);
    expect(ImportMapping.safeParse({ nobody: ['x'] }).success).toBe(false);
  });

  it('reads dates and words as the national export writes them', () => {
    expect(importDate('2022/1/5')).toBe('2022-01-05');
    expect(importDate('20221128')).toBe('2022-11-28');
    expect(importDate('202209')).toBe('2022-09-01');
    expect(importDate('2022年9月')).toBe('2022-09-01');
    expect(importDate('2022-02-30')).toBe('2022-02-30');
    expect(importDate(' ')).toBeUndefined();
    const row = StaffImportRow.parse(importRowInput(cells, 7));
    expect(row).toMatchObject({
      employment: 'contract',
      post: 'teacher',
      sex: 'female',
      joinedOn: '2022-11-28',
      queriedOn: '2022-11-20',
      queryResult: 'clear',
    });
    expect(StaffImportRow.safeParse(importRowInput({ ...cells, employment: '临时工' }, 7)).error?.issues[0]?.message).toBe(
      '请选择用工性质',
    );
  });

  it('cross-checks the file’s sex and birth date with the ID number and wants the 准入查询 whole', () => {
    const row = StaffImportRow.parse(importRowInput({ ...cells, sex: '男', birthDate: '1990-05-13', queryResult: '' }, 7));
    expect(importRowRefusals(row, TODAY)).toEqual([
      { field: 'sex', message: '性别与身份证号不符' },
      { field: 'birthDate', message: '出生日期与身份证号不符（身份证号为1990-05-12）' },
      { field: 'queryResult', message: '准入查询日期和结果应同时填写' },
    ]);
    const noCert = StaffImportRow.parse(importRowInput({ ...cells, certificateNo: '' }, 7));
    expect(importRowRefusals(noCert, TODAY)).toEqual([{ field: 'certificateNo', message: '专任教师请填写教师资格证号' }]);
    expect(importRowRefusals(StaffImportRow.parse(importRowInput(cells, 7)), TODAY)).toEqual([]);
  });
});
