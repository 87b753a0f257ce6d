import { HENGYANG_ORG_UNITS } from '@hyedu/domain/hengyang';
import {
  bonusLate,
  PAY_YEARS,
  payBelowBenchmark,
  type PayFindingKind,
  type PayStatus,
  type RectificationStatus,
} from '@hyedu/domain/teachers';
import type { Tx } from '../audit.ts';
import { teacherPayRectifications, teacherPayReturns } from '../schema/index.ts';

const SEEDER = 'demo-seed';
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
/** The county-level units that file (the 12 县市区 and 高新区); 市本级 is the 督查 body and files none. */
export const PAY_UNITS = HENGYANG_ORG_UNITS.filter((u) => u.kind !== 'city');

/** The demo's story figures (quoted by the domain's and the API's tests). */
export const PAY_STORY = {
  /** 2022: 耒阳市 and 祁东县 below the civil servants; 衡南县 paid its teachers' bonus 36 days late. */
  below2022: ['430481', '430426'],
  late2022: '430422',
  /** 2022: 高新区's return is still under review (the 科室's 待办); every other return is accepted. */
  submitted2022: '430472',
  /** Below in earlier years, their cases closed: 南岳区 in 2020, 衡东县 in 2021. */
  belowEarlier: { 2020: '430412', 2021: '430424' } as Record<number, string>,
} as const;

/** Named 2022 figures (fen, dates). */
const NAMED_2022: Record<string, { teacher: number; civil: number; civilOn?: string; teacherOn?: string }> = {
  '430481': { teacher: 8_641_200, civil: 8_973_000 },
  '430426': { teacher: 8_195_040, civil: 8_320_000 },
  '430422': { teacher: 9_386_500, civil: 9_120_000, civilOn: '2022-01-20', teacherOn: '2022-02-25' },
};

const SHORT: Record<string, string> = { '430472': '衡高新管' };
const docOf = (name: string, code: string) => `${SHORT[code] ?? name.slice(0, 2)}政办发〔2020〕${(Number(code) % 37) + 3}号`;
const tens = (fen: number) => Math.round(fen / 1000) * 1000; // whole 10 元

/**
 * 教师工资保障 returns for 2020–2022 of the 13 county-level units, with 督查整改 cases. Civil servants' average pay
 * between about 80,000 and 92,000 元 in 2020, rising 4% a year; teachers 1–4% above, except the story's units below
 * (3–4% under). Bonuses are paid between 15 and 24 January, teachers on the same day or earlier, except 衡南县 2022.
 * 2020 and 2021 all accepted; in 2022 all accepted but 高新区 (submitted). Cases: 南岳区 2020 and 衡东县 2021 closed;
 * 2022 衡南县 (bonus) 督查发现, 耒阳市 (below) 整改中, 祁东县 (below) 待复核. Deterministic.
 */
export async function seedTeacherPay(tx: Tx): Promise<{ returns: number; cases: number }> {
  const returns: (typeof teacherPayReturns.$inferInsert)[] = [];
  PAY_UNITS.forEach((u, i) => {
    for (const year of PAY_YEARS) {
      const k = year - PAY_YEARS[0];
      const civil2020 = 8_000_000 + ((i * 153_700) % 1_200_000);
      let civil = tens(civil2020 * 1.04 ** k);
      const below = PAY_STORY.belowEarlier[year] === u.code || (year === 2022 && PAY_STORY.below2022.includes(u.code as '430481'));
      let teacher = tens(civil * (below ? 0.965 - (i % 2) * 0.005 : 1.01 + (i % 4) * 0.01));
      const day = 15 + ((i + k) % 10);
      let civilOn: string | undefined = `${year}-01-${String(day).padStart(2, '0')}`;
      let teacherOn: string | undefined = `${year}-01-${String(day - (i % 3)).padStart(2, '0')}`;
      const named = year === 2022 ? NAMED_2022[u.code] : undefined;
      if (named) {
        teacher = named.teacher;
        civil = named.civil;
        if (named.civilOn) civilOn = named.civilOn;
        if (named.teacherOn) teacherOn = named.teacherOn;
      }
      const status: PayStatus = year === 2022 && u.code === PAY_STORY.submitted2022 ? 'submitted' : 'accepted';
      const judged = { teacherAvgPay: teacher, civilServantAvgPay: civil, civilServantBonusOn: civilOn, teacherBonusOn: teacherOn };
      const linked = !(u.code === '430472' && year === 2020);
      returns.push({
        unitCode: u.code,
        year,
        status,
        teacherAvgPay: teacher,
        civilServantAvgPay: civil,
        teacherBasePay: tens(teacher * 0.38),
        teacherPerformancePay: tens(teacher * 0.3),
        teacherBonus: tens(teacher * 0.12),
        linkageEstablished: linked,
        linkageDocument: linked ? docOf(u.name, u.code) : null,
        civilServantBonusOn: civilOn,
        teacherBonusOn: teacherOn,
        note: null,
        below: payBelowBenchmark(judged),
        bonusLate: bonusLate(judged),
        createdBy: SEEDER,
        createdAt: at(`${year}-09-05`),
        updatedBy: SEEDER,
        updatedAt: at(`${year}-09-10`),
        submittedBy: SEEDER,
        submittedAt: at(`${year}-09-15`),
        decidedBy: status === 'accepted' ? 'demo-reviewer' : null,
        decidedAt: status === 'accepted' ? at(`${year}-09-28`) : null,
      });
    }
  });
  await tx.insert(teacherPayReturns).values(returns);

  const name = (code: string) => PAY_UNITS.find((u) => u.code === code)!.name;
  const caseRow = (
    unitCode: string,
    year: number,
    kinds: PayFindingKind[],
    status: RectificationStatus,
    text: string,
  ): typeof teacherPayRectifications.$inferInsert => ({
    unitCode,
    year,
    status,
    findingKinds: kinds,
    findingText: text,
    deadline: `${year}-12-31`,
    measures:
      status === 'reported' || status === 'closed'
        ? `${name(unitCode)}人民政府已将教师工资差额纳入年度预算，${year}年12月前补发到位，并将教师年终一次性奖励与公务员同步发放。`
        : null,
    returnReason: null,
    createdBy: SEEDER,
    createdAt: at(`${year}-10-10`),
    reportedBy: status === 'reported' || status === 'closed' ? SEEDER : null,
    reportedAt: status === 'reported' || status === 'closed' ? at(`${year}-11-20`) : null,
    closedBy: status === 'closed' ? 'demo-reviewer' : null,
    closedAt: status === 'closed' ? at(`${year}-12-20`) : null,
  });
  const cases = [
    caseRow(PAY_STORY.belowEarlier[2020]!, 2020, ['below'], 'closed', '2020年义务教育教师年平均工资收入低于当地公务员'),
    caseRow(PAY_STORY.belowEarlier[2021]!, 2021, ['below'], 'closed', '2021年义务教育教师年平均工资收入低于当地公务员'),
    caseRow('430422', 2022, ['bonusLate'], 'found', '教师年终一次性奖励2022-02-25发放，晚于公务员（2022-01-20）36天'),
    caseRow('430481', 2022, ['below'], 'rectifying', '教师年平均工资收入86,412.00元，低于公务员89,730.00元，差3,318.00元'),
    caseRow('430426', 2022, ['below'], 'reported', '教师年平均工资收入81,950.40元，低于公务员83,200.00元，差1,249.60元'),
  ];
  await tx.insert(teacherPayRectifications).values(cases);
  return { returns: returns.length, cases: cases.length };
}
