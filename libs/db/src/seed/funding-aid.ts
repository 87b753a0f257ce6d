import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { idCardCheckChar } from '@hyedu/domain';
import {
  DEFAULT_AID_AMOUNTS,
  DEFAULT_AID_TARGET,
  LIST_CATEGORIES,
  maskIdNumber,
  previousSemester,
  semesterAmount,
  semesterOf,
  STAGE_ITEMS,
  type AidCategory,
  type AidListKind,
  type AidStage,
} from '@hyedu/domain/funding';
import type { Tx } from '../audit.ts';
import { blindIndex, encryptField } from '../field-crypto.ts';
import { aidCipherId, runAidMatching } from '../funding-aid-match.ts';
import { fundingAidFollowUps, fundingAidListed, fundingAidPayments, fundingAidStudents } from '../schema/funding-aid.ts';
import { schoolEnrolment, schools } from '../schema/org.ts';
import { bulkInsert, withBulkLoad } from './bulk.ts';
import { personName } from './names.ts';
import { createRng, type Rng } from './prng.ts';

export interface AidVolumes {
  listed: number;
  students: number;
  payments: number;
  unaided: number;
  unmatched: number;
}

const CITY = '430400';
const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const between = (rng: Rng, from: string, to: string) =>
  to <= from ? from : addDays(from, rng.int(0, Math.round((Date.parse(to) - Date.parse(from)) / DAY)));
const semesterStart = (s: string) => `${s.slice(0, 4)}-${s.endsWith('1') ? '03-01' : '09-01'}`;
const semesterEnd = (s: string) => (s.endsWith('1') ? `${s.slice(0, 4)}-07-15` : `${s.slice(0, 4)}-12-31`);

/** The stage and grade number of an enrolment grade (special-education X1–X6 as 小学, X7–X9 as 初中). */
function stageOf(grade: string): { stage: AidStage; grade: number } {
  const n = Number(grade.slice(1));
  switch (grade[0]) {
    case 'K':
      return { stage: 'preschool', grade: n };
    case 'P':
      return { stage: 'primary', grade: n };
    case 'J':
      return { stage: 'junior', grade: n };
    case 'S':
      return { stage: 'senior', grade: n };
    case 'V':
      return { stage: 'vocational', grade: n };
    default:
      return n <= 6 ? { stage: 'primary', grade: n } : { stage: 'junior', grade: n - 6 };
  }
}
/** Age in the autumn of the school year by stage and grade (小学一年级 at 6). */
const AGE_BASE: Record<AidStage, number> = { preschool: 2, primary: 5, junior: 11, senior: 14, vocational: 14 };
/** Share of a stage's pupils whose family is on a list (made up; more in the rural counties). */
const LISTED_SHARE: Record<AidStage, number> = { preschool: 0.035, primary: 0.06, junior: 0.065, senior: 0.05, vocational: 0.09 };
const CATEGORY_WEIGHTS: readonly (readonly [AidCategory, number])[] = [
  ['tuopin', 45],
  ['jiance', 10],
  ['dibao', 25],
  ['tekun', 4],
  ['orphan', 3],
  ['disabled', 13],
];
const listOf = (c: AidCategory) =>
  (Object.entries(LIST_CATEGORIES) as [AidListKind, readonly AidCategory[]][]).find(([, cs]) => cs.includes(c))![0];
const CLOSE_REASONS = ['已转学至市外，由转入地资助', '已离校（随父母外出务工），学籍转出中', '经核实不在校，学籍待注销'];
const REISSUE_REASONS = ['上学期银行卡信息有误未发放成功，本学期补发', '认定在发放后完成，补发本学期生活补助'];

/**
 * 学生资助 demo data at full scale (~174,000 payments of two semesters at scale 1): the listed families' children of every county
 * (about 6% of compulsory pupils, more in vocational schools) with their 学籍 records, a few listed children without one
 * (unmatched), the aid roll of the previous and the current semester (a few 补发 in the previous one, about 2% of the
 * current one's students not yet paid), then the current semester's matching run and the follow-ups: some recognised,
 * a few closed. The demo primary school (account `xxzizhu`) has two of its listed pupils unaided.
 */
export async function seedFundingAid(
  tx: Tx,
  opts: { seed: number; today: string; keys: { dataKey: Buffer; indexKey: Buffer }; demoSchool: number },
): Promise<AidVolumes> {
  const rng = createRng(opts.seed ^ 0x5a1d);
  const current = semesterOf(opts.today);
  const previous = previousSemester(current);
  const census = `${current.slice(0, 4)}-${Number(current.slice(0, 4)) + 1}`;
  const yearOfCensus = Number(current.slice(0, 4)) - (current.endsWith('1') ? 1 : 0);
  const [latest] = await tx
    .select({ year: sql<string>`max(${schoolEnrolment.schoolYear})` })
    .from(schoolEnrolment)
    .where(sql`${schoolEnrolment.schoolYear} <= ${census}`);
  const schoolRows = await tx
    .select({ id: schools.id, unitCode: schools.unitCode, isBoarding: schools.isBoarding })
    .from(schools)
    .orderBy(asc(schools.id));
  const schoolOf = new Map(schoolRows.map((s) => [s.id, s]));
  const enrolment = await tx
    .select({ schoolId: schoolEnrolment.schoolId, grade: schoolEnrolment.grade, students: schoolEnrolment.students })
    .from(schoolEnrolment)
    .where(eq(schoolEnrolment.schoolYear, latest?.year ?? census))
    .orderBy(asc(schoolEnrolment.schoolId), asc(schoolEnrolment.grade));
  const counties = [...new Set(schoolRows.map((s) => s.unitCode))].filter((c) => c !== CITY).sort();
  const now = new Date(`${opts.today}T08:00:00+08:00`);
  const serials = new Map<string, number>();
  const idNumber = (region: string, birth: string) => {
    const key = `${region}${birth}`;
    const n = (serials.get(key) ?? 0) + 1;
    serials.set(key, n);
    const first17 = `${region}${birth.replace(/-/g, '')}${String(n).padStart(3, '0')}`;
    return first17 + idCardCheckChar(first17);
  };
  const person = (region: string, age: number) => {
    const idNumber_ = idNumber(region, between(rng, `${yearOfCensus - age - 1}-09-01`, `${yearOfCensus - age}-08-31`));
    const idIndex = blindIndex(opts.keys.indexKey, idNumber_);
    return {
      idIndex,
      idCipher: encryptField(opts.keys.dataKey, idNumber_, aidCipherId(idIndex)),
      idMasked: maskIdNumber(idNumber_),
      name: personName(rng),
    };
  };

  const listed: Record<string, unknown>[] = [];
  const students: Record<string, unknown>[] = [];
  const payments: Record<string, unknown>[] = [];
  const addListed = (p: { idIndex: string; idCipher: string; idMasked: string; name: string }, unitCode: string) => {
    const first = rng.weighted(CATEGORY_WEIGHTS);
    const cats = new Set<AidCategory>([first]);
    if (rng.chance(0.1)) cats.add(first === 'disabled' ? 'dibao' : 'disabled');
    if (first === 'tuopin' && rng.chance(0.15)) cats.add('dibao');
    const kinds = new Map<AidListKind, AidCategory>();
    for (const c of cats) if (!kinds.has(listOf(c))) kinds.set(listOf(c), c);
    for (const [listKind, category] of kinds) listed.push({ listKind, category, ...p, unitCode, importedAt: now.toISOString() });
  };
  let demoUnpaid = 0;
  for (const e of enrolment) {
    const school = schoolOf.get(e.schoolId);
    if (!school || e.students <= 0) continue;
    const { stage, grade } = stageOf(e.grade);
    const rural = school.unitCode >= '430421' && school.unitCode !== '430472';
    const share = LISTED_SHARE[stage] * (rural ? 1.2 : 0.6);
    const expected = e.students * share;
    const n = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const home = school.unitCode === CITY || rng.chance(0.03) ? rng.pick(counties) : school.unitCode;
      const p = person(home, AGE_BASE[stage] + grade);
      addListed(p, home);
      const boarding = stage !== 'preschool' && school.isBoarding && rng.chance(0.6);
      students.push({
        ...p,
        studentNo: `G${p.idMasked.slice(0, 6)}${String(students.length + 1).padStart(10, '0')}`,
        schoolId: school.id,
        unitCode: school.unitCode,
        stage,
        grade,
        boarding,
        importedAt: now.toISOString(),
      });
      for (const semester of [previous, current]) {
        const isCurrent = semester === current;
        const forcedUnpaid = isCurrent && school.id === opts.demoSchool && demoUnpaid < 2 && (stage === 'primary' || stage === 'junior');
        if (forcedUnpaid) demoUnpaid++;
        const paid = !forcedUnpaid && rng.chance(isCurrent ? 0.98 : 0.992);
        const reissue = !paid && !isCurrent && rng.chance(0.7);
        if (!paid && !reissue) continue;
        const start = semesterStart(semester);
        const end = isCurrent ? opts.today : semesterEnd(semester);
        for (const item of STAGE_ITEMS[stage]) {
          const amount = semesterAmount(DEFAULT_AID_AMOUNTS, item, stage, boarding)!;
          const paidOn = between(rng, addDays(start, 30), end < addDays(start, 30) ? addDays(start, 30) : end);
          payments.push({
            idIndex: p.idIndex,
            unitCode: school.unitCode,
            schoolId: school.id,
            item,
            semester,
            kind: reissue ? 'reissue' : 'regular',
            amount,
            paidOn: paidOn > opts.today ? opts.today : paidOn,
            reason: reissue ? rng.pick(REISSUE_REASONS) : null,
            requestKey: reissue ? `seed-${p.idIndex.slice(0, 24)}-${item}` : null,
            createdBy: 'seed',
            createdAt: now.toISOString(),
          });
        }
      }
    }
  }
  // Listed children with no 学籍 record in the city (moved away, or a wrong ID number on the list): about 3%.
  const unmatchedCount = Math.round(students.length * 0.03);
  for (let i = 0; i < unmatchedCount; i++) {
    const home = rng.pick(counties);
    addListed(person(home, rng.int(6, 15)), home);
  }

  await withBulkLoad(tx, [fundingAidListed, fundingAidStudents, fundingAidPayments], async () => {
    await bulkInsert(tx, fundingAidListed, listed);
    const ids = await bulkInsert<{ id: number; id_index: string }>(tx, fundingAidStudents, students, { returning: 'id, id_index' });
    const idOf = new Map(ids.map((r) => [r.id_index, r.id]));
    for (const p of payments) p.studentId = idOf.get(p.idIndex as string) ?? null;
    await bulkInsert(tx, fundingAidPayments, payments);
  });
  await tx.execute(sql`analyze funding_aid_listed, funding_aid_students, funding_aid_payments`);

  // The current semester's run (the previous one's payments are history: its 补发 show on the roll).
  const run = await runAidMatching(tx, { semester: current, target: DEFAULT_AID_TARGET, runBy: 'seed', now, today: opts.today });
  // Some of this semester's 应助未助 are recognised, a few closed with a reason.
  const open = await tx
    .select({ id: fundingAidFollowUps.id, schoolId: fundingAidFollowUps.schoolId })
    .from(fundingAidFollowUps)
    .where(and(eq(fundingAidFollowUps.semester, current), eq(fundingAidFollowUps.status, 'open')))
    .orderBy(asc(fundingAidFollowUps.id));
  const recognised: number[] = [];
  const closed: number[] = [];
  for (const f of open) {
    if (f.schoolId === opts.demoSchool) continue;
    const r = rng.next();
    if (r < 0.4) recognised.push(f.id);
    else if (r < 0.45) closed.push(f.id);
  }
  if (recognised.length)
    await tx
      .update(fundingAidFollowUps)
      .set({ status: 'recognised', recognisedBy: 'seed', updatedBy: 'seed', updatedAt: now, version: 2 })
      .where(inArray(fundingAidFollowUps.id, recognised));
  if (closed.length)
    await tx
      .update(fundingAidFollowUps)
      .set({ status: 'closed', reason: rng.pick(CLOSE_REASONS), updatedBy: 'seed', updatedAt: now, version: 2 })
      .where(inArray(fundingAidFollowUps.id, closed));
  return {
    listed: listed.length,
    students: students.length,
    payments: payments.length,
    unaided: run.counts.unaided,
    unmatched: run.counts.unmatched,
  };
}
