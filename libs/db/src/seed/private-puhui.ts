import { and, asc, eq } from 'drizzle-orm';
import { PUHUI_DEFAULT_SUBSIDY_FEN, PUHUI_FEE_CEILING_FEN, type PuhuiStatus } from '@hyedu/domain/private-edu';
import type { Tx } from '../audit.ts';
import { privatePuhuiRecognitions, schools } from '../schema/index.ts';

const SEEDER = 'demo-seed';
const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
/** The years a recognition is dated in (all before the 2022-2023 census's 1 September). */
const RECOGNISED_IN = ['2019', '2020', '2021', '2022'] as const;
const PENDING = 4;
/** 衡南县, the demo's county account's (seed/accounts.ts). */
const DEMO_COUNTY = '430422';

/**
 * 普惠性民办园认定 for the private kindergartens (by code): three in five recognised (valid from 1 March or 1 July of
 * 2019–2022, so they count in the 2022-2023 census), the first of them revoked on 2022-06-30; of the fourth in each five,
 * the first four (fewer in a small registry) await the county's review and the next one was refused; the fifth in each five never applied. The
 * amounts: the fee asked between 600 and 1,150 yuan a month, capped at the bureau's ceiling, the bureau's subsidy.
 */
export async function seedPrivatePuhui(tx: Tx): Promise<number> {
  const kindergartens = await tx
    .select({ id: schools.id, unitCode: schools.unitCode })
    .from(schools)
    .where(and(eq(schools.ownership, 'private'), eq(schools.level, 'kindergarten')))
    .orderBy(asc(schools.code));
  const rows: (typeof privatePuhuiRecognitions.$inferInsert)[] = [];
  // The fourth in each five: the first four (fewer in a small registry) await review, the next one was refused; those
  // of 衡南县 first, the county whose demo account (`hengnan`) decides them.
  const inDemoCounty = (i: number) => (kindergartens[i]!.unitCode === DEMO_COUNTY ? 0 : 1);
  const fourths = [...kindergartens.keys()].filter((i) => i % 5 === 3).sort((a, b) => inDemoCounty(a) - inDemoCounty(b));
  const refusedAt = fourths[PENDING] ?? fourths.at(-1);
  const pending = new Set(fourths.slice(0, PENDING).filter((i) => i !== refusedAt));
  for (const [i, k] of kindergartens.entries()) {
    const feeAsked = 60_000 + (i % 12) * 5_000;
    const base = { schoolId: k.id, unitCode: k.unitCode, feeAsked, createdBy: SEEDER, submittedBy: SEEDER };
    if (i % 5 < 3) {
      const year = RECOGNISED_IN[i % RECOGNISED_IN.length]!;
      const validFrom = `${year}-${i % 2 === 0 ? '03' : '07'}-01`;
      const revoked = i === 0;
      const status: PuhuiStatus = revoked ? 'revoked' : 'recognised';
      rows.push({
        ...base,
        status,
        feeCap: Math.min(feeAsked, PUHUI_FEE_CEILING_FEN),
        subsidy: PUHUI_DEFAULT_SUBSIDY_FEN,
        validFrom,
        revokedOn: revoked ? '2022-06-30' : null,
        revocationReason: revoked ? '超出认定收费上限收取保教费（演示）' : null,
        decidedBy: SEEDER,
        decidedAt: at(`${year}-${i % 2 === 0 ? '02' : '06'}-20`),
        createdAt: at(`${year}-01-10`),
        submittedAt: at(`${year}-01-11`),
      });
    } else if (pending.has(i) || i === refusedAt) {
      const refused = i === refusedAt;
      rows.push({
        ...base,
        status: refused ? 'refused' : 'submitted',
        refusalReason: refused ? '专任教师持证比例未达认定条件（演示）' : null,
        decidedBy: refused ? SEEDER : null,
        decidedAt: refused ? at('2022-10-25') : null,
        createdAt: at('2022-10-08'),
        submittedAt: at('2022-10-09'),
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(privatePuhuiRecognitions).values(rows.slice(i, i + 500));
  return rows.length;
}
