import { describe, expect, it } from 'vitest';
import {
  completionOf,
  inItWindow,
  IT_CAPABILITY_HOURS,
  IT_CAPABILITY_YEARS,
  itLastWindowDay,
  itRollup,
  itShortOn,
  itStanding,
  itWindowStart,
  projectRefusal,
  recordRefusal,
  tiersOf,
  TRAINING_TIER_LABELS,
  trainingCompletion,
  TrainingProjectInput,
  TrainingTier,
} from './training.ts';

const project = {
  tier: 'national' as const,
  name: '国培计划示范项目',
  year: 2022,
  organiser: '衡阳市教育局',
  plannedHours: 50,
  itCapability: true,
};

describe('training tiers', () => {
  it('seed item 18 “落实国培、省培、市培计划”: 国培, 省培, 市培, plus 县培 and 校本', () => {
    expect(TrainingTier.options.map((t) => TRAINING_TIER_LABELS[t].zh)).toEqual(['国培', '省培', '市培', '县培', '校本']);
  });
  it('the city enters 国培/省培/市培, a county its 县培, a school its 校本', () => {
    expect(tiersOf('city')).toEqual(['national', 'provincial', 'municipal']);
    expect(tiersOf('county')).toEqual(['county']);
    expect(tiersOf('school')).toEqual(['school']);
  });
  it('a 县培 project names its county, a 校本 one its school', () => {
    expect(projectRefusal({ ...project, tier: 'county' })?.field).toBe('unitCode');
    expect(projectRefusal({ ...project, tier: 'school', unitCode: '430422' })?.field).toBe('schoolId');
    expect(projectRefusal({ ...project, unitCode: '430422' })?.field).toBe('unitCode');
    expect(projectRefusal(project)).toBeNull();
  });
  it('refuses bad input in Chinese', () => {
    const r = TrainingProjectInput.safeParse({ ...project, plannedHours: 0, name: '' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['项目名称至少2个字', '计划学时不能小于1']));
  });
});

describe('IT 2.0 (教师〔2019〕1号: each teacher ≥ 50 学时 over 3 years)', () => {
  it('the rule is 50 hours in 3 years', () => {
    expect(IT_CAPABILITY_HOURS).toBe(50);
    expect(IT_CAPABILITY_YEARS).toBe(3);
  });
  it('the window is the 3 years ending on the day', () => {
    expect(itWindowStart('2022-11-30')).toBe('2019-11-30');
    expect(itWindowStart('2024-02-29')).toBe('2021-02-28');
  });
  it('25 网络研修 + 25 校本实践 meet it; hours outside the window or of other projects do not count', () => {
    const asOf = '2022-11-30';
    const r = (hours: number, recordedOn: string, itCapability = true) => ({ hours, recordedOn, itCapability });
    expect(itStanding([r(25, '2021-06-30'), r(25, '2022-05-20')], asOf)).toEqual({ hours: 50, short: 0, met: true });
    expect(itStanding([r(25, '2019-11-30'), r(25, '2022-05-20'), r(40, '2022-01-01', false)], asOf)).toEqual({
      hours: 25,
      short: 25,
      met: false,
    });
    expect(itStanding([r(30, '2022-12-01')], asOf).hours).toBe(0);
    expect(itStanding([r(30, '2022-12-01')], asOf, { hours: 30, years: 3 }).short).toBe(30);
  });
});

describe('records', () => {
  it('hours within the plan, dated in the project year or the next, not in the future', () => {
    const p = { year: 2022, plannedHours: 50 };
    expect(recordRefusal({ hours: 60, recordedOn: '2022-05-01' }, p, '2022-11-30')?.message).toBe('学时不能超过项目计划学时（50学时）');
    expect(recordRefusal({ hours: 10, recordedOn: '2022-12-01' }, p, '2022-11-30')?.field).toBe('recordedOn');
    expect(recordRefusal({ hours: 10, recordedOn: '2021-12-01' }, p, '2022-11-30')?.field).toBe('recordedOn');
    expect(recordRefusal({ hours: 50, recordedOn: '2022-06-01' }, p, '2022-11-30')).toBeNull();
  });
  it('完成率 = completed ÷ planned; no plan is no data', () => {
    expect(trainingCompletion(45, 50)).toBe(0.9);
    expect(trainingCompletion(0, 0)).toBeNull();
  });
  it('reads the national system’s 完成情况', () => {
    expect(completionOf('已完成')).toBe(true);
    expect(completionOf(' 未完成 ')).toBe(false);
    expect(completionOf('也许')).toBeNull();
  });
});

describe('the import row', () => {
  it('reads the national export’s cells and refuses a 已完成 row without its date', async () => {
    const { TrainingImportRow, trainingImportInput } = await import('./training.ts');
    const ok = TrainingImportRow.safeParse(
      trainingImportInput({
        idNumber: '43042219900512002X',
        name: '王晓梅',
        projectName: '国培',
        hours: '25',
        completion: '已完成',
        recordedOn: '2022/6/1',
      }),
    );
    expect(ok.data).toMatchObject({ hours: 25, completed: true, recordedOn: '2022-06-01' });
    const bad = TrainingImportRow.safeParse(
      trainingImportInput({ idNumber: '43042219900512002X', name: '王晓梅', hours: '2.5', completion: '已完成' }),
    );
    expect(bad.error?.issues.map((i) => i.message)).toEqual(['学时应为整数学时']);
    const bad2 = TrainingImportRow.safeParse(
      trainingImportInput({ idNumber: '43042219900512002X', name: '王晓梅', hours: '25', completion: '已完成' }),
    );
    expect(bad2.error?.issues.map((i) => i.message)).toEqual(['请填写项目编号或项目名称', '已完成的培训请填写完成日期']);
  });
});

describe('the IT 2.0 rollup (the 仅未达标 list and the KPI read it instead of summing every record)', () => {
  it('a record stays in the window until the day before its date 3 years on (29 Feb → 28 Feb)', () => {
    for (const [on, last] of [
      ['2021-06-30', '2024-06-29'],
      ['2020-02-29', '2023-02-28'],
      ['2021-03-01', '2024-02-29'],
      ['2020-02-28', '2023-02-27'],
    ] as const) {
      expect(itLastWindowDay(on)).toBe(last);
      expect(inItWindow(on, last)).toBe(true);
      const next = new Date(`${last}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(inItWindow(on, next.toISOString().slice(0, 10))).toBe(false);
    }
  });
  it('says short exactly when summing the ≥ 50 hours over 3 years would, on any day', () => {
    // A small deterministic generator: records of 0–30 hours over 2016–2024, some not IT 2.0, leap days included.
    let x = 20220414;
    const next = (n: number) => ((x = (x * 1103515245 + 12345) % 2147483648), x % n);
    const day = () => {
      const d = new Date(Date.UTC(2016, 0, 1) + next(9 * 366) * 86_400_000);
      return next(20) === 0 ? `${2016 + 4 * next(3)}-02-29` : d.toISOString().slice(0, 10);
    };
    for (let person = 0; person < 400; person++) {
      const records = Array.from({ length: next(6) }, () => ({ hours: next(31), recordedOn: day(), itCapability: next(5) > 0 }));
      const rollup = itRollup(records);
      for (let k = 0; k < 12; k++) {
        const asOf = day();
        const truth = itStanding(records, asOf);
        expect(
          itShortOn(rollup, asOf, () => truth.hours),
          `${JSON.stringify(records)} on ${asOf}`,
        ).toBe(!truth.met);
      }
    }
  });
});
