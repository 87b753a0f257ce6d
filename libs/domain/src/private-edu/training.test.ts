import { describe, expect, it } from 'vitest';
import { platformCategoryOf, platformFeeOf, PlatformImportRow, PlatformMapping, resolvePlatformMapping } from './training-import.ts';
import {
  academicOn,
  DEFAULT_REDUCTION_BASE_DATE,
  feeSupervisionCoverage,
  matchPlatformRow,
  needsConversion,
  platformOnboarding,
  subjectReduction,
  TRAINING_CONVERSION_DEADLINE,
  TrainingCapacityInput,
  TrainingInput,
  trainingRefusals,
  TRAINING_CONVERSION_WORKFLOW as wf,
} from './training.ts';

const TODAY = '2022-11-30';
const academic = {
  unitCode: '430422',
  name: '衡南县明德学科培训学校',
  uscc: '91430407734567890P',
  licenceNo: '教民143042270000011号',
  approvedOn: '2019-03-01',
  address: '衡南县云集街道建设路8号',
  floorArea: 320,
  trainingCategory: 'academic' as const,
  trainingStage: 'compulsory' as const,
  mode: 'offline' as const,
  nature: 'for_profit' as const,
  operatingStatus: 'operating' as const,
  feeSupervision: 'bank_custody' as const,
  whiteList: false,
  staff: [{ name: '张老师', role: 'teacher' as const, subject: '数学', certificateNo: '20194300012345' }],
};

describe('校外培训机构', () => {
  it('the 双减 opinion’s date is the default base; the national 营改非 deadline is 2021-12-31', () => {
    expect(DEFAULT_REDUCTION_BASE_DATE).toBe('2021-07-24');
    expect(TRAINING_CONVERSION_DEADLINE).toBe('2021-12-31');
  });

  it('学科类压减率 = (基数 − 存量) ÷ 基数: 420 at the base, 38 now → 90.95%', () => {
    expect(subjectReduction(420, 38)).toBeCloseTo(0.9095, 4);
    expect(subjectReduction(10, 12)).toBeCloseTo(-0.2);
    expect(subjectReduction(0, 0)).toBeNull();
  });

  it('入驻率 = on the platform ÷ approved here; 资金监管覆盖率 = supervised ÷ listed', () => {
    expect(platformOnboarding(95, 100)).toBe(0.95);
    expect(platformOnboarding(0, 0)).toBeNull();
    expect(feeSupervisionCoverage(88, 110)).toBe(0.8);
    expect(feeSupervisionCoverage(0, 0)).toBeNull();
  });

  it('an institution is 学科类 on a date when approved, not closed and not yet turned 非学科类', () => {
    const i = { category: 'academic' as const, approvedOn: '2020-01-01', deregisteredOn: null, leftAcademicOn: null };
    expect(academicOn(i, '2021-07-24')).toBe(true);
    expect(academicOn(i, '2019-12-31')).toBe(false);
    expect(academicOn({ ...i, deregisteredOn: '2021-10-01' }, '2021-07-24')).toBe(true);
    expect(academicOn({ ...i, deregisteredOn: '2021-10-01' }, TODAY)).toBe(false);
    const turned = { ...i, category: 'non_academic' as const, leftAcademicOn: '2021-11-15' };
    expect(academicOn(turned, '2021-07-24')).toBe(true);
    expect(academicOn(turned, TODAY)).toBe(false);
  });

  it('营改非 applies to 义务教育 学科类 营利 institutions', () => {
    const inst = { category: academic.trainingCategory, stage: academic.trainingStage, nature: academic.nature };
    expect(needsConversion(inst)).toBe(true);
    expect(needsConversion({ ...inst, nature: 'non_profit' })).toBe(false);
    expect(needsConversion({ ...inst, stage: 'senior' })).toBe(false);
    expect(needsConversion({ ...inst, category: 'non_academic' })).toBe(false);
  });

  it('营改非: 换证 → 民政登记 → 执照变更/注销 → 完成, 终止 from any open state with a reason', () => {
    const county = { level: 'county' as const, username: 'c' };
    const at = (state: (typeof wf.states)[number]) => wf.allowed({ state, submittedBy: null }, county);
    expect(at('not_started')).toEqual(['relicense', 'terminate']);
    expect(at('relicensing')).toEqual(['register', 'terminate']);
    expect(at('civil_registration')).toEqual(['changeLicence', 'terminate']);
    expect(at('business_licence')).toEqual(['complete', 'terminate']);
    expect(at('done')).toEqual([]);
    expect(at('terminated')).toEqual([]);
    expect(wf.allowed({ state: 'not_started', submittedBy: null }, { level: 'school', username: 's' })).toEqual([]);
    expect(wf.steps.terminate.reason).toBe(true);
  });

  it('the input: USCC validated, sub-type for 非学科类, a 学科类 teacher needs a 教师资格证号 (the field named)', () => {
    expect(TrainingInput.safeParse(academic).success).toBe(true);
    const bad = TrainingInput.safeParse({ ...academic, uscc: '91430407734567890X' });
    expect(bad.error?.issues[0]?.path).toEqual(['uscc']);
    const parsed = TrainingInput.parse({ ...academic, staff: [{ name: '李老师', role: 'teacher' }] });
    expect(trainingRefusals(parsed, TODAY)).toEqual([
      { field: 'staff.0.certificateNo', message: '学科类培训机构的教学人员请填写教师资格证号' },
    ]);
    const arts = TrainingInput.parse({ ...academic, trainingCategory: 'non_academic', staff: [{ name: '李老师', role: 'teacher' }] });
    expect(trainingRefusals(arts, TODAY)).toEqual([{ field: 'subType', message: '非学科类培训机构请选择类别' }]);
    expect(trainingRefusals({ ...arts, subType: 'arts' }, TODAY)).toEqual([]);
    expect(trainingRefusals({ ...parsed, staff: [], operatingStatus: 'deregistered' }, TODAY)).toEqual([
      { field: 'deregisteredOn', message: '请填写注销日期' },
    ]);
    expect(trainingRefusals({ ...parsed, staff: [], approvedOn: '2023-01-01' }, TODAY)).toEqual([
      { field: 'approvedOn', message: '日期不能晚于今天' },
    ]);
  });

  it('监管力量: a body has a name, no body none', () => {
    const c = { unitCode: '430422', expectedVersion: 0, hasBody: true, fullTimeStaff: 3, partTimeStaff: 2, enforcementStaff: 4 };
    expect(TrainingCapacityInput.safeParse(c).error?.issues[0]).toMatchObject({ path: ['bodyName'], message: '请填写专门监管机构名称' });
    expect(TrainingCapacityInput.safeParse({ ...c, bodyName: '衡南县校外培训监管股' }).success).toBe(true);
  });

  it('a platform row matches by national id, else by USCC', () => {
    type Entry = { id: number; platformId: string | null; uscc: string };
    const a: Entry = { id: 1, platformId: 'HN-0001', uscc: '91430407734567890P' };
    const b: Entry = { id: 2, platformId: null, uscc: '52430400123456788P' };
    const byId = new Map<string, Entry>([['HN-0001', a]]);
    const byUscc = new Map<string, Entry>([
      [a.uscc, a],
      [b.uscc, b],
    ]);
    expect(matchPlatformRow({ platformId: 'HN-0001', uscc: null }, byId, byUscc)).toBe(a);
    expect(matchPlatformRow({ platformId: 'HN-9999', uscc: b.uscc }, byId, byUscc)).toBe(b);
    expect(matchPlatformRow({ platformId: 'HN-9999', uscc: null }, byId, byUscc)).toBeNull();
  });
});

describe('全国平台机构名单的表头', () => {
  it('defaults unless the city sets its own; a header used for two fields is refused', () => {
    expect(resolvePlatformMapping({ name: ['培训机构名称'] }).name).toEqual(['培训机构名称']);
    expect(resolvePlatformMapping(null).platformId[0]).toBe('机构编号');
    expect(PlatformMapping.safeParse({ name: ['机构编号'] }).error?.issues[0]?.message).toBe(
      '表头“机构编号”同时用于“机构编号”和“机构名称”',
    );
  });

  it('reads the platform’s words for category and fee supervision', () => {
    expect(platformCategoryOf('学科类')).toBe('academic');
    expect(platformCategoryOf(' 非学科类 ')).toBe('non_academic');
    expect(platformCategoryOf('其他')).toBeNull();
    expect(platformFeeOf('银行托管')).toBe('bank_custody');
    expect(platformFeeOf('')).toBe('none');
  });
});

describe('the platform list’s row', () => {
  const row = {
    platformId: 'HN-0001',
    name: '衡南县某培训学校',
    uscc: null,
    category: 'academic',
    unitCode: '430422',
    feeSupervision: 'none',
  };
  it('takes a row without USCC; refuses an unknown category or fee word in Chinese', () => {
    expect(PlatformImportRow.safeParse(row).success).toBe(true);
    const bad = PlatformImportRow.safeParse({ ...row, category: '体能类', feeSupervision: '托管' });
    expect(bad.error?.issues.map((i) => i.message)).toEqual(['应为学科类或非学科类', '应为银行托管、风险保证金、未纳入之一']);
  });
});
