import { and, asc, eq, sql } from 'drizzle-orm';
import { AID_CHECK_SAMPLE, drawSample, previousSemester, semesterOf, type AidCheckProblem, type AidItem } from '@hyedu/domain/funding';
import type { Tx } from '../audit.ts';
import { fundingAidCheckItems, fundingAidChecks, fundingAidFunds, fundingAidPayments } from '../schema/funding-aid.ts';
import { createRng } from './prng.ts';

/** The counties whose 发放率 lags in the demo: 祁东县 both semesters (资金滞留 in the spring), 衡山县 in the spring. */
const LAGGING: Record<string, Record<'previous' | 'current', number | null>> = {
  '430426': { previous: 0.82, current: 0.78 },
  '430423': { previous: 0.86, current: null },
};
const WAN = 1_000_000; // 1万元 in fen

/**
 * 资助资金 and 资助抽查 demo data, after the aid roll: per unit, item and semester (the previous and the current one) with
 * payments, a 预算 and a 下达 consistent with what was paid — most units paid 90% or more of the allocation, 祁东县 and
 * 衡山县 lagging (the spring semester has ended: their funds show 资金滞留) —; then four spot checks of the current
 * semester: 衡南县 by the city (two 不属实, 待整改), 耒阳市 by the city (all 属实, 已办结), 祁东县 by the city (已整改, awaiting
 * the city's close) and the demo primary school by 衡南县 (抽查中, half recorded).
 */
export async function seedFundingAidControl(tx: Tx, opts: { seed: number; today: string; demoSchool: number }) {
  const rng = createRng(opts.seed ^ 0xf0d5);
  const current = semesterOf(opts.today);
  const previous = previousSemester(current);
  const now = new Date(`${opts.today}T08:00:00+08:00`);
  const paid = await tx
    .select({
      unitCode: fundingAidPayments.unitCode,
      semester: fundingAidPayments.semester,
      item: fundingAidPayments.item,
      amount: sql<string>`sum(${fundingAidPayments.amount})::bigint`,
    })
    .from(fundingAidPayments)
    .where(sql`${fundingAidPayments.semester} in (${previous}, ${current})`)
    .groupBy(fundingAidPayments.unitCode, fundingAidPayments.semester, fundingAidPayments.item)
    .orderBy(asc(fundingAidPayments.semester), asc(fundingAidPayments.unitCode), asc(fundingAidPayments.item));
  let docNo = 10;
  const docs = new Map<string, string>();
  const funds = paid.map((p) => {
    const which = p.semester === current ? 'current' : 'previous';
    const rate = LAGGING[p.unitCode]?.[which] ?? (which === 'current' ? rng.float(0.9, 0.99) : rng.float(0.93, 1));
    const sum = Number(p.amount);
    const allocated = Math.round(sum / rate / 100) * 100;
    const budget = Math.ceil((allocated * rng.float(1, 1.05)) / WAN) * WAN;
    const year = p.semester.slice(0, 4);
    // One 文号 per unit and semester (all its items in one 下达).
    const key = `${p.unitCode}|${p.semester}`;
    if (!docs.has(key)) docs.set(key, `衡财教指〔${year}〕${docNo++}号`);
    return {
      unitCode: p.unitCode,
      semester: p.semester,
      item: p.item as AidItem,
      budget,
      allocated,
      allocatedOn: `${year}-${p.semester.endsWith('1') ? '03' : '09'}-${String(10 + (docNo % 15)).padStart(2, '0')}`,
      documentNo: docs.get(key)!,
      updatedBy: 'seed',
      updatedAt: now,
    };
  });
  if (funds.length) await tx.insert(fundingAidFunds).values(funds);

  const population = async (unitCode: string, schoolId: number | null) =>
    (
      await tx
        .select({ id: fundingAidPayments.id })
        .from(fundingAidPayments)
        .where(
          and(
            eq(fundingAidPayments.semester, current),
            eq(fundingAidPayments.unitCode, unitCode),
            schoolId === null ? undefined : eq(fundingAidPayments.schoolId, schoolId),
          ),
        )
    ).map((r) => r.id);
  const checks: {
    unitCode: string;
    schoolId: number | null;
    checker: 'city' | 'county';
    status: 'checking' | 'rectifying' | 'rectified' | 'closed';
    refuted: [number, AidCheckProblem, string][];
    recordedShare: number;
    rectification?: string;
    version: number;
  }[] = [
    {
      unitCode: '430422',
      schoolId: null,
      checker: 'city',
      status: 'rectifying',
      refuted: [
        [3, 'duplicate', '同时在外县享受生活补助，已核实为重复享受'],
        [11, 'not_received', '银行卡已注销，资金退回未到账'],
      ],
      recordedShare: 1,
      version: 3,
    },
    { unitCode: '430481', schoolId: null, checker: 'city', status: 'closed', refuted: [], recordedShare: 1, version: 3 },
    {
      unitCode: '430426',
      schoolId: null,
      checker: 'city',
      status: 'rectified',
      refuted: [[5, 'wrong_amount', '寄宿生按非寄宿标准发放，少发312.50元']],
      recordedShare: 1,
      rectification: '已按寄宿生标准补发差额312.50元，并复核全县同类学生发放标准',
      version: 4,
    },
    { unitCode: '430422', schoolId: opts.demoSchool, checker: 'county', status: 'checking', refuted: [], recordedShare: 0.5, version: 2 },
  ];
  for (const c of checks) {
    const ids = await population(c.unitCode, c.schoolId);
    if (!ids.length) continue;
    const seed = rng.int(1, 2 ** 31 - 1);
    const size = Math.min(c.schoolId === null ? AID_CHECK_SAMPLE.default : 10, ids.length);
    const drawn = drawSample(ids, size, seed);
    const [check] = await tx
      .insert(fundingAidChecks)
      .values({
        semester: current,
        unitCode: c.unitCode,
        schoolId: c.schoolId,
        checkerLevel: c.checker,
        size,
        seed,
        population: ids.length,
        status: c.status,
        rectification: c.rectification ?? null,
        createdBy: c.checker === 'city' ? 'zizhu' : 'hnzizhu',
        createdAt: now,
        closedOn: c.status === 'closed' ? opts.today : null,
        updatedBy: c.checker === 'city' ? 'zizhu' : 'hnzizhu',
        updatedAt: now,
        version: c.version,
      })
      .returning({ id: fundingAidChecks.id });
    const recorded = Math.round(drawn.length * c.recordedShare);
    await tx.insert(fundingAidCheckItems).values(
      drawn.map((paymentId, i) => {
        const refuted = c.refuted.find(([at]) => at === i);
        const done = i < recorded;
        return {
          checkId: check!.id,
          paymentId,
          ord: i + 1,
          verdict: done ? (refuted ? ('refuted' as const) : ('confirmed' as const)) : null,
          problem: refuted?.[1] ?? null,
          note: refuted?.[2] ?? null,
          recordedBy: done ? (c.checker === 'city' ? 'zizhu' : 'hnzizhu') : null,
          recordedAt: done ? now : null,
        };
      }),
    );
  }
  return { funds: funds.length, checks: checks.length };
}
