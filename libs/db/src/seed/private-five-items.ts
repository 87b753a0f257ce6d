import { asc, inArray } from 'drizzle-orm';
import {
  FIVE_ITEMS_DEFAULT_WORK_END,
  FIVE_ITEMS_LEVELS,
  FIVE_ITEMS_LIMITS,
  fiveItemsGrades,
  fiveItemsJudgement,
  type FiveItemsGradeRow,
  type FiveItemsStatus,
  type FiveItemsTerm,
} from '@hyedu/domain/private-edu';
import type { Tx } from '../audit.ts';
import { privateFiveItemsReturns, schools } from '../schema/index.ts';
import { createRng, type Rng } from './prng.ts';

const SEEDER = 'demo-seed';
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

/** Each term's story: dates, and the state of the i-th concerned school's return (null: none filed, past due). */
const TERMS: { term: FiveItemsTerm; created: string; submitted: string; decided: string; state: (i: number) => FiveItemsStatus | null }[] =
  [
    {
      // 2022年春季学期 (due 2022-06-15): nearly all accepted; one in 25 never filed, one in 40 still returned.
      term: '2022-spring',
      created: '2022-06-01',
      submitted: '2022-06-10',
      decided: '2022-06-20',
      state: (i) => (i % 25 === 7 ? null : i % 40 === 11 ? 'returned' : 'accepted'),
    },
    {
      // 2022年秋季学期 (due 2022-11-25): on 2022-11-30 partly open — some none, drafts and returned ones overdue, some under review.
      term: '2022-autumn',
      created: '2022-11-10',
      submitted: '2022-11-20',
      decided: '2022-11-26',
      state: (i) => {
        const k = i % 20;
        return k === 0 ? null : k === 1 || k === 2 ? 'draft' : k === 3 ? 'returned' : k <= 6 ? 'submitted' : 'accepted';
      },
    },
  ];

/** One grade's figures within the norms (a little below the homework limits, sleep and PE at or above them). */
function gradeRow(rng: Rng, grade: FiveItemsGradeRow['grade']): FiveItemsGradeRow {
  const lim = FIVE_ITEMS_LIMITS[grade];
  return {
    grade,
    homework: lim.homework === 0 ? 0 : lim.homework - rng.int(5, 25),
    weekend: lim.weekend === 0 ? 0 : lim.weekend - rng.int(10, 40),
    sleep: lim.sleep + rng.int(0, 6) / 10,
    pe: lim.pe + (rng.chance(0.2) ? 1 : 0),
  };
}

/**
 * 五项管理 returns of every school with compulsory grades (public and private, by code) for 2022 spring and autumn:
 * most accepted; some breaches — one in 9 with a grade's written homework over its limit, one in 13 with 课后服务 ending at
 * 17:00 (before the bureau's 17:30), one in 17 not covering everyone willing; some returned with a reason, some never
 * filed past the due date, the autumn term partly still open on 2022-11-30 (`unfiled`: a school left without its autumn return). Deterministic.
 */
export async function seedPrivateFiveItems(tx: Tx, opts: { unfiled?: number } = {}): Promise<number> {
  const list = await tx
    .select({ id: schools.id, unitCode: schools.unitCode, level: schools.level })
    .from(schools)
    .where(inArray(schools.level, [...FIVE_ITEMS_LEVELS]))
    .orderBy(asc(schools.code));
  const rng = createRng(20221130);
  const rows: (typeof privateFiveItemsReturns.$inferInsert)[] = [];
  for (const [t, story] of TERMS.entries()) {
    for (const [i, s] of list.entries()) {
      const state = story.state(i);
      if (state === null || (story.term === '2022-autumn' && s.id === opts.unfiled)) continue;
      const grades = fiveItemsGrades(s.level).map((g) => gradeRow(rng, g));
      const n = i + t * 5;
      const over = grades.find((g) => FIVE_ITEMS_LIMITS[g.grade].homework > 0);
      if (n % 9 === 4 && over) over.homework = FIVE_ITEMS_LIMITS[over.grade].homework + rng.int(5, 20);
      const willing = rng.int(120, 1500);
      const figures = {
        grades,
        phoneManaged: true,
        phoneWrittenRequest: n % 29 !== 13,
        readingReviewed: true,
        afterSchoolWilling: willing,
        afterSchoolCovered: n % 17 === 8 ? Math.round(willing * 0.9) : willing,
        afterSchoolEnd: n % 13 === 6 ? '17:00' : rng.pick(['17:30', '17:40', '18:00']),
      };
      const j = fiveItemsJudgement(figures, { workEnd: FIVE_ITEMS_DEFAULT_WORK_END });
      const filed = state !== 'draft';
      const decided = state === 'accepted' || state === 'returned';
      rows.push({
        schoolId: s.id,
        unitCode: s.unitCode,
        term: story.term,
        status: state,
        ...figures,
        note: null,
        compliant: j.compliant,
        breaches: j.breaches.length,
        returnReason: state === 'returned' ? '部分年级作业时长与抽查情况不符，请核实后重新提交（演示）' : null,
        createdBy: SEEDER,
        createdAt: at(story.created),
        updatedBy: SEEDER,
        updatedAt: at(story.created),
        submittedBy: filed ? SEEDER : null,
        submittedAt: filed ? at(story.submitted) : null,
        decidedBy: decided ? SEEDER : null,
        decidedAt: decided ? at(story.decided) : null,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(privateFiveItemsReturns).values(rows.slice(i, i + 500));
  return rows.length;
}
