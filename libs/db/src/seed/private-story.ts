import { idCardCheckChar, orgCodeCheckChar, usccCheckChar, type Grade, type Ownership } from '@hyedu/domain';
import { HENGYANG_TARGETS_2022 } from '@hyedu/domain/hengyang';
import {
  disposalsFor,
  firstCensusAfter,
  isWholeSchool,
  requiredReduction,
  type GcmDisposal,
  type GcmTask,
  type GcmType,
  type LeverKind,
  type PartyOrg,
  type Placement,
} from '@hyedu/domain/private-edu';
import { personName } from './names.ts';
import { createRng, type Rng } from './prng.ts';
import type { SchoolSeed } from './schools.ts';

/**
 * The private-education story of the demo (docs/domain/private-education.md): the registry is the end-2020 census; 公参民
 * schools go through their conversion cases (most on time by 2022-06-30, some late, a few still open), other private
 * schools get levers (government-bought seats, intake cuts, re-registration outside compulsory education, closure,
 * conversion), and the 2021 and 2022 censuses follow from the levers done by 31 August of each year, the compulsory
 * total held constant (pupils leaving the private count move to the unit's public schools). Pure and deterministic.
 */

export const BASELINE_CENSUS = '2020-2021';
export const CENSUS_YEARS = ['2020-2021', '2021-2022', '2022-2023'] as const;

export interface StoryTeacher {
  name: string;
  idNumber: string;
  staffStatus: 'in_quota' | 'contract';
  placement: Placement | null;
  placedOn: string | null;
  placedAt: string | null;
}

export interface StoryCase {
  school: number;
  type: GcmType;
  publicPartner: string;
  disposal: GcmDisposal;
  plan: string;
  status: 'surveyed' | 'under_review' | 'implementing' | 'completed' | 'accepted';
  /** 退回 once before approval, with this reason. */
  returned: string | null;
  createdOn: string;
  submittedOn: string | null;
  approvedOn: string | null;
  tasks: Partial<Record<GcmTask, string>>;
  completedOn: string | null;
  acceptedOn: string | null;
  teachers: StoryTeacher[];
}

export interface StoryLever {
  school: number;
  kind: LeverKind;
  plannedYear: string;
  students: number | null;
  status: 'planned' | 'done';
  doneOn: string | null;
  /** Index into `cases` when the lever is a case's disposal. */
  fromCase: number | null;
}

export interface StoryCensus {
  year: string;
  ownership: Ownership[];
  purchasedSeats: number[];
  enrolment: Partial<Record<Grade, number>>[];
}

export interface StoryProfile {
  school: number;
  licenceNo: string;
  uscc: string;
  sponsor: string;
  forProfit: boolean;
  gcmType: GcmType | null;
  partyOrg: PartyOrg;
  approvedIntake: number;
}

export interface PrivateStory {
  cases: StoryCase[];
  levers: StoryLever[];
  censuses: StoryCensus[];
  /** Each school's ownership as of `today` (the registry's current value). */
  ownership: Ownership[];
  profiles: StoryProfile[];
  /** 在编 teachers per school (2021-2022): in private schools only the 公参民 schools' seconded teachers. */
  inQuotaTeachers: number[];
}

const COMPULSORY_LEVELS = new Set(['primary', 'junior', 'nine_year']);
const isCompulsoryGrade = (g: string) => g[0] === 'P' || g[0] === 'J';
export const compulsoryOf = (e: Partial<Record<Grade, number>>) =>
  Object.entries(e).reduce((a, [g, n]) => a + (isCompulsoryGrade(g) ? (n ?? 0) : 0), 0);

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const between = (rng: Rng, from: string, to: string) => addDays(from, rng.int(0, Math.max(0, (Date.parse(to) - Date.parse(from)) / DAY)));
const min = (a: string, b: string) => (a < b ? a : b);

const RETURN_REASONS = [
  '资产清查报告未附，请补充后重新报送',
  '教师安置方案不具体，请逐人列明安置去向',
  '学生分流方案未征求家长意见，请补充',
];

/** A valid 18-digit ID number in `unit`, born between 1968 and 1996 (made up; the check character is right). */
function idNumber(rng: Rng, unit: string, serial: number): string {
  const birth = addDays('1968-01-01', rng.int(0, 28 * 365));
  const first17 = `${unit}${birth.replace(/-/g, '')}${String(serial % 1000).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

/** A valid USCC: 民办非企业单位 (52) or, for a for-profit school, 企业 (91), registered in `unit`. */
function uscc(rng: Rng, unit: string, forProfit: boolean, serial: number): string {
  const org8 = `MJ${String(serial).padStart(6, '0')}`;
  const first17 = `${forProfit ? '91' : '52'}${unit}${org8}${orgCodeCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
}

export function generatePrivateStory(registry: readonly SchoolSeed[], opts: { seed: number; today: string }): PrivateStory {
  const rng = createRng((opts.seed ^ 0x5eed_ed05) >>> 0);
  const deadline = HENGYANG_TARGETS_2022.gongCanMinDeadline;
  const today = opts.today;
  const cases: StoryCase[] = [];
  const levers: StoryLever[] = [];
  const compulsory = registry.map((s) => compulsoryOf(s.enrolment));
  const privateCompulsory = registry.flatMap((s, i) => (s.ownership === 'private' && COMPULSORY_LEVELS.has(s.level) ? [i] : []));

  // 公参民: about three schools in ten, the bigger junior and nine-year schools more often.
  const gcm = new Set(privateCompulsory.filter((i) => rng.chance(registry[i]!.level === 'primary' ? 0.18 : 0.36)));
  let serial = 0;
  for (const i of gcm) {
    const s = registry[i]!;
    const partners = registry.filter(
      (p) => p.unitCode === s.unitCode && p.ownership === 'public' && ['junior', 'senior', 'complete_middle'].includes(p.level),
    );
    const partner = partners.length > 0 ? rng.pick(partners).name : `${s.name.slice(0, 3)}第一中学`;
    const type = rng.weighted<GcmType>([
      ['sole', 35],
      ['with_government', 30],
      ['with_private', 35],
    ]);
    const disposal: GcmDisposal =
      disposalsFor(type).length === 1
        ? 'to_public'
        : rng.weighted<GcmDisposal>([
            ['to_public', 55],
            ['withdraw', 25],
            ['purchase', 20],
          ]);
    const createdOn = between(rng, '2021-07-15', '2021-09-30');
    const fate = rng.weighted([
      ['on_time', 68],
      ['late', 20],
      ['open', 9],
      ['review', 3],
    ] as const);
    const returned = rng.chance(0.3) ? rng.pick(RETURN_REASONS) : null;
    const submittedOn = between(rng, addDays(createdOn, 20), '2021-12-20');
    const approvedOn = fate === 'review' ? null : between(rng, addDays(submittedOn, returned ? 25 : 7), '2022-02-28');
    const completedOn =
      fate === 'on_time'
        ? between(rng, '2022-03-01', deadline)
        : fate === 'late'
          ? between(rng, '2022-07-01', min(addDays(today, -5), '2022-11-15'))
          : null;
    const acceptedOn =
      completedOn && addDays(completedOn, 40) <= today && rng.chance(0.85)
        ? between(rng, addDays(completedOn, 10), addDays(completedOn, 40))
        : null;
    const tasks: Partial<Record<GcmTask, string>> = {};
    if (approvedOn)
      for (const t of ['assets', 'rename', 'legalPerson', 'students'] as const)
        if (completedOn || rng.chance(0.6))
          tasks[t] = between(rng, addDays(approvedOn, 10), completedOn ?? min(addDays(today, -1), '2022-10-31'));
    const teachers: StoryTeacher[] = [];
    const seconded = rng.int(2, 6);
    for (let k = 0; k < seconded; k++) {
      const placed = completedOn !== null || (approvedOn !== null && rng.chance(0.5));
      const placement: Placement | null = !placed
        ? null
        : disposal === 'to_public'
          ? rng.weighted<Placement>([
              ['stays_converted', 60],
              ['returns_public', 30],
              ['other_public', 10],
            ])
          : rng.weighted<Placement>([
              ['returns_public', 70],
              ['other_public', 30],
            ]);
      teachers.push({
        name: personName(rng),
        idNumber: idNumber(rng, s.unitCode, ++serial),
        staffStatus: 'in_quota',
        placement,
        placedOn: placed ? between(rng, approvedOn ?? createdOn, completedOn ?? min(addDays(today, -1), '2022-10-31')) : null,
        placedAt:
          placement === 'stays_converted'
            ? s.name
            : placement === 'returns_public'
              ? partner
              : placement
                ? `${s.name.slice(0, 3)}城区公办学校`
                : null,
      });
    }
    const status = fate === 'review' ? 'under_review' : !completedOn ? 'implementing' : acceptedOn ? 'accepted' : 'completed';
    cases.push({
      school: i,
      type,
      publicPartner: partner,
      disposal,
      plan: `${s.name}${disposal === 'to_public' ? '整体移交县区教育局举办，资产划转，在编教师随校转入或回流' : disposal === 'withdraw' ? '公办学校退出举办，不再使用其校名和编制教师，学校继续民办' : '由政府按生均成本购买学位，在编教师回原单位'}`,
      status,
      returned,
      createdOn,
      submittedOn,
      approvedOn,
      tasks,
      completedOn,
      acceptedOn,
      teachers,
    });
    if (disposal !== 'withdraw' && approvedOn)
      levers.push({
        school: i,
        kind: disposal,
        plannedYear: firstCensusAfter(deadline),
        students: disposal === 'purchase' ? compulsory[i]! : null,
        status: completedOn ? 'done' : 'planned',
        doneOn: completedOn,
        fromCase: cases.length - 1,
      });
  }

  // Other private compulsory schools: levers by unit until the unit's cut is covered (two units fall short).
  const baseline = new Map<string, { privateStudents: number; totalStudents: number }>();
  registry.forEach((s, i) => {
    const b = baseline.get(s.unitCode) ?? { privateStudents: 0, totalStudents: 0 };
    b.totalStudents += compulsory[i]!;
    if (s.ownership === 'private') b.privateStudents += compulsory[i]!;
    baseline.set(s.unitCode, b);
  });
  const shortfall = new Set(['430426', '430481']);
  const covered = new Map<string, number>();
  for (const l of levers)
    covered.set(registry[l.school]!.unitCode, (covered.get(registry[l.school]!.unitCode) ?? 0) + (l.students ?? compulsory[l.school]!));
  for (const i of privateCompulsory) {
    if (gcm.has(i)) continue;
    const unit = registry[i]!.unitCode;
    const need =
      requiredReduction(baseline.get(unit)!, HENGYANG_TARGETS_2022.privateCompulsoryShareCap) * (shortfall.has(unit) ? 0.93 : 1.1);
    if ((covered.get(unit) ?? 0) >= need) continue;
    const kind = rng.weighted<LeverKind>([
      ['purchase', 22],
      ['reduce_plan', 12],
      ['to_public', 34],
      ['to_non_compulsory', 20],
      ['terminate', 12],
    ]);
    const students = isWholeSchool(kind)
      ? null
      : Math.max(50, Math.round(compulsory[i]! * (kind === 'purchase' ? rng.float(0.4, 0.8) : rng.float(0.12, 0.25))));
    const when =
      kind === 'terminate'
        ? 'later'
        : rng.weighted([
            ['2021', 30],
            ['2022', 40],
            ['later', 30],
          ] as const);
    const doneOn =
      when === '2021' ? between(rng, '2021-06-15', '2021-08-25') : when === '2022' ? between(rng, '2022-06-15', '2022-08-25') : null;
    levers.push({
      school: i,
      kind,
      plannedYear: when === '2021' ? '2021-2022' : when === '2022' ? '2022-2023' : '2023-2024',
      students,
      status: doneOn ? 'done' : 'planned',
      doneOn,
      fromCase: null,
    });
    covered.set(unit, (covered.get(unit) ?? 0) + (students ?? compulsory[i]!));
  }

  const censuses = CENSUS_YEARS.map((year) => censusFor(registry, levers, year));
  const ownership = registry.map((s, i) => {
    const done = levers.find((l) => l.school === i && l.kind === 'to_public' && l.doneOn !== null && l.doneOn <= today);
    return done ? 'public' : s.ownership;
  });
  const caseOf = new Map(cases.map((c) => [c.school, c]));
  const inQuotaTeachers = registry.map((s, i) => (s.ownership === 'private' ? (caseOf.get(i)?.teachers.length ?? 0) : s.staffing.teachers));
  const profiles = registry.flatMap((s, i): StoryProfile[] => {
    if (s.ownership !== 'private') return [];
    const forProfit = !COMPULSORY_LEVELS.has(s.level) && rng.chance(s.level === 'kindergarten' ? 0.25 : 0.3);
    const firstGrade = Object.values(s.enrolment)[0] ?? 0;
    return [
      {
        school: i,
        licenceNo: `教民${s.code.slice(2)}${String(i % 1000).padStart(3, '0')}号`,
        uscc: uscc(rng, s.unitCode, forProfit, i + 1),
        sponsor: rng.chance(0.6) ? `${personName(rng)}` : `衡阳${rng.pick(['华星', '博雅', '育才', '明德', '启航'])}教育投资有限公司`,
        forProfit,
        gcmType: caseOf.get(i)?.type ?? null,
        partyOrg:
          compulsory[i]! >= 1000
            ? rng.weighted<PartyOrg>([
                ['own', 85],
                ['instructor', 15],
              ])
            : rng.weighted<PartyOrg>([
                ['own', 20],
                ['joint', 45],
                ['instructor', 25],
                ['none', 10],
              ]),
        approvedIntake: Math.max(30, Math.round((firstGrade * rng.float(1, 1.1)) / 10) * 10),
      },
    ];
  });
  return { cases, levers, censuses, ownership, profiles, inQuotaTeachers };
}

/**
 * One census from the baseline and the levers it shows (those done by 31 August of its year): converted schools are
 * public, bought seats are recorded, closed or re-registered schools have no compulsory pupils and cut intakes fewer;
 * the pupils who left the private count are spread over the unit's public schools by grade, in proportion to size.
 */
export function censusFor(registry: readonly SchoolSeed[], levers: readonly StoryLever[], year: string): StoryCensus {
  const ownership = registry.map((s) => s.ownership);
  const purchasedSeats = registry.map(() => 0);
  const enrolment = registry.map((s) => ({ ...s.enrolment }));
  const moved = new Map<string, Map<Grade, number>>();
  const move = (unit: string, g: Grade, n: number) => {
    const m = moved.get(unit) ?? new Map<Grade, number>();
    m.set(g, (m.get(g) ?? 0) + n);
    moved.set(unit, m);
  };
  for (const l of levers) {
    if (l.status !== 'done' || l.doneOn === null || firstCensusAfter(l.doneOn) > year) continue;
    const s = registry[l.school]!;
    const e = enrolment[l.school]!;
    if (l.kind === 'to_public') ownership[l.school] = 'public';
    else if (l.kind === 'purchase') purchasedSeats[l.school] = Math.min(compulsoryOf(e), l.students ?? 0);
    else {
      const total = compulsoryOf(e);
      const cut = l.kind === 'reduce_plan' ? Math.min(total, l.students ?? 0) : total;
      let left = cut;
      const grades = (Object.keys(e) as Grade[]).filter(isCompulsoryGrade);
      grades.forEach((g, k) => {
        const n =
          k === grades.length - 1 ? Math.min(left, e[g] ?? 0) : Math.min(left, Math.round(((e[g] ?? 0) * cut) / Math.max(1, total)));
        e[g] = (e[g] ?? 0) - n;
        left -= n;
        move(s.unitCode, g, n);
      });
    }
  }
  for (const [unit, grades] of moved)
    for (const [g, n] of grades) {
      const takers = registry.flatMap((s, i) =>
        s.unitCode === unit && ownership[i] === 'public' && (enrolment[i]![g] ?? 0) > 0 ? [i] : [],
      );
      const size = takers.reduce((a, i) => a + (enrolment[i]![g] ?? 0), 0);
      let left = n;
      takers.forEach((i, k) => {
        const add = k === takers.length - 1 ? left : Math.floor((n * (enrolment[i]![g] ?? 0)) / size);
        enrolment[i]![g] = (enrolment[i]![g] ?? 0) + add;
        left -= add;
      });
    }
  return { year, ownership, purchasedSeats, enrolment };
}
