import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, type DataScope } from '@hyedu/domain';
import {
  bonusDelayDays,
  payBelowBenchmark,
  payFindings,
  payGap,
  payGapRatio,
  PayYear,
  wageGuaranteeRate,
  type PayStatus,
} from '@hyedu/domain/teachers';
import { unitRecordScope } from '../../funding/access.ts';
import { payUnits } from './units.ts';

const { teacherPayReturns: r } = tables;

export const ComparisonInput = z
  .object({
    year: PayYear,
    unitCode: DivisionCode.optional(),
    below: z.boolean({ message: '是否低于公务员应为是或否' }).optional(),
    bonusLate: z.boolean({ message: '年终奖是否晚发应为是或否' }).optional(),
  })
  .strict();
export type ComparisonInput = z.infer<typeof ComparisonInput>;

export interface ComparisonRow {
  unitCode: string;
  unitName: string;
  returnId: number | null;
  status: PayStatus | null;
  teacherAvgPay: number | null;
  civilServantAvgPay: number | null;
  /** Teachers' minus civil servants' average (fen) and as a share of the civil servants'. */
  gap: number | null;
  gapRatio: number | null;
  below: boolean | null;
  bonusLate: boolean | null;
  bonusDelayDays: number | null;
  civilServantBonusOn: string | null;
  teacherBonusOn: string | null;
  linkageEstablished: boolean | null;
  /** Counted for 工资保障: the return is accepted and not below. */
  meets: boolean;
  findings: string[];
}

/**
 * The comparison for one year, one row per filing unit in scope (a unit without a return shows empty figures): the
 * two averages, the gap, the red flags, the bonus timing. The summary counts the units, those accepted, those meeting.
 */
export async function comparison(db: Db, scope: DataScope, input: Omit<ComparisonInput, 'below' | 'bonusLate'>) {
  const [units, returns] = await Promise.all([
    payUnits(db, scope, input.unitCode),
    db
      .select()
      .from(r)
      .where(and(eq(r.year, input.year), unitRecordScope(scope, r.unitCode), input.unitCode ? eq(r.unitCode, input.unitCode) : undefined)),
  ]);
  const rows: ComparisonRow[] = units.map((u) => {
    const x = returns.find((y) => y.unitCode === u.code);
    if (!x)
      return {
        unitCode: u.code,
        unitName: u.name,
        returnId: null,
        status: null,
        teacherAvgPay: null,
        civilServantAvgPay: null,
        gap: null,
        gapRatio: null,
        below: null,
        bonusLate: null,
        bonusDelayDays: null,
        civilServantBonusOn: null,
        teacherBonusOn: null,
        linkageEstablished: null,
        meets: false,
        findings: [],
      };
    const judged = {
      teacherAvgPay: x.teacherAvgPay,
      civilServantAvgPay: x.civilServantAvgPay,
      civilServantBonusOn: x.civilServantBonusOn ?? undefined,
      teacherBonusOn: x.teacherBonusOn ?? undefined,
    };
    const findings = payFindings(judged);
    return {
      unitCode: u.code,
      unitName: u.name,
      returnId: x.id,
      status: x.status,
      teacherAvgPay: x.teacherAvgPay,
      civilServantAvgPay: x.civilServantAvgPay,
      gap: payGap(judged),
      gapRatio: payGapRatio(judged),
      below: findings.some((f) => f.kind === 'below'),
      bonusLate: findings.some((f) => f.kind === 'bonusLate'),
      bonusDelayDays: bonusDelayDays(judged),
      civilServantBonusOn: x.civilServantBonusOn,
      teacherBonusOn: x.teacherBonusOn,
      linkageEstablished: x.linkageEstablished,
      meets: x.status === 'accepted' && !payBelowBenchmark(judged),
      findings: findings.map((f) => f.text),
    };
  });
  const accepted = rows.filter((x) => x.status === 'accepted').length;
  const meeting = rows.filter((x) => x.meets).length;
  return {
    year: input.year,
    rows,
    summary: {
      units: rows.length,
      filed: rows.filter((x) => x.returnId !== null).length,
      accepted,
      meeting,
      below: rows.filter((x) => x.below).length,
      bonusLate: rows.filter((x) => x.bonusLate).length,
      rate: wageGuaranteeRate(meeting, rows.length),
    },
  };
}

/** The comparison's rows after its flag filters. */
export const filtered = (rows: ComparisonRow[], f: Pick<ComparisonInput, 'below' | 'bonusLate'>) =>
  rows.filter((x) => (f.below === undefined || x.below === f.below) && (f.bonusLate === undefined || x.bonusLate === f.bonusLate));
