import { getTableName, sql } from 'drizzle-orm';
import { idCardCheckChar, type Ownership, type SchoolLevel } from '@hyedu/domain';
import { HENGYANG_ORG_UNITS } from '@hyedu/domain/hengyang';
import {
  addMonths,
  decisionRefusal,
  ETHICS_WORKFLOW,
  isSanction,
  REVOCATION_BAR_YEARS,
  sanctionEnds,
  type AdmissionQuery,
  type CertificateAction,
  type ClueSource,
  type EthicsDecision,
  type EthicsStatus,
  type Handling,
  type PostCategory,
  type Sex,
  type StaffingStatus,
} from '@hyedu/domain/teachers';
import type { Tx } from '../audit.ts';
import { blindIndex, encryptField } from '../field-crypto.ts';
import { teacherBlacklist, teacherEntries, teacherEthicsCases, teacherStaff } from '../schema/index.ts';
import { bulkInsert, withBulkLoad } from './bulk.ts';
import { personName } from './names.ts';
import { createRng, type Rng } from './prng.ts';

/**
 * The demo staff registry (教职员工, docs/domain/teachers.md “Demo data”): one `teacher_staff` row per person in post,
 * consistent with each school's staffing figures —
 * - 在编 (`tenured`): the school's in-quota figure (`inQuota`), mostly 专任教师, some 管理, 教辅 and 工勤 in quota;
 * - the school's contract-teacher figure: 特岗 (rural public compulsory schools), 合同制 and 代课 专任教师;
 * - outside both figures, 劳务派遣/外包 工勤: the school's 专职保安 (its latest safety return) and, at boarding schools,
 *   canteen workers — the 准入查询 covers them too.
 * Every person has an admitted hire entry with a clear 准入查询, except a small share of those in post before the query
 * rule (`QUERY_RULE_FROM`) whom the 在职人员排查 has not reached; their entry's query is the 排查's (dated after they
 * joined). A few 师德失范 cases in every workflow state, the 黑名单 entries their decisions made, and a few entries the
 * gate refused. Pure and deterministic for a seed and `today`; the ID numbers are made up (valid check character).
 */

/** 高检发〔2020〕14号 (2020-08-20): from then on a 准入查询 is made before each hire; before it, the 排查 of those in post. */
export const QUERY_RULE_FROM = '2020-08-20';
/** The 在职人员排查 of staff hired before the rule ran over the school year after it. */
const SWEEP: readonly [string, string] = ['2020-09-01', '2021-06-30'];

export interface StaffSeedPerson {
  /** Index of the school in the registry. */
  school: number;
  name: string;
  idNumber: string;
  birthDate: string;
  sex: Sex;
  status: StaffingStatus;
  post: PostCategory;
  title: string | null;
  certificateNo: string | null;
  subject: string | null;
  joinedOn: string;
  nationalId: string | null;
  /** Left on a 黑名单 decision (开除, 教师资格 撤销/丧失). */
  leftOn: string | null;
  /** The 准入查询 on the hire entry; null: no entry on record (in post before the rule, not yet reached by the 排查). */
  query: AdmissionQuery | null;
}

export interface EthicsSeedCase {
  /** Index into the people. */
  person: number;
  status: EthicsStatus;
  clause: number;
  source: ClueSource;
  clue: string;
  findings: string | null;
  notifiedOn: string | null;
  defence: string | null;
  hearing: boolean | null;
  decision: (EthicsDecision & { decidedOn: string }) | null;
  appealReason: string | null;
  reviewReason: string | null;
  dismissReason: string | null;
  reportedOn: string;
  /** The day the case was 办结 (结案 or 不予立案). */
  closedOn: string | null;
}

/** An entry the gate refused (a blacklisted person trying another school, a query that found a record). */
export interface RefusedSeedEntry {
  school: number;
  name: string;
  idNumber: string;
  entersOn: string;
  query: AdmissionQuery;
  refusal: 'blacklisted' | 'query_hit';
}

export interface StaffRegistrySeed {
  people: StaffSeedPerson[];
  cases: EthicsSeedCase[];
  refused: RefusedSeedEntry[];
}

export interface StaffSchool {
  unitCode: string;
  level: SchoolLevel;
  ownership: Ownership;
  isRural: boolean;
  isBoarding: boolean;
  /** 在编 figure. */
  inQuota: number;
  /** 特岗, 合同制 and 代课 teachers. */
  contractTeachers: number;
  /** 专职保安 (latest safety return). */
  guards: number;
}

const DAY = 86_400_000;
const dayNum = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY;
const isoOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const addDays = (d: string, n: number) => isoOf(dayNum(d) + n);
const between = (rng: Rng, from: string, to: string) => isoOf(rng.int(dayNum(from), Math.max(dayNum(from), dayNum(to))));
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

const COUNTY_CODES = HENGYANG_ORG_UNITS.filter((u) => u.kind !== 'city').map((u) => u.code);
/** Birthplaces outside Hengyang (长沙, 株洲, 湘潭, 邵阳, 永州, 郴州, 娄底). */
const ELSEWHERE = ['430102', '430203', '430302', '430521', '431102', '431002', '431302'];

const SUBJECTS: Record<SchoolLevel, readonly (readonly [string, number])[]> = {
  kindergarten: [['学前教育', 1]],
  primary: [
    ['语文', 30],
    ['数学', 25],
    ['英语', 10],
    ['科学', 6],
    ['体育', 7],
    ['音乐', 6],
    ['美术', 6],
    ['道德与法治', 6],
    ['信息技术', 4],
  ],
  junior: [
    ['语文', 16],
    ['数学', 16],
    ['英语', 14],
    ['物理', 8],
    ['化学', 6],
    ['生物', 6],
    ['道德与法治', 7],
    ['历史', 7],
    ['地理', 6],
    ['体育', 6],
    ['音乐', 3],
    ['美术', 3],
    ['信息技术', 2],
  ],
  senior: [
    ['语文', 13],
    ['数学', 13],
    ['英语', 13],
    ['物理', 10],
    ['化学', 9],
    ['生物', 8],
    ['思想政治', 8],
    ['历史', 8],
    ['地理', 7],
    ['体育', 5],
    ['信息技术', 3],
    ['通用技术', 2],
    ['心理健康', 1],
  ],
  nine_year: [],
  complete_middle: [],
  vocational: [
    ['语文', 8],
    ['数学', 8],
    ['英语', 6],
    ['计算机应用', 12],
    ['机电技术', 10],
    ['汽车运用与维修', 8],
    ['会计事务', 8],
    ['电子商务', 8],
    ['学前教育', 6],
    ['护理', 6],
    ['体育', 4],
  ],
  special: [
    ['特殊教育', 6],
    ['康复训练', 2],
    ['语文', 1],
    ['数学', 1],
  ],
};
SUBJECTS.nine_year = [...SUBJECTS.primary, ...SUBJECTS.junior];
SUBJECTS.complete_middle = [...SUBJECTS.junior, ...SUBJECTS.senior];
/** 教师资格 kind digit by level (幼儿园 1, 小学 2, 初中 3, 高中 4, 中职 5, 特教 as 小学). */
const CERT_KIND: Record<SchoolLevel, string> = {
  kindergarten: '1',
  primary: '2',
  junior: '3',
  senior: '4',
  nine_year: '3',
  complete_middle: '4',
  vocational: '5',
  special: '2',
};
const COMPULSORY: readonly SchoolLevel[] = ['primary', 'junior', 'nine_year'];

function teacherTitle(rng: Rng, age: number, status: StaffingStatus): string | null {
  if (status === 'substitute' || status === 'special_post') return rng.chance(0.7) ? null : '二级教师';
  if (status === 'contract' || status === 'outsourced') return rng.chance(0.5) ? null : rng.pick(['二级教师', '一级教师']);
  if (age < 26) return rng.chance(0.5) ? null : '二级教师';
  if (age < 36)
    return rng.weighted([
      ['二级教师', 45],
      ['一级教师', 55],
    ] as const);
  if (age < 50)
    return rng.weighted([
      ['一级教师', 55],
      ['高级教师', 43],
      ['二级教师', 2],
    ] as const);
  return rng.weighted([
    ['高级教师', 62],
    ['一级教师', 36],
    ['正高级教师', 2],
  ] as const);
}

/** A person's attributes that depend on their role (age band, share of women). */
function profileOf(level: SchoolLevel, post: PostCategory, status: StaffingStatus, kind: 'guard' | 'canteen' | null) {
  if (kind === 'guard') return { ages: [28, 59] as const, female: 0.08 };
  if (kind === 'canteen') return { ages: [30, 54] as const, female: 0.7 };
  if (status === 'special_post') return { ages: [24, 30] as const, female: 0.7 };
  const female = level === 'kindergarten' ? 0.96 : level === 'primary' ? 0.75 : post === 'management' ? 0.35 : 0.58;
  if (status === 'contract') return { ages: [22, 50] as const, female };
  if (status === 'substitute') return { ages: [24, 55] as const, female };
  return { ages: [23, 59] as const, female };
}

/** The demo registry for the schools (pure: same inputs → the same people, cases and refused entries). */
export function generateStaffRegistry(schools: readonly StaffSchool[], opts: { seed: number; today: string }): StaffRegistrySeed {
  const rng = createRng(opts.seed ^ 0x7eac4e55);
  const today = opts.today;
  const used = new Set<string>();
  let certSerial = 0;
  let nationalSerial = 0;
  // Some counties keep their records better than others (both the 排查 and the national system's ids).
  const care = new Map(COUNTY_CODES.map((c) => [c, rng.float(0.4, 1.6)] as const));

  const idNumber = (unitCode: string, birthDate: string, sex: Sex) => {
    for (;;) {
      const area = rng.chance(0.12) ? rng.pick(ELSEWHERE) : unitCode === '430400' ? rng.pick(COUNTY_CODES) : unitCode;
      // Sequence 100–999 (the tests' made-up people use lower ones); odd for men.
      let seq = rng.int(100, 999);
      if ((seq % 2 === 1) !== (sex === 'male')) seq += seq === 999 ? -1 : 1;
      const first17 = `${area}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
      const id = first17 + idCardCheckChar(first17);
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };

  const people: StaffSeedPerson[] = [];
  const add = (
    i: number,
    s: StaffSchool,
    status: StaffingStatus,
    post: PostCategory,
    kind: 'guard' | 'canteen' | null = null,
    after: string | null = null,
  ) => {
    const prof = profileOf(s.level, post, status, kind);
    const sex: Sex = rng.chance(prof.female) ? 'female' : 'male';
    // Women retire at 55 here, men at 60: nobody in post is past it.
    const maxAge = Math.min(prof.ages[1], sex === 'female' ? 54 : 59);
    const age = rng.int(prof.ages[0], maxAge);
    const birthDate = addDays(`${Number(today.slice(0, 4)) - age - 1}-${today.slice(5)}`, rng.int(1, 364));
    const earliest = maxDate(addDays(birthDate, Math.round(365.25 * (post === 'teacher' ? 21.5 : 19))), '1985-09-01');
    let joinedOn: string;
    // A replacement joins after the person they replace left.
    if (after) joinedOn = between(rng, minDate(addDays(after, 20), addDays(today, -1)), addDays(today, -1));
    else if (status === 'special_post') joinedOn = `${rng.pick([2020, 2021, 2022])}-09-01`;
    else {
      const from =
        status === 'tenured'
          ? earliest
          : maxDate(earliest, status === 'outsourced' ? '2014-01-01' : status === 'contract' ? '2012-01-01' : '2010-01-01');
      const day = between(rng, from, addDays(today, -20));
      // Teachers mostly start with the school year.
      joinedOn =
        post === 'teacher' && rng.chance(0.75) && `${day.slice(0, 4)}-09-01` <= today && `${day.slice(0, 4)}-09-01` >= from
          ? `${day.slice(0, 4)}-09-01`
          : day;
    }
    const unitCare = care.get(s.unitCode) ?? 1;
    const isTeacher = post === 'teacher';
    const certMissing =
      status === 'substitute' ? 0.45 : status === 'contract' ? 0.04 * unitCare : status === 'tenured' ? 0.008 * unitCare : 0;
    const certYear = Math.max(Number(birthDate.slice(0, 4)) + 20, Math.min(Number(joinedOn.slice(0, 4)) - rng.int(0, 2), 2022));
    const certificateNo =
      isTeacher && !rng.chance(certMissing)
        ? `${certYear}43${CERT_KIND[s.level]}${sex === 'male' ? 1 : 2}${String(++certSerial * 7 + rng.int(0, 6)).padStart(9, '0')}`
        : null;
    const subject = isTeacher && !rng.chance(0.004 * unitCare) ? rng.weighted(SUBJECTS[s.level]) : null;
    const nationalMissing = status === 'outsourced' ? 1 : (status === 'tenured' ? 0.015 : status === 'contract' ? 0.06 : 0.12) * unitCare;
    const nationalId = rng.chance(nationalMissing)
      ? null
      : `${s.unitCode.slice(0, 4)}${joinedOn.slice(0, 4)}${String(++nationalSerial).padStart(8, '0')}`;
    const title =
      post === 'teacher' || post === 'management'
        ? teacherTitle(rng, age, status)
        : post === 'support'
          ? rng.weighted([
              [null, 40],
              ['实验师', 25],
              ['助理实验师', 25],
              ['馆员', 10],
            ] as const)
          : null;
    let query: AdmissionQuery | null;
    if (joinedOn >= QUERY_RULE_FROM) query = { queriedOn: addDays(joinedOn, -rng.int(3, 60)), result: 'clear' };
    else if (rng.chance(0.035 * unitCare)) query = null;
    else query = { queriedOn: between(rng, maxDate(SWEEP[0], joinedOn), SWEEP[1]), result: 'clear' };
    people.push({
      school: i,
      name: personName(rng),
      idNumber: idNumber(s.unitCode, birthDate, sex),
      birthDate,
      sex,
      status,
      post,
      title,
      certificateNo,
      subject,
      joinedOn,
      nationalId,
      leftOn: null,
      query,
    });
  };

  schools.forEach((s, i) => {
    for (let k = 0; k < s.inQuota; k++) {
      // The first two of a school teach; then mostly teachers, some management, support and 工勤 in quota.
      const post: PostCategory =
        k < 2
          ? 'teacher'
          : rng.weighted<PostCategory>([
              ['teacher', 86],
              ['management', 7],
              ['support', 5],
              ['service', 2],
            ]);
      add(i, s, 'tenured', post);
    }
    const specialPosts = s.ownership === 'public' && s.isRural && COMPULSORY.includes(s.level);
    for (let k = 0; k < s.contractTeachers; k++) {
      const status = rng.weighted<StaffingStatus>(
        s.ownership === 'private'
          ? [
              ['contract', 92],
              ['substitute', 8],
            ]
          : [
              ['special_post', specialPosts ? 45 : 0],
              ['contract', 30],
              ['substitute', s.isRural ? 25 : 10],
            ],
      );
      add(i, s, status, 'teacher');
    }
    for (let k = 0; k < s.guards; k++) add(i, s, 'outsourced', 'service', 'guard');
    if (s.isBoarding) for (let k = rng.int(2, 5); k > 0; k--) add(i, s, 'outsourced', 'service', 'canteen');
  });

  const { cases, refused } = ethicsCases(rng, schools, people, today, idNumber);
  // Those who left on a decision were replaced: the school's figures stay the registry's in-post counts.
  for (const p of people.filter((x) => x.leftOn))
    add(p.school, schools[p.school]!, p.status === 'special_post' ? 'contract' : p.status, p.post, null, p.leftOn);
  return { people, cases, refused };
}

/** Case counts by final state: a few in every state, more of them concluded. */
const CASE_STATES: readonly (readonly [EthicsStatus, number])[] = [
  ['clue', 3],
  ['verifying', 3],
  ['filed', 2],
  ['investigating', 3],
  ['notified', 2],
  ['decided', 3],
  ['executing', 3],
  ['appeal', 2],
  ['closed', 16],
  ['dismissed', 6],
];

const CLUES: Record<number, string> = {
  1: '家长反映该教师在课堂上多次发表与党的路线方针政策相违背的言论。',
  2: '群众举报该教师酒后驾驶机动车被公安机关查处。',
  3: '学生反映该教师在课堂上传播封建迷信内容。',
  4: '举报该教师在校外培训机构兼职兼薪，影响正常教学。',
  5: '家长反映该教师多次辱骂学生并体罚学生致其受伤。',
  6: '学校报告该教师在组织学生外出活动时擅离职守，学生发生意外。',
  7: '举报该教师通过社交软件向学生发送不当信息。',
  8: '举报该教师在学生评优推荐中弄虚作假。',
  9: '家长举报该教师收受学生家长礼品礼金并接受宴请。',
  10: '家长举报该教师组织本班学生有偿补课并收取费用。',
};
const CLAUSE_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 1],
  [2, 3],
  [3, 1],
  [4, 5],
  [5, 7],
  [6, 3],
  [7, 3],
  [8, 2],
  [9, 6],
  [10, 9],
];

function ethicsCases(
  rng: Rng,
  schools: readonly StaffSchool[],
  people: StaffSeedPerson[],
  today: string,
  idNumber: (unitCode: string, birthDate: string, sex: Sex) => string,
): { cases: EthicsSeedCase[]; refused: RefusedSeedEntry[] } {
  const wf = ETHICS_WORKFLOW;
  const cases: EthicsSeedCase[] = [];
  const refused: RefusedSeedEntry[] = [];
  const taken = new Set<number>();
  // Spread over the counties: draw a county, then one of its teachers.
  const byUnit = new Map<string, number[]>();
  people.forEach((p, k) => {
    // Someone in post for a while: the case is reported after they joined.
    if (p.post !== 'teacher' || p.joinedOn > '2020-12-31') return;
    const u = schools[p.school]!.unitCode;
    const list = byUnit.get(u);
    if (list) list.push(k);
    else byUnit.set(u, [k]);
  });
  const units = [...byUnit.keys()].sort();
  let n = 0;
  // The first decisions made are a certificate lost (listed for ever) and one revoked (listed for the 5-year bar), so the
  // 黑名单 has both kinds whatever the draws; the rest are drawn.
  let decisions = 0;
  for (const [state, count] of CASE_STATES) {
    for (let c = 0; c < count; c++, n++) {
      const pool = byUnit.get(units[n % units.length]!)!;
      let person = rng.pick(pool);
      while (taken.has(person)) person = rng.pick(pool);
      taken.add(person);
      const p = people[person]!;
      const school = schools[p.school]!;
      const clause = rng.weighted(CLAUSE_WEIGHTS);
      // The path to the state, by the workflow's steps.
      const path: (typeof wf.actions)[number][] =
        state === 'dismissed'
          ? rng.chance(0.5)
            ? ['dismiss']
            : ['verify', 'dismiss']
          : (['verify', 'file', 'investigate', 'notify', 'decide', 'execute', 'close'] as const).slice(
              0,
              { clue: 0, verifying: 1, filed: 2, investigating: 3, notified: 4, decided: 5, executing: 6, appeal: 6, closed: 7 }[state] ??
                0,
            );
      if (state === 'appeal') path.splice(path.length - (rng.chance(0.5) ? 1 : 0), path.length, 'appeal');
      // Walking the workflow checks every step is allowed from where the case stands.
      let at: EthicsStatus = wf.initial;
      for (const a of path) at = wf.next(a, at) as EthicsStatus;
      if (at !== state) throw new Error(`seed case path ${path.join('→')} ends in ${at}, not ${state}`);
      // Days each step takes; the report is dated so the last step lands before today.
      const gaps = path.map((a) =>
        a === 'verify'
          ? rng.int(2, 10)
          : a === 'dismiss'
            ? rng.int(5, 25)
            : a === 'file'
              ? rng.int(5, 20)
              : a === 'investigate'
                ? rng.int(1, 5)
                : a === 'notify'
                  ? rng.int(15, 45)
                  : a === 'decide'
                    ? rng.int(7, 20)
                    : a === 'execute'
                      ? rng.int(1, 7)
                      : a === 'appeal'
                        ? rng.int(5, 15)
                        : rng.int(10, 60),
      );
      const span = gaps.reduce((a, b) => a + b, 0);
      const latest = addDays(today, -span - rng.int(1, 20));
      const earliest = maxDate(addDays(p.joinedOn, 60), '2021-01-04');
      const reportedOn = between(rng, minDate(earliest, latest), latest);
      const dates = new Map<string, string>();
      let d = reportedOn;
      path.forEach((a, k) => {
        d = addDays(d, gaps[k]!);
        dates.set(a, d);
      });
      const decidedOn = dates.get('decide') ?? null;
      let decision: EthicsSeedCase['decision'] = null;
      if (decidedOn) {
        const privateSchool = school.ownership === 'private';
        const forced = decisions < 2 ? (['lost', 'revoked'] as const)[decisions] : null;
        decisions++;
        const grave = forced !== null || (clause === 7 || clause === 5 ? rng.chance(0.6) : rng.chance(0.15));
        const handling: Handling = grave
          ? privateSchool
            ? 'circular'
            : rng.pick(['expulsion', 'demotion'] as const)
          : rng.weighted<Handling>(
              privateSchool
                ? [
                    ['criticism', 3],
                    ['admonition', 3],
                    ['self_review', 2],
                    ['circular', 2],
                  ]
                : [
                    ['warning', 4],
                    ['demerit', 3],
                    ['criticism', 3],
                    ['admonition', 2],
                    ['circular', 2],
                  ],
            );
        const certificate: CertificateAction =
          forced ?? (grave ? (clause === 7 ? 'lost' : rng.pick(['revoked', 'lost'] as const)) : 'none');
        const mustList = certificate !== 'none' || handling === 'expulsion';
        // Otherwise a demerit or demotion sometimes lists for its period.
        const listed = mustList || (isSanction(handling) && handling !== 'warning' && rng.chance(0.4));
        const blacklistUntil =
          certificate === 'lost' || (handling === 'expulsion' && certificate === 'none')
            ? undefined
            : certificate === 'revoked'
              ? addMonths(decidedOn, REVOCATION_BAR_YEARS * 12)
              : listed
                ? (sanctionEnds(handling, decidedOn) ?? undefined)
                : undefined;
        const d0: EthicsDecision = {
          handling,
          effectiveOn: decidedOn,
          certificate,
          blacklist: listed,
          ...(blacklistUntil ? { blacklistUntil } : {}),
          text: `经调查核实，${p.name}违反《新时代中小学教师职业行为十项准则》第${clause}条，依据《中小学教师违反职业道德行为处理办法》作出处理。`,
        };
        const refusal = decisionRefusal(d0, { privateSchool });
        if (refusal) throw new Error(`seed decision refused: ${refusal.message}`);
        decision = { ...d0, decidedOn };
        // Expelled, or without a certificate: out of post from the decision.
        if ((handling === 'expulsion' || certificate !== 'none') && decidedOn <= today) p.leftOn = decidedOn;
      }
      const notifiedOn = dates.get('notify') ?? null;
      cases.push({
        person,
        status: state,
        clause,
        source: rng.weighted<ClueSource>([
          ['report', 3],
          ['complaint', 5],
          ['inspection', 1],
          ['media', 1],
          ['referral', 1],
        ]),
        clue: CLUES[clause]!,
        findings:
          notifiedOn || (state === 'investigating' && rng.chance(0.5))
            ? `经调查组走访学生、家长及同事并调取相关记录，查明反映的问题基本属实：${CLUES[clause]!}`
            : null,
        notifiedOn,
        defence: notifiedOn && rng.chance(0.6) ? '当事人提交书面陈述申辩，对部分事实提出异议。' : null,
        hearing: notifiedOn ? rng.chance(0.15) : null,
        decision,
        appealReason: state === 'appeal' ? '当事人认为处理过重，申请复核。' : null,
        reviewReason: null,
        dismissReason: state === 'dismissed' ? rng.pick(['经核查，举报内容不属实', '经核查，现有证据不足以认定存在师德失范行为']) : null,
        reportedOn,
        closedOn: state === 'closed' ? dates.get('close')! : state === 'dismissed' ? dates.get('dismiss')! : null,
      });
    }
  }
  // A blacklisted person tries another school (refused), and a newcomer's query finds a record (refused).
  const listedNow = cases.filter((c) => c.decision?.blacklist && !c.decision.blacklistUntil);
  for (const c of listedNow.slice(0, 2)) {
    const p = people[c.person]!;
    const entersOn = minDate(addDays(c.decision!.decidedOn, rng.int(30, 120)), addDays(today, -3));
    if (entersOn <= c.decision!.decidedOn) continue;
    const school = rng.int(0, schools.length - 1);
    refused.push({
      school,
      name: p.name,
      idNumber: p.idNumber,
      entersOn,
      query: { queriedOn: addDays(entersOn, -rng.int(3, 20)), result: 'clear' },
      refusal: 'blacklisted',
    });
  }
  const school = rng.int(0, schools.length - 1);
  const entersOn = addDays(today, -rng.int(20, 60));
  refused.push({
    school,
    name: personName(rng),
    idNumber: idNumber(schools[school]!.unitCode, '1986-03-14', 'male'),
    entersOn,
    query: { queriedOn: addDays(entersOn, -10), result: 'hit' },
    refusal: 'query_hit',
  });
  return { cases, refused };
}

export interface TeacherVolumes {
  staff: number;
  entries: number;
  ethicsCases: number;
  blacklist: number;
}

const SEEDER = 'demo-seed';
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

/** The 在编 and contract-teacher counts per school of the people in post (the staffing figures, from the registry). */
export function staffingFromRegistry(seed: StaffRegistrySeed, schools: number): { teachers: number; contractTeachers: number }[] {
  const out = Array.from({ length: schools }, () => ({ teachers: 0, contractTeachers: 0 }));
  for (const p of seed.people) {
    if (p.leftOn) continue;
    if (p.status === 'tenured') out[p.school]!.teachers++;
    else if (p.post === 'teacher' && p.status !== 'outsourced') out[p.school]!.contractTeachers++;
  }
  return out;
}

/** Writes the registry: staff rows, their hire entries, the ethics cases, the 黑名单 and the refused entries. */
export async function seedTeachers(
  tx: Tx,
  opts: {
    seed: StaffRegistrySeed;
    schools: readonly { id: number; unitCode: string; ownership: Ownership }[];
    keys: { dataKey: Buffer; indexKey: Buffer };
  },
): Promise<TeacherVolumes> {
  const { seed, schools, keys } = opts;
  const indexOf = seed.people.map((p) => blindIndex(keys.indexKey, p.idNumber));
  const staffRows = seed.people.map((p, k) => {
    const idIndex = indexOf[k]!;
    const s = schools[p.school]!;
    return {
      schoolId: s.id,
      unitCode: s.unitCode,
      name: p.name,
      idIndex,
      // As the hire does: bound to the person's blind index (staffCipherId in the API).
      idCipher: encryptField(keys.dataKey, p.idNumber, `teacher_staff:${idIndex}`),
      birthDate: p.birthDate,
      sex: p.sex,
      status: p.status,
      post: p.post,
      title: p.title,
      certificateNo: p.certificateNo,
      subject: p.subject,
      joinedOn: p.joinedOn,
      leftOn: p.leftOn,
      nationalId: p.nationalId,
      createdBy: SEEDER,
      createdAt: at(p.joinedOn < '2021-03-01' ? '2021-03-01' : p.joinedOn),
    };
  });
  const staffIds: number[] = [];
  const entryRows = () => {
    const entries = seed.people.flatMap((p, k): (typeof teacherEntries.$inferInsert)[] => {
      if (!p.query) return [];
      const s = schools[p.school]!;
      return [
        {
          kind: 'hire',
          idIndex: indexOf[k]!,
          staffId: staffIds[k]!,
          schoolId: s.id,
          unitCode: s.unitCode,
          entersOn: p.joinedOn,
          queriedOn: p.query.queriedOn,
          queryResult: p.query.result,
          createdBy: SEEDER,
          createdAt: at(maxDate(p.joinedOn, p.query.queriedOn) < '2021-03-01' ? '2021-03-01' : maxDate(p.joinedOn, p.query.queriedOn)),
        },
      ];
    });
    for (const r of seed.refused) {
      const s = schools[r.school]!;
      const idIndex = blindIndex(keys.indexKey, r.idNumber);
      entries.push({
        kind: 'hire',
        idIndex,
        name: r.name,
        idCipher: encryptField(keys.dataKey, r.idNumber, `teacher_staff:${idIndex}`),
        staffId: null,
        schoolId: s.id,
        unitCode: s.unitCode,
        entersOn: r.entersOn,
        queriedOn: r.query.queriedOn,
        queryResult: r.query.result,
        createdBy: SEEDER,
        createdAt: at(r.entersOn),
        refusal: r.refusal,
      });
    }
    return entries;
  };
  // Foreign keys and secondary indexes are set aside while loading and checked or built once afterwards.
  const { inserted, entries } = await withBulkLoad(tx, [teacherStaff, teacherEntries], async () => {
    // Every person's ID number is different, so the blind index finds each one's id.
    const ids = await bulkInsert<{ id: number; id_index: string }>(tx, teacherStaff, staffRows, { returning: 'id, id_index' });
    const idOf = new Map(ids.map((r) => [r.id_index, Number(r.id)]));
    staffIds.push(...indexOf.map((ix) => idOf.get(ix)!));
    const rows = entryRows();
    await bulkInsert(tx, teacherEntries, rows);
    return { inserted: ids.length, entries: rows.length };
  });
  // Statistics for the planner at once (PGlite has no autovacuum).
  await tx.execute(sql`analyze ${sql.identifier(getTableName(teacherStaff))}, ${sql.identifier(getTableName(teacherEntries))}`);
  let blacklist = 0;
  for (const c of seed.cases) {
    const p = seed.people[c.person]!;
    const s = schools[p.school]!;
    const idIndex = indexOf[c.person]!;
    const d = c.decision;
    const [row] = await tx
      .insert(teacherEthicsCases)
      .values({
        schoolId: s.id,
        unitCode: s.unitCode,
        staffId: staffIds[c.person]!,
        name: p.name,
        idIndex,
        idCipher: encryptField(keys.dataKey, p.idNumber, `teacher_ethics_case:${idIndex}`),
        privateSchool: s.ownership === 'private',
        clause: c.clause,
        source: c.source,
        clue: c.clue,
        findings: c.findings,
        notifiedOn: c.notifiedOn,
        defence: c.defence,
        hearing: c.hearing,
        handling: d?.handling ?? null,
        effectiveOn: d?.effectiveOn ?? null,
        sanctionEndsOn: d ? sanctionEnds(d.handling, d.effectiveOn) : null,
        certificate: d?.certificate ?? null,
        decisionText: d?.text ?? null,
        appealReason: c.appealReason,
        reviewReason: c.reviewReason,
        dismissReason: c.dismissReason,
        status: c.status,
        createdBy: SEEDER,
        createdAt: at(c.reportedOn),
        closedAt: c.closedOn ? at(c.closedOn) : null,
      })
      .returning({ id: teacherEthicsCases.id });
    if (d?.blacklist) {
      blacklist++;
      await tx.insert(teacherBlacklist).values({
        idIndex,
        name: p.name,
        caseId: row!.id,
        unitCode: s.unitCode,
        fromDate: d.effectiveOn,
        untilDate: d.blacklistUntil ?? null,
        createdBy: SEEDER,
        createdAt: at(d.decidedOn),
      });
    }
  }
  return { staff: inserted, entries, ethicsCases: seed.cases.length, blacklist };
}
