import { describe, expect, it } from 'vitest';
import { isWithinCap, privateCompulsoryShare, type EnrolmentCount } from '../enrolment.ts';
import { HENGYANG_KPIS_2022 } from '../hengyang/kpis-2022.ts';
import { HENGYANG_ORG_UNITS, HUNAN_PROVINCE_CODE } from '../hengyang/org.ts';
import { HENGYANG_PLAN_2022 } from '../hengyang/plan-2022.ts';
import { HENGYANG_TARGETS_2022 } from '../hengyang/targets.ts';
import { KPI_CATALOGUE, kpiPhraseRefusals } from '../kpi-catalogue.ts';
import { kpiStatus, kpiStatusFor, targetFor, type KpiDefinition } from '../kpi.ts';
import { createOrganisation } from '../org.ts';
import { PlanTask } from '../plan/tasks.ts';
import { complianceRates, DEFAULT_SAFETY_SETTINGS, SafetySettings, type SafetyProfile } from '../safety/compliance.ts';
import { parseSchoolCode } from '../school-code.ts';
import { validateWorkPlan } from '../work-plan.ts';
import {
  EXAMPLE_CITY_DEPARTMENTS,
  EXAMPLE_CITY_KPIS_2023,
  EXAMPLE_CITY_ORG_UNITS,
  EXAMPLE_CITY_PLAN_2023,
  EXAMPLE_CITY_SAFETY_SETTINGS,
  EXAMPLE_CITY_TARGETS_2023,
  EXAMPLE_CITY_TASKS_2023,
  EXAMPLE_PROVINCE_CODE,
  exampleCity,
} from './index.ts';

const hengyangKpi = (id: string) => HENGYANG_KPIS_2022.find((k) => k.id === id)!;
const exampleKpi = (id: string) => EXAMPLE_CITY_KPIS_2023.find((k) => k.id === id)!;
/** The catalogue's part of a definition: what the KPI means and how it is computed, without a city's target. */
const rule = ({ id, title, module, unit, direction, levels, formula, hardCap }: KpiDefinition) => ({
  id,
  title,
  module,
  unit,
  direction,
  levels,
  formula,
  hardCap,
});

describe('示例市, a second city configured beside Hengyang', () => {
  it('builds its organisation with the same rules: one city, three county-level units in order, GB/T 2260-shaped codes', () => {
    expect(exampleCity.city).toMatchObject({ code: '990100', name: '示例市' });
    expect(exampleCity.counties.map((u) => u.name)).toEqual(['示例一区', '示例二县', '示例三市']);
    expect(exampleCity.isCounty('990121')).toBe(true);
    expect(exampleCity.isCounty('430421')).toBe(false);
    expect(exampleCity.city.code.endsWith('00')).toBe(true);
    for (const u of exampleCity.counties) expect(u.code.slice(0, 4), u.name).toBe(exampleCity.city.code.slice(0, 4));
    const shared = EXAMPLE_CITY_ORG_UNITS.filter((u) => HENGYANG_ORG_UNITS.some((h) => h.code === u.code || h.name === u.name));
    expect(shared).toEqual([]);
    expect(() => createOrganisation([...EXAMPLE_CITY_ORG_UNITS, HENGYANG_ORG_UNITS[1]!])).toThrow('珠晖区 的上级单位应为 示例市');
  });

  it('its schools’ codes validate under its own province code and are refused under Hunan’s', () => {
    expect(parseSchoolCode('2199000123', { provinceCode: EXAMPLE_PROVINCE_CODE })).toMatchObject({ ok: true });
    expect(parseSchoolCode('2199000123', { provinceCode: HUNAN_PROVINCE_CODE })).toMatchObject({ ok: false, code: 'SCHOOL_CODE_PROVINCE' });
  });

  it('its plan, 科室 and tasks are valid under the same schemas; every task names only KPIs of its own item', () => {
    expect(validateWorkPlan(EXAMPLE_CITY_PLAN_2023)).toEqual([]);
    const items = EXAMPLE_CITY_PLAN_2023.sections.flatMap((s) => s.items);
    expect(items).toHaveLength(5);
    const depts = new Set(EXAMPLE_CITY_DEPARTMENTS.map((d) => d.key));
    for (const task of EXAMPLE_CITY_TASKS_2023) {
      expect(PlanTask.safeParse(task).error?.issues ?? [], task.code).toEqual([]);
      expect(depts.has(task.lead), task.code).toBe(true);
      for (const id of task.kpis) expect(exampleKpi(id)?.itemNo, `${task.code} → ${id}`).toBe(task.itemNo);
    }
    expect(new Set(EXAMPLE_CITY_TASKS_2023.map((t) => t.itemNo))).toEqual(new Set(items.map((i) => i.no)));
  });

  it('its KPIs are the catalogue’s definitions — the same meaning and formula as Hengyang’s — with its own targets', () => {
    expect(EXAMPLE_CITY_KPIS_2023.map((k) => k.id)).toEqual(
      KPI_CATALOGUE.map((k) => k.id).filter((id) => EXAMPLE_CITY_KPIS_2023.some((k) => k.id === id)),
    );
    for (const k of EXAMPLE_CITY_KPIS_2023) expect(rule(k), k.id).toEqual(rule(hengyangKpi(k.id)));
    expect(exampleKpi('private.compulsory-share')).toMatchObject({ target: 0.1, hardCap: true, itemNo: 3 });
    expect(hengyangKpi('private.compulsory-share')).toMatchObject({ target: 0.05, hardCap: true, itemNo: 5 });
    expect(exampleKpi('funding.seats-delivered')).toMatchObject({ target: 1_200, amber: 0.25 });
    expect(hengyangKpi('funding.seats-delivered')).toMatchObject({ target: 33_730, amber: 0.1 });
    expect(EXAMPLE_CITY_KPIS_2023.find((k) => k.id === 'safety.incidents')).toBeUndefined();
  });

  it('each city’s KPIs quote their own plan, and not the other’s', () => {
    expect(kpiPhraseRefusals(EXAMPLE_CITY_KPIS_2023, EXAMPLE_CITY_PLAN_2023)).toEqual([]);
    expect(kpiPhraseRefusals(HENGYANG_KPIS_2022, HENGYANG_PLAN_2022)).toEqual([]);
    expect(kpiPhraseRefusals(EXAMPLE_CITY_KPIS_2023, HENGYANG_PLAN_2022)).toContain(
      '指标 private.compulsory-share 引用的“将民办义务教育在校生占比控制在10%以内”不在第3项中',
    );
    const hengyangInExample = kpiPhraseRefusals(HENGYANG_KPIS_2022, EXAMPLE_CITY_PLAN_2023);
    expect(hengyangInExample).toContain('指标 safety.incidents 引用的“维护教育系统安全稳定”不在第4项中');
    expect(hengyangInExample).toContain('指标 teachers.wage-guarantee 引用的第19项不在工作要点中');
    expect(hengyangInExample).toHaveLength(HENGYANG_KPIS_2022.length);
  });

  it('the same figures judged by each city’s targets: the rules are shared, the verdicts differ where the targets do', () => {
    // An 8% private share: within 示例市's “控制在10%以内”, over Hengyang's “控制在5%以内” (a hard cap: red, not amber).
    const counts: EnrolmentCount[] = [
      { grade: 'P1', ownership: 'public', students: 4_600 },
      { grade: 'J1', ownership: 'private', students: 400 },
      { grade: 'S1', ownership: 'private', students: 3_000 },
    ];
    const { share } = privateCompulsoryShare(counts);
    expect(share).toBeCloseTo(0.08, 10);
    expect(isWithinCap(share, EXAMPLE_CITY_TARGETS_2023.privateCompulsoryShareCap)).toBe(true);
    expect(isWithinCap(share, HENGYANG_TARGETS_2022.privateCompulsoryShareCap)).toBe(false);
    expect(kpiStatus(exampleKpi('private.compulsory-share'), share)).toBe('green');
    expect(kpiStatus(hengyangKpi('private.compulsory-share'), share)).toBe('red');
    // 1,000 seats delivered: amber for 示例市 (1,200 with its own 25% band), red against Hengyang's 33,730.
    expect(kpiStatus(exampleKpi('funding.seats-delivered'), 1_000)).toBe('amber');
    expect(kpiStatus(exampleKpi('funding.seats-delivered'), 1_200)).toBe('green');
    expect(kpiStatus(hengyangKpi('funding.seats-delivered'), 1_000)).toBe('red');
    // 96% of schools fully compliant: green for 示例市's 95%, amber for Hengyang's 100%.
    expect(kpiStatus(exampleKpi('safety.compliance'), 0.96)).toBe('green');
    expect(kpiStatus(hengyangKpi('safety.compliance'), 0.96)).toBe('amber');
    // A shared rule decides alike: one overdue hazard is red for both (a target of 0 has no amber).
    expect(kpiStatus(exampleKpi('safety.hazards-overdue'), 1)).toBe('red');
    expect(kpiStatus(hengyangKpi('safety.hazards-overdue'), 1)).toBe('red');
  });

  it('a county target of its own applies to its county, and its other counties fall back to its city target', () => {
    const share = exampleKpi('private.compulsory-share');
    const county = { 'private.compulsory-share': { '990121': 0.12 } };
    expect(targetFor(share, '990121', county)).toMatchObject({ target: 0.12, scope: 'county' });
    expect(targetFor(share, '990102', county)).toMatchObject({ target: 0.1, scope: 'city', label: '工作要点（沿用全市目标）' });
    expect(kpiStatusFor(share, '990121', 0.11, county)).toBe('green');
    expect(kpiStatusFor(share, '990102', 0.11, county)).toBe('red');
  });

  it('its 4个100% settings are valid and decide the same schools differently: 防冲撞 as the fourth indicator, 3 guards', () => {
    expect(SafetySettings.safeParse(EXAMPLE_CITY_SAFETY_SETTINGS).success).toBe(true);
    const school = (guards: number, guardPost: boolean, antiRam: boolean | null): SafetyProfile => ({
      students: 600,
      staff: 50,
      isBoarding: false,
      fulltimeGuards: guards,
      closedManagement: true,
      alarmLinked110: true,
      videoLinkedPolice: true,
      guardPost,
      antiRam,
    });
    // two guards and a 护学岗, no barrier; three guards and a barrier, no 护学岗; three guards, barrier not required there
    const schools = [school(2, true, false), school(3, false, true), school(3, false, null)];
    const ex = complianceRates(schools, EXAMPLE_CITY_SAFETY_SETTINGS.fourth, EXAMPLE_CITY_SAFETY_SETTINGS.norm);
    const hy = complianceRates(schools, DEFAULT_SAFETY_SETTINGS.fourth, DEFAULT_SAFETY_SETTINGS.norm);
    expect(ex.guards).toMatchObject({ met: 2, inScope: 3 });
    expect(hy.guards).toMatchObject({ met: 3, inScope: 3 });
    expect(ex.fourth).toMatchObject({ met: 1, inScope: 2 });
    expect(hy.fourth).toMatchObject({ met: 1, inScope: 3 });
    expect(ex.all).toMatchObject({ met: 2, inScope: 3 });
    expect(hy.all).toMatchObject({ met: 1, inScope: 3 });
  });
});
