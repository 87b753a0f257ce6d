import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  milestonesOf,
  stageOf,
  type Milestone,
  type ProjectKind,
  type SeatArea,
  type SeatSector,
  type ShortfallFlag,
} from '@hyedu/domain/funding';
import type { Tx } from '../audit.ts';
import {
  fundingAllocationVersions,
  fundingProjectMilestones,
  fundingSeatAllocations,
  fundingSeatProjects,
  kpiCountyTargets,
  orgUnits,
  schools,
} from '../schema/index.ts';
import { createRng } from './prng.ts';

const SEEDER = 'demo-seed';
const YEAR = 2022;
type Cell = `${SeatSector}:${SeatArea}`;
const CELLS: readonly Cell[] = ['general:urban', 'general:rural', 'vocational:urban', 'vocational:rural'];

/**
 * The 科室's allocation of the 33,730 places of 2022 per unit (普通中小学 城区/农村, 职业学校 城区/农村): the urban
 * districts build in town, the counties mostly in the countryside, 市本级 its 局直 schools and vocational places.
 */
export const DEMO_SEAT_ALLOCATION_2022: Readonly<Record<string, readonly [number, number, number, number]>> = {
  '430400': [2_400, 0, 1_200, 0],
  '430405': [1_800, 300, 0, 0],
  '430406': [1_500, 200, 0, 0],
  '430407': [1_600, 200, 0, 0],
  '430408': [2_300, 200, 0, 0],
  '430412': [400, 250, 0, 0],
  '430421': [1_000, 1_900, 300, 100],
  '430422': [1_100, 2_300, 300, 100],
  '430423': [700, 1_000, 150, 50],
  '430424': [800, 1_200, 150, 50],
  '430426': [1_000, 1_800, 200, 100],
  '430481': [1_700, 1_400, 300, 100],
  '430482': [1_100, 1_300, 200, 0],
  '430472': [980, 0, 0, 0],
};

/**
 * Each unit's projects as shares of its allocation (together 105%: a little more planned than allotted), the stage
 * each has reached by 2022-11-30 and its dates. Three are in use since the new school year (≈ 74% of the places
 * delivered), one awaits 投入使用 after 竣工验收, and the rest are at every earlier stage — two of them late.
 */
interface Slot {
  share: number;
  kind: ProjectKind;
  /** The milestones reached (in order); the rest are planned only. */
  reached: number;
  planned: Partial<Record<Milestone, string>>;
  /** Days each reached milestone came after its plan (jittered by the unit). */
  slip: number;
}
const FULL = (a: string, s: string, t: string, c: string, u: string) => ({
  approved: a,
  started: s,
  topped_out: t,
  accepted: c,
  in_use: u,
});
const SLOTS: readonly Slot[] = [
  {
    share: 0.3,
    kind: 'new_build',
    reached: 5,
    planned: FULL('2021-09-15', '2021-11-20', '2022-04-30', '2022-07-31', '2022-08-31'),
    slip: 3,
  },
  {
    share: 0.25,
    kind: 'expansion',
    reached: 5,
    planned: FULL('2021-12-10', '2022-02-20', '2022-05-31', '2022-07-31', '2022-08-31'),
    slip: 6,
  },
  { share: 0.19, kind: 'purchase', reached: 2, planned: { approved: '2022-04-15', in_use: '2022-09-01' }, slip: 0 },
  {
    share: 0.1,
    kind: 'expansion',
    reached: 4,
    planned: FULL('2022-01-20', '2022-03-15', '2022-07-15', '2022-10-31', '2022-12-20'),
    slip: 10,
  },
  // Late: 竣工验收 was due at the end of September.
  {
    share: 0.08,
    kind: 'new_build',
    reached: 3,
    planned: FULL('2021-12-20', '2022-03-01', '2022-07-20', '2022-09-30', '2023-02-28'),
    slip: 25,
  },
  {
    share: 0.06,
    kind: 'internal',
    reached: 2,
    planned: FULL('2022-05-10', '2022-08-01', '2022-12-31', '2023-04-30', '2023-06-30'),
    slip: 4,
  },
  // Late: 开工 was due on 1 September.
  {
    share: 0.05,
    kind: 'new_build',
    reached: 1,
    planned: FULL('2022-06-20', '2022-09-01', '2023-03-31', '2023-07-31', '2023-08-31'),
    slip: 12,
  },
  {
    share: 0.02,
    kind: 'internal',
    reached: 0,
    planned: FULL('2022-12-15', '2023-01-10', '2023-05-31', '2023-07-31', '2023-08-31'),
    slip: 0,
  },
];

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const round10 = (n: number) => Math.max(10, Math.round(n / 10) * 10);

/** A project's name from its kind, school and unit. */
function nameOf(kind: ProjectKind, cell: Cell, unitName: string, school: string | undefined, i: number): string {
  const vocational = cell.startsWith('vocational');
  if (kind === 'purchase') return `${unitName}政府购买民办学校学位（${vocational ? '中职' : '义务教育'}）`;
  if (school) return kind === 'internal' ? `${school}挖潜扩容` : kind === 'expansion' ? `${school}改扩建工程` : `${school}新校区建设`;
  const where = cell.endsWith('urban') ? '城区' : '乡镇';
  const what = vocational ? `职业学校${['实训楼', '教学楼', '学生公寓', '综合楼'][i % 4]}` : `${where}第${'一二三四五六七八'[i]}学校`;
  return `${unitName}${what}${kind === 'new_build' ? '新建工程' : kind === 'expansion' ? '改扩建工程' : '挖潜扩容'}`;
}

/**
 * The demo's 学位建设: the 2022 allocation (summing to 33,730, also each unit's target of the KPI), and per unit
 * eight projects in every stage with their milestones. Reached dates after `today` are left unreached. Returns the
 * projects written. The seven named projects are another seed's (named_key stays null here).
 */
export async function seedFundingProjects(tx: Tx, opts: { today: string; seed: number }): Promise<number> {
  const rng = createRng(opts.seed ^ 0x5ea7);
  const units = await tx.select({ code: orgUnits.code, name: orgUnits.name }).from(orgUnits).orderBy(asc(orgUnits.sortOrder));
  const setAt = new Date(`${YEAR}-03-10T10:00:00+08:00`);
  const allocation = units.flatMap((u) =>
    (DEMO_SEAT_ALLOCATION_2022[u.code] ?? [0, 0, 0, 0]).map((seats, i) => {
      const [sector, area] = CELLS[i]!.split(':') as [SeatSector, SeatArea];
      return { year: YEAR, unitCode: u.code, sector, area, seats };
    }),
  );
  const given = allocation.filter((r) => r.seats > 0);
  await tx.insert(fundingSeatAllocations).values(given);
  await tx.insert(fundingAllocationVersions).values({ year: YEAR, version: 1, updatedBy: SEEDER, updatedAt: setAt });
  const shares = new Map<string, number>();
  for (const r of given) shares.set(r.unitCode, (shares.get(r.unitCode) ?? 0) + r.seats);
  await tx
    .insert(kpiCountyTargets)
    .values(
      [...shares].map(([unitCode, target]) => ({ kpiId: 'funding.seats-delivered', unitCode, year: YEAR, target, setBy: SEEDER, setAt })),
    );

  const candidates = await tx
    .select({ id: schools.id, name: schools.name, unitCode: schools.unitCode, level: schools.level, isRural: schools.isRural })
    .from(schools)
    .where(and(eq(schools.ownership, 'public'), inArray(schools.level, ['primary', 'junior', 'nine_year', 'vocational'])))
    .orderBy(asc(schools.code));
  let written = 0;
  for (const u of units) {
    const cells = DEMO_SEAT_ALLOCATION_2022[u.code];
    if (!cells) continue;
    const total = cells.reduce((a, b) => a + b, 0);
    const left = new Map<Cell, number>(CELLS.map((c, i) => [c, cells[i]!]));
    const used = new Set<number>();
    const shift = rng.int(0, 6);
    for (const [i, slot] of SLOTS.entries()) {
      const plannedSeats = round10(total * slot.share);
      // The cell with the most places still to plan.
      const cell = [...left].sort((a, b) => b[1] - a[1])[0]![0];
      left.set(cell, left.get(cell)! - plannedSeats);
      const [sector, area] = cell.split(':') as [SeatSector, SeatArea];
      const school =
        slot.kind === 'expansion' || slot.kind === 'internal'
          ? candidates.find(
              (s) =>
                s.unitCode === u.code &&
                !used.has(s.id) &&
                (sector === 'vocational') === (s.level === 'vocational') &&
                (area === 'rural') === s.isRural,
            )
          : undefined;
      if (school) used.add(school.id);
      const steps = milestonesOf(slot.kind);
      const planned = Object.fromEntries(steps.map((m) => [m, addDays(slot.planned[m]!, shift)])) as Record<Milestone, string>;
      const reached: Partial<Record<Milestone, string>> = {};
      let last = '';
      for (const m of steps.slice(0, slot.reached)) {
        let on = addDays(planned[m], slot.slip ? rng.int(0, slot.slip) : 0);
        if (on < last) on = last;
        if (on > opts.today) break;
        reached[m] = last = on;
      }
      const inUseOn = reached.in_use ?? null;
      const flags: ShortfallFlag[] =
        sector === 'vocational'
          ? []
          : area === 'urban'
            ? i % 3 === 0
              ? ['large_class']
              : []
            : slot.kind === 'internal'
              ? ['small_school']
              : i % 2 === 0
                ? ['boarding']
                : ['boarding', 'large_class'];
      const perSeat = { new_build: 3_500_000, expansion: 2_000_000, internal: 500_000, purchase: 800_000 }[slot.kind];
      const [row] = await tx
        .insert(fundingSeatProjects)
        .values({
          unitCode: u.code,
          schoolId: school?.id ?? null,
          name: nameOf(slot.kind, cell, u.code === '430400' ? '市直' : u.name, school?.name, i),
          kind: slot.kind,
          sector,
          area,
          plannedSeats,
          investment: plannedSeats * perSeat,
          flags,
          stage: stageOf(slot.kind, reached),
          nextDue: steps.map((m) => (reached[m] ? null : planned[m])).find((d) => d !== null) ?? null,
          inUseOn,
          // Places delivered: what was planned, a few short for some.
          deliveredSeats: inUseOn ? plannedSeats - (i === 1 ? round10(plannedSeats * 0.03) : 0) : null,
          createdBy: SEEDER,
          createdAt: new Date(`${planned.approved}T09:00:00+08:00`),
        })
        .returning({ id: fundingSeatProjects.id });
      await tx.insert(fundingProjectMilestones).values(
        steps.map((m) => ({
          projectId: row!.id,
          milestone: m,
          plannedOn: planned[m],
          reachedOn: reached[m] ?? null,
          recordedBy: reached[m] ? SEEDER : null,
          recordedAt: reached[m] ? new Date(`${reached[m]}T17:00:00+08:00`) : null,
        })),
      );
      written++;
    }
  }
  return written;
}
