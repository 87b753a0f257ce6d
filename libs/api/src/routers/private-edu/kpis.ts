import { and, eq, inArray, isNotNull, isNull, like, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import {
  censusDate,
  CONVERSION_DONE_STATES,
  INSPECTION_GRADED_STATES,
  INSPECTION_TAKEN_PART_STATES,
  inspectionYearOf,
  projectedCounts,
  puhuiAt,
} from '@hyedu/domain/private-edu';
import type { KpiSource, Measure } from '../../kpi/source.ts';
import { schoolWhere } from '../../queries.ts';
import { recordScope } from '../../record-scope.ts';
import { countingRule, latestCensus, leverForecasts, unitCounts } from './census.ts';
import { enforcementKpis } from './enforcement/kpis.ts';
import { fiveItemsCompliance } from './five-items/kpi.ts';
import { grossEnrolmentMeasures } from './preschool.ts';
import { trainingKpis } from './training/kpis.ts';

const {
  privateConversions: c,
  privateConversionTeachers: t,
  privateInspections: i,
  privatePuhuiRecognitions: pr,
  schools,
  schoolCensus,
  schoolEnrolment,
} = tables;

/**
 * 民办义务教育在校生占比 (item 5) from the latest 学年初 census, per unit, with the share projected after the levers that
 * census does not show yet (done and planned) beside it.
 */
const compulsoryShare: KpiSource = {
  id: 'private.compulsory-share',
  recordsRoute: 'private-edu:home',
  async byUnit(db, scope) {
    const year = await latestCensus(db);
    if (year === null) return new Map();
    const rule = await countingRule(db);
    const [counts, levers] = await Promise.all([unitCounts(db, scope, year, rule), leverForecasts(db, scope, year, rule)]);
    return new Map<string, Measure>(
      [...counts].map(([unit, n]) => {
        const p = projectedCounts(
          n,
          year,
          levers.filter((l) => l.unitCode === unit),
        );
        return [unit, { num: n.privateStudents, den: n.totalStudents, projected: p.all.privateStudents }];
      }),
    );
  },
};

/** “公参民”学校转为公办比例: cases that reached 完成 with the disposal 转为公办 ÷ all cases, per county. */
const converted: KpiSource = {
  id: 'private.gongcanmin-converted',
  recordsRoute: 'private-edu:conversions',
  async byUnit(db, scope) {
    const rows = await db
      .select({
        unitCode: c.unitCode,
        all: sql<number>`count(*)::int`,
        converted: sql<number>`(count(*) filter (where ${c.disposal} = 'to_public' and ${inArray(c.status, [...CONVERSION_DONE_STATES])}))::int`,
      })
      .from(c)
      .where(recordScope(scope, c))
      .groupBy(c.unitCode);
    return new Map(rows.map((r) => [r.unitCode, { num: r.converted, den: r.all }]));
  },
};

/** “公参民”学校教师安置率: affected teachers placed ÷ all affected teachers of the cases, per county. */
const teachersPlaced: KpiSource = {
  id: 'private.teachers-placed',
  recordsRoute: 'private-edu:conversions',
  async byUnit(db, scope) {
    const rows = await db
      .select({
        unitCode: c.unitCode,
        all: sql<number>`count(*)::int`,
        placed: sql<number>`(count(*) filter (where ${isNotNull(t.placement)}))::int`,
      })
      .from(t)
      .innerJoin(c, eq(c.id, t.caseId))
      .where(recordScope(scope, c))
      .groupBy(c.unitCode);
    return new Map(rows.map((r) => [r.unitCode, { num: r.placed, den: r.all }]));
  },
};

/**
 * 民办学校年检参检率: the private schools (kindergartens included) that have submitted their materials for the year's
 * 年检 ÷ all private schools of the registry, per unit. The year is the business date's.
 */
const inspectionParticipation: KpiSource = {
  id: 'private.inspection-participation',
  recordsRoute: 'private-edu:inspections',
  async byUnit(db, scope, today) {
    const rows = await db
      .select({
        unitCode: schools.unitCode,
        all: sql<number>`count(*)::int`,
        taken: sql<number>`(count(*) filter (where ${inArray(i.status, [...INSPECTION_TAKEN_PART_STATES])}))::int`,
      })
      .from(schools)
      .leftJoin(i, and(eq(i.schoolId, schools.id), eq(i.year, inspectionYearOf(today))))
      .where(and(eq(schools.ownership, 'private'), recordScope(scope, { schoolId: schools.id, unitCode: schools.unitCode })))
      .groupBy(schools.unitCode);
    return new Map(rows.map((r) => [r.unitCode, { num: r.taken, den: r.all }]));
  },
};

/**
 * 民办学校年检合格率: the year's graded inspections whose grade does not stop enrolment ÷ the year's graded inspections.
 * Whether a grade fails was decided by the scale when the conclusion was given (`enrolmentStoppedYear`).
 */
const inspectionPassRate: KpiSource = {
  id: 'private.inspection-pass-rate',
  recordsRoute: 'private-edu:inspections',
  async byUnit(db, scope, today) {
    const rows = await db
      .select({
        unitCode: i.unitCode,
        graded: sql<number>`count(*)::int`,
        passed: sql<number>`(count(*) filter (where ${isNull(i.enrolmentStoppedYear)}))::int`,
      })
      .from(i)
      .where(and(eq(i.year, inspectionYearOf(today)), inArray(i.status, [...INSPECTION_GRADED_STATES]), recordScope(scope, i)))
      .groupBy(i.unitCode);
    return new Map(rows.map((r) => [r.unitCode, { num: r.passed, den: r.graded }]));
  },
};

/**
 * 普惠覆盖率 from the latest 学年初 census, per county: 在园 children (kindergarten grades K1–K3) of the schools public
 * that year plus those of the private kindergartens recognised as 普惠 on the census date (1 September, `puhuiAt`) ÷ all
 * 在园 children.
 */
const puhuiCoverage: KpiSource = {
  id: 'private.puhui-coverage',
  recordsRoute: 'private-edu:puhui',
  async byUnit(db, scope) {
    const year = await latestCensus(db);
    if (year === null) return new Map();
    const [children, recognitions] = await Promise.all([
      db
        .select({
          schoolId: schoolCensus.schoolId,
          unitCode: schools.unitCode,
          ownership: schoolCensus.ownership,
          n: sql<number>`sum(${schoolEnrolment.students})::int`,
        })
        .from(schoolCensus)
        .innerJoin(schools, eq(schools.id, schoolCensus.schoolId))
        .innerJoin(
          schoolEnrolment,
          and(
            eq(schoolEnrolment.schoolId, schoolCensus.schoolId),
            eq(schoolEnrolment.schoolYear, schoolCensus.schoolYear),
            like(schoolEnrolment.grade, 'K%'),
          ),
        )
        .where(and(eq(schoolCensus.schoolYear, year), schoolWhere(scope)))
        .groupBy(schoolCensus.schoolId, schools.unitCode, schoolCensus.ownership),
      db
        .select({ schoolId: pr.schoolId, status: pr.status, validFrom: pr.validFrom, revokedOn: pr.revokedOn })
        .from(pr)
        .where(and(inArray(pr.status, ['recognised', 'revoked']), recordScope(scope, pr))),
    ]);
    const puhui = puhuiAt(recognitions, censusDate(year));
    const out = new Map<string, { num: number; den: number }>();
    for (const s of children) {
      const m = out.get(s.unitCode) ?? { num: 0, den: 0 };
      m.den += s.n;
      if (s.ownership === 'public' || (s.ownership === 'private' && puhui.has(s.schoolId))) m.num += s.n;
      out.set(s.unitCode, m);
    }
    return out;
  },
};

/**
 * 学前三年毛入园率 from the latest 学年初 census, per county: all 在园 children (K1–K3, every ownership) ÷ the 3–5
 * population the county entered for that school year; a county without one has no figure (暂无数据).
 */
const preschoolGrossEnrolment: KpiSource = {
  id: 'private.preschool-gross-enrolment',
  recordsRoute: 'private-edu:preschool',
  async byUnit(db, scope) {
    const year = await latestCensus(db);
    return year === null ? new Map() : grossEnrolmentMeasures(db, scope, year);
  },
};

export const privateEduKpis: KpiSource[] = [
  compulsoryShare,
  converted,
  teachersPlaced,
  inspectionParticipation,
  inspectionPassRate,
  puhuiCoverage,
  preschoolGrossEnrolment,
  // 校外培训执法案件
  ...enforcementKpis,
  // 校外培训机构
  ...trainingKpis,
  // 五项管理
  fiveItemsCompliance,
];
