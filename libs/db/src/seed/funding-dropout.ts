import { asc, inArray } from 'drizzle-orm';
import { DEMO_AS_OF, idCardCheckChar, type Grade, type SchoolLevel } from '@hyedu/domain';
import {
  dropoutGrades,
  monthOf,
  periodBounds,
  quarterOf,
  returnDue,
  type AttemptResult,
  type DropoutGroup,
  type DropoutReason,
  type DropoutStatus,
} from '@hyedu/domain/funding';
import type { Tx } from '../audit.ts';
import { blindIndex, encryptField } from '../field-crypto.ts';
import {
  fundingDropoutAttempts,
  fundingDropoutCases,
  fundingDropoutReturns,
  fundingMigrantFigures,
  orgUnits,
  schools,
} from '../schema/index.ts';
import { bulkInsert } from './bulk.ts';
import { personName } from './names.ts';
import { createRng, type Rng } from './prng.ts';

const SEEDER = 'demo-seed';
/** The first day of the demo year of cases and returns. */
export const DROPOUT_SEED_FROM = '2021-12-01';
/** Counties that leave their 2022-Q3 review unfiled (衡南县's shows in its 待办) and the county without 2022-2023 migrant figures. */
export const QUARTER_UNFILED = ['430422', '430426'] as const;
export const MIGRANT_BLANK = '430412';
const at = (date: string) => new Date(`${date}T10:00:00+08:00`).toISOString();
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

const CLEARED_REASONS = [
  '已核实随父母在外地就读，学籍已转出',
  '已核实因病休学，已办理休学手续',
  '已核实在本县其他学校就读，学籍信息未及时更新',
  '已核实已转入特殊教育学校就读',
] as const;
const PERSONS = [
  '班主任、包村干部',
  '校长、村委会主任',
  '县教育局包保干部、班主任',
  '乡镇分管领导、驻村工作队',
  '班主任、派出所民警',
] as const;
const REASONS: readonly (readonly [DropoutReason, number])[] = [
  ['study_weariness', 5],
  ['family_hardship', 2],
  ['working', 2],
  ['illness_disability', 1],
  ['marriage', 0.3],
  ['other', 1],
];
const GROUPS: readonly (readonly [DropoutGroup, number])[] = [
  ['none', 6],
  ['left_behind', 3],
  ['hardship', 1],
  ['orphan', 0.3],
  ['unsupported', 0.5],
  ['disabled', 0.6],
  ['migrant', 0.6],
  ['offender', 0.2],
];
type Outcome = 'cleared' | 'closed' | 'returned' | 'home_direct' | 'home_after' | 'open' | 'suspected';
const OUTCOMES: readonly (readonly [Outcome, number])[] = [
  ['cleared', 25],
  ['closed', 32],
  ['returned', 13],
  ['home_direct', 5],
  ['home_after', 5],
  ['open', 10],
  ['suspected', 10],
];

interface School {
  id: number;
  unitCode: string;
  level: SchoolLevel;
}
interface SeedCase {
  row: typeof fundingDropoutCases.$inferInsert;
  attempts: Omit<typeof fundingDropoutAttempts.$inferInsert, 'caseId'>[];
}

/** An ID number of a child born in `year` registered in the county (the 高新区's children under the city's code). */
function childId(rng: Rng, unitCode: string, year: number, seen: Set<string>) {
  const region = unitCode === '430472' ? '430400' : unitCode;
  for (;;) {
    const birth = `${year}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
    const first17 = `${region}${birth}${String(rng.int(100, 999))}`;
    const id = first17 + idCardCheckChar(first17);
    if (seen.has(id)) continue;
    seen.add(id);
    return { id, birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}` };
  }
}

/** One case: the child, its school and grade, and how far the story has come by `today`. */
function makeCase(rng: Rng, school: School, outcome: Outcome, today: string, seen: Set<string>, keys: Keys): SeedCase {
  const span = daysBetween(DROPOUT_SEED_FROM, today);
  // Open and unverified cases are the recent ones; the others spread over the year.
  const foundOn =
    outcome === 'suspected'
      ? addDays(today, -rng.int(2, 25))
      : addDays(DROPOUT_SEED_FROM, rng.int(0, Math.max(0, span - (outcome === 'open' ? 20 : outcome === 'closed' ? 150 : 75))));
  const grades = dropoutGrades(school.level);
  // Most dropouts leave in the junior grades.
  const junior = grades.filter((g) => g.startsWith('J'));
  const grade: Grade = junior.length && rng.chance(0.75) ? rng.pick(junior) : rng.pick(grades);
  const age = (grade.startsWith('P') ? Number(grade.slice(1)) + 6 : Number(grade.slice(1)) + 12) + rng.int(0, 1);
  const child = childId(rng, school.unitCode, Number(foundOn.slice(0, 4)) - age, seen);
  const idIndex = blindIndex(keys.indexKey, child.id);
  const row: typeof fundingDropoutCases.$inferInsert = {
    schoolId: school.id,
    unitCode: school.unitCode,
    name: personName(rng),
    idIndex,
    idCipher: encryptField(keys.dataKey, child.id, `funding_dropout_case:${idIndex}`),
    birthDate: child.birthDate,
    grade,
    reason: ((r: DropoutReason) => (r === 'marriage' && age < 14 ? 'study_weariness' : r))(rng.weighted(REASONS)),
    group: rng.weighted(GROUPS),
    foundOn,
    note: null,
    status: 'suspected' as DropoutStatus,
    attempts: 0,
    createdBy: SEEDER,
    createdAt: new Date(at(foundOn)),
    updatedAt: new Date(at(foundOn)),
    version: 1,
  };
  const attempts: SeedCase['attempts'] = [];
  const steps = (n: number) => (row.version = (row.version ?? 1) + n);
  if (outcome === 'suspected') return { row, attempts };
  const verifiedOn = addDays(foundOn, rng.int(2, 9));
  if (outcome === 'cleared') {
    Object.assign(row, { status: 'cleared', clearedReason: rng.pick(CLEARED_REASONS), updatedAt: new Date(at(verifiedOn)) });
    steps(1);
    return { row, attempts };
  }
  if (outcome === 'home_direct') {
    Object.assign(row, { status: 'home_taught', group: 'disabled', reason: 'illness_disability', homeTaughtOn: verifiedOn });
    steps(1);
    return { row, attempts };
  }
  row.confirmedOn = verifiedOn;
  steps(1);
  // 劝返: one to three visits a week or two apart; the last brings the child back unless the case is still open.
  const visits = outcome === 'open' ? rng.int(0, 2) : rng.int(1, 3);
  let on = verifiedOn;
  for (let k = 0; k < visits; k++) {
    on = addDays(on, rng.int(3, 14));
    if (on > today) break;
    const last = k === visits - 1;
    const result: AttemptResult =
      last && (outcome === 'closed' || outcome === 'returned') ? 'returned' : rng.pick(['promised', 'refused', 'unreachable'] as const);
    attempts.push({ on, persons: rng.pick(PERSONS), result, note: null, createdBy: SEEDER, createdAt: new Date(at(on)) });
  }
  steps(attempts.length);
  const back = attempts.at(-1)?.result === 'returned' ? attempts.at(-1)!.on : null;
  if (outcome === 'home_after') {
    const placed = addDays(on, rng.int(3, 10));
    Object.assign(row, { status: placed <= today ? 'home_taught' : 'persuading', homeTaughtOn: placed <= today ? placed : null });
    if (placed <= today) steps(1);
  } else if (back) {
    const closedOn = addDays(back, rng.int(30, 60));
    const closes = outcome === 'closed' && closedOn <= today;
    Object.assign(row, { status: closes ? 'closed' : 'returned', returnedOn: back, closedOn: closes ? closedOn : null });
    if (closes) steps(1);
  } else row.status = attempts.length ? 'persuading' : 'confirmed';
  row.attempts = attempts.length;
  row.updatedAt = new Date(at(row.closedOn ?? row.homeTaughtOn ?? attempts.at(-1)?.on ?? verifiedOn));
  return { row, attempts };
}

interface Keys {
  dataKey: Buffer;
  indexKey: Buffer;
}
export interface DropoutSeedVolumes {
  cases: number;
  attempts: number;
  schoolReturns: number;
  countyReturns: number;
  migrantFigures: number;
}

/**
 * A year of 控辍保学 in every county up to `today` (at the latest the demo's business date 2022-11-30) (deterministic for the seed): cases found from 2021-12-01 — about a
 * quarter cleared at 核实, most confirmed dropouts brought back after one to three 劝返 visits and closed a month or two
 * later, some placed in 送教上门, a few still open and some recent ones unverified (the demo primary school keeps one
 * 劝返中 case) —; the schools' monthly returns (a few late, a few never filed; the demo primary school's October
 * return missing) and the counties' quarterly reviews (两 counties without 2022-Q3); 随迁子女 figures for three 学年.
 */
export async function seedFundingDropout(
  tx: Tx,
  opts: { seed: number; today: string; keys: Keys; demoSchool: number },
): Promise<DropoutSeedVolumes> {
  const rng = createRng(opts.seed + 31);
  // The demo year ends on the demo's business date (as 执法案件's does), whatever day the data is loaded.
  opts = { ...opts, today: opts.today < DEMO_AS_OF ? opts.today : DEMO_AS_OF };
  const levels = ['primary', 'junior', 'nine_year', 'complete_middle'] as const;
  const all = (await tx
    .select({ id: schools.id, unitCode: schools.unitCode, level: schools.level })
    .from(schools)
    .where(inArray(schools.level, [...levels]))
    .orderBy(asc(schools.code))) as School[];
  const units = await tx.select({ code: orgUnits.code, kind: orgUnits.kind }).from(orgUnits).orderBy(asc(orgUnits.sortOrder));
  const seen = new Set<string>();
  const made: SeedCase[] = [];
  for (const u of units) {
    const own = all.filter((s) => s.unitCode === u.code);
    if (!own.length) continue;
    // About one case a year per four schools, at least eight per county (every outcome shows at the tests' scale).
    const n = Math.max(8, Math.round(own.length / 4) + rng.int(0, 4));
    for (let i = 0; i < n; i++) {
      const outcome = i < OUTCOMES.length ? OUTCOMES[i]![0] : rng.weighted(OUTCOMES);
      made.push(makeCase(rng, own[(i * 37 + rng.int(0, own.length)) % own.length]!, outcome, opts.today, seen, opts.keys));
    }
  }
  const demo = all.find((s) => s.id === opts.demoSchool);
  if (demo) {
    const c = makeCase(rng, demo, 'open', opts.today, seen, opts.keys);
    if (c.row.status === 'confirmed') {
      // At least one visit, so the school's page shows its 劝返 record.
      const on = addDays(c.row.confirmedOn!, 5);
      c.attempts.push({
        on,
        persons: '班主任、包村干部',
        result: 'refused',
        note: '家长称孩子在外打工，暂不返校',
        createdBy: SEEDER,
        createdAt: new Date(at(on)),
      });
      Object.assign(c.row, { status: 'persuading', attempts: 1, version: (c.row.version ?? 1) + 1 });
    }
    made.push(c);
  }
  const ids = await bulkInsert<{ id: number }>(
    tx,
    fundingDropoutCases,
    made.map((m) => m.row),
    { returning: 'id' },
  );
  const sorted = ids.map((r) => r.id).sort((a, b) => a - b);
  const attempts = made.flatMap((m, i) => m.attempts.map((a) => ({ ...a, caseId: sorted[i]! })));
  await bulkInsert(tx, fundingDropoutAttempts, attempts);

  // Returns: each school every month whose due day has passed (and some of the month under way, filed early).
  const bySchool = new Map<number, SeedCase['row'][]>();
  for (const m of made) bySchool.set(m.row.schoolId, [...(bySchool.get(m.row.schoolId) ?? []), m.row]);
  const figures = (rows: readonly SeedCase['row'][], from: string, to: string) => ({
    openCases: rows.filter(
      (r) =>
        r.foundOn <= to && r.confirmedOn && r.confirmedOn <= to && !((r.returnedOn ?? '9999') <= to) && !((r.homeTaughtOn ?? '9999') <= to),
    ).length,
    newCases: rows.filter((r) => r.foundOn >= from && r.foundOn <= to).length,
    returnedCases: rows.filter((r) => r.returnedOn && r.returnedOn >= from && r.returnedOn <= to).length,
  });
  const months: string[] = [];
  for (let m = monthOf(DROPOUT_SEED_FROM); periodBounds(m).from <= opts.today;) {
    months.push(m);
    const y = Number(m.slice(0, 4));
    const mo = Number(m.slice(5));
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  const schoolReturns: Record<string, unknown>[] = [];
  for (const s of all) {
    for (const period of months) {
      const due = returnDue(period);
      const { from, to } = periodBounds(period);
      const current = due > opts.today;
      if (current && !rng.chance(0.3)) continue;
      if (!current && (rng.chance(0.02) || (s.id === opts.demoSchool && period === monthOf(addDays(opts.today, -35))))) continue;
      const filedOn = current
        ? addDays(opts.today, -rng.int(0, 2))
        : rng.chance(0.05)
          ? addDays(due, rng.int(1, 10))
          : addDays(due, -rng.int(0, 4));
      if (filedOn > opts.today) continue;
      schoolReturns.push({
        kind: 'school_month',
        period,
        unitCode: s.unitCode,
        schoolId: s.id,
        dueOn: due,
        filedOn,
        ...figures(bySchool.get(s.id) ?? [], from, to),
        note: null,
        filedBy: SEEDER,
        filedAt: at(filedOn),
        version: 1,
      });
    }
  }
  await bulkInsert(tx, fundingDropoutReturns, schoolReturns);
  // County reviews: every quarter whose due day has passed, but the two counties' 2022-Q3.
  const quarters = [...new Set(months.map((m) => quarterOf(`${m}-01`)))].filter((q) => returnDue(q) <= opts.today);
  const countyReturns: Record<string, unknown>[] = [];
  for (const u of units.filter((x) => x.kind !== 'city')) {
    const rows = made.filter((m) => m.row.unitCode === u.code).map((m) => m.row);
    for (const period of quarters) {
      if (period === quarterOf(addDays(opts.today, -75)) && (QUARTER_UNFILED as readonly string[]).includes(u.code)) continue;
      const due = returnDue(period);
      const { from, to } = periodBounds(period);
      const filedOn = rng.chance(0.1) ? addDays(due, rng.int(1, 12)) : addDays(due, -rng.int(0, 8));
      countyReturns.push({
        kind: 'county_quarter',
        period,
        unitCode: u.code,
        schoolId: null,
        dueOn: due,
        filedOn,
        ...figures(rows, from, to),
        schoolsFiled: schoolReturns.filter((r) => r.unitCode === u.code && quarterOf(`${r.period as string}-01`) === period).length,
        note: '已逐校复核疑似辍学和辍学学生台账，劝返复学学生已跟踪到校。',
        filedBy: SEEDER,
        filedAt: at(filedOn),
        version: 1,
      });
    }
  }
  await bulkInsert(tx, fundingDropoutReturns, countyReturns);

  // 随迁子女: the urban districts and the 高新区 take most; a share in public schools (bought seats apart) of 78–96%.
  const migrant: Record<string, unknown>[] = [];
  for (const u of units.filter((x) => x.kind !== 'city')) {
    const urban = u.kind === 'district' || u.kind === 'zone';
    let total = urban ? rng.int(3000, 9000) : rng.int(800, 3000);
    for (const year of [2020, 2021, 2022]) {
      if (year === 2022 && u.code === MIGRANT_BLANK) continue;
      total = Math.round(total * rng.float(0.97, 1.08));
      const purchased = Math.round(total * rng.float(0.01, 0.06));
      const publicSchools = Math.min(total - purchased, Math.round(total * rng.float(0.78, 0.93) + (year - 2020) * total * 0.01));
      migrant.push({
        unitCode: u.code,
        schoolYear: `${year}-${year + 1}`,
        total,
        publicSchools,
        purchased,
        note: null,
        updatedBy: SEEDER,
        updatedAt: at(`${year}-10-20`),
        version: 1,
      });
    }
  }
  await bulkInsert(tx, fundingMigrantFigures, migrant);
  return {
    cases: made.length,
    attempts: attempts.length,
    schoolReturns: schoolReturns.length,
    countyReturns: countyReturns.length,
    migrantFigures: migrant.length,
  };
}
