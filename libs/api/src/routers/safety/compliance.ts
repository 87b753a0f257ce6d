import { and, asc, desc, eq, lte, sql, type SQL } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import { beijingDate, countedTerm, type DataScope, type GuardNorm, type SafetySettings } from '@hyedu/domain';
import { scopeCondition } from '../../queries.ts';
import { loadSettings } from './access.ts';

const { safetyProfiles: p, schools } = tables;

/** Per unit: schools, profiles entered and verified, and verified profiles meeting each indicator and all of them. */
export interface ComplianceCounts {
  unitCode: string;
  schools: number;
  reported: number;
  verified: number;
  guards: number;
  closed: number;
  alarm: number;
  fourth: number;
  /** Schools the fourth indicator applies to (硬质防冲撞设施 is not required everywhere). */
  fourthApplies: number;
  all: number;
}

/**
 * The 4个100% by unit for a term (docs/domain/safety.md: rate_k = schools meeting indicator k ÷ schools in scope). Every
 * school of the registry is in the denominator: a school that has not reported, or whose report the county has not
 * verified, does not count as meeting anything (the figure reported upwards is the verified one).
 */
export async function complianceByUnit(db: Db, scope: DataScope, term: string, settings?: SafetySettings): Promise<ComplianceCounts[]> {
  const cols = countColumns(settings ?? (await loadSettings(db)));
  return db
    .select({ unitCode: schools.unitCode, ...cols })
    .from(schools)
    .leftJoin(p, and(eq(p.schoolId, schools.id), eq(p.term, term)))
    .where(scopeCondition(scope))
    .groupBy(schools.unitCode);
}

/** The same counts with each school of one unit as its own group (the drill-down to schools). */
export async function complianceBySchool(db: Db, scope: DataScope, unitCode: string, term: string) {
  const cols = countColumns(await loadSettings(db));
  return db
    .select({ schoolId: schools.id, code: schools.code, name: schools.name, unitCode: schools.unitCode, ...cols })
    .from(schools)
    .leftJoin(p, and(eq(p.schoolId, schools.id), eq(p.term, term)))
    .where(and(scopeCondition(scope), eq(schools.unitCode, unitCode)))
    .groupBy(schools.id)
    .orderBy(asc(schools.code));
}

function countColumns(s: SafetySettings) {
  const verified = sql`${p.review} = 'reviewed'`;
  const fourthOk = s.fourth === 'guard_post' ? sql`${p.guardPost}` : sql`${p.antiRam} is true`;
  const fourthNa = s.fourth === 'guard_post' ? sql`false` : sql`${p.antiRam} is null`;
  const n_ = (cond: SQL) => sql<number>`(count(*) filter (where ${verified} and ${cond}))::int`;
  return {
    schools: sql<number>`count(*)::int`,
    reported: sql<number>`count(${p.id})::int`,
    verified: sql<number>`(count(*) filter (where ${verified}))::int`,
    guards: n_(guardsOkSql(s.norm)),
    closed: n_(sql`${p.closedManagement}`),
    alarm: n_(sql`${p.alarmLinked110} and ${p.videoLinkedPolice}`),
    fourth: n_(fourthOk),
    fourthApplies: sql<number>`(count(*) - count(*) filter (where ${verified} and ${fourthNa}))::int`,
    all: n_(allMetSql(s)),
  };
}

/** SQL for the domain's requiredGuards (≥ minimum; above the threshold, ‰ of 师生员工, boarding ‰ higher). */
export function guardsOkSql(n: GuardNorm): SQL {
  const head = sql`(${p.students} + ${p.staff})`;
  const rate = sql`(case when ${schools.isBoarding} then ${n.boardingPerMille} else ${n.perMille} end)::numeric / 1000`;
  return sql`${p.fulltimeGuards} >= (case when ${head} <= ${n.largeSchoolAbove} then ${n.minimum} else greatest(${n.minimum}, ceil(${head} * ${rate})) end)`;
}

/** SQL for the domain's indicatorsMet(...).all: every applicable indicator met (a 防冲撞 not required counts as met). */
export function allMetSql(s: SafetySettings): SQL {
  const fourth = s.fourth === 'guard_post' ? sql`${p.guardPost}` : sql`coalesce(${p.antiRam}, true)`;
  return sql`(${guardsOkSql(s.norm)} and ${p.closedManagement} and ${p.alarmLinked110} and ${p.videoLinkedPolice} and ${fourth})`;
}

/** The term the figures count on `today` (the domain's countedTerm: a new term once its reporting window has closed), or the latest reported one before it; null when none. */
export async function latestTerm(db: Db, today = beijingDate(new Date())): Promise<string | null> {
  const [row] = await db
    .select({ term: p.term })
    .from(p)
    .where(lte(p.term, countedTerm(today)))
    .orderBy(desc(p.term))
    .limit(1);
  return row?.term ?? null;
}
