import { and, asc, eq, inArray } from 'drizzle-orm';
import { puhuiCapsAt, termStart } from '@hyedu/domain/private-edu';
import type { Tx } from '../audit.ts';
import { privateKindergartenFees, privatePuhuiRecognitions, schools } from '../schema/index.ts';

const SEEDER = 'demo-seed';
const YEAR = '2022-2023';
/** Every so many kindergartens recognised as 普惠 one charged above its cap (the demo's 超限 records). */
const OVER_EVERY = 12;

/**
 * 保教费收费记录 of the 2022-2023 autumn term for two in three private kindergartens (by code): a 普惠 one charges its cap
 * or a little less, the third and every twelfth after it 50–200 yuan above it; any other charges between 900 and 1,400 yuan a month.
 */
export async function seedKindergartenFees(tx: Tx): Promise<number> {
  const kindergartens = await tx
    .select({ id: schools.id, unitCode: schools.unitCode })
    .from(schools)
    .where(and(eq(schools.ownership, 'private'), eq(schools.level, 'kindergarten')))
    .orderBy(asc(schools.code));
  const cases = await tx
    .select({
      schoolId: privatePuhuiRecognitions.schoolId,
      status: privatePuhuiRecognitions.status,
      validFrom: privatePuhuiRecognitions.validFrom,
      revokedOn: privatePuhuiRecognitions.revokedOn,
      feeCap: privatePuhuiRecognitions.feeCap,
    })
    .from(privatePuhuiRecognitions)
    .where(inArray(privatePuhuiRecognitions.status, ['recognised', 'revoked']));
  const caps = puhuiCapsAt(cases, termStart(YEAR, 'autumn'));
  const at = new Date('2022-09-20T09:00:00+08:00');
  let puhui = 0;
  const rows = kindergartens
    .filter((_, i) => i % 3 !== 2)
    .map((k, i) => {
      const cap = caps.get(k.id);
      let fee = 90_000 + (i % 11) * 5_000;
      if (cap !== undefined) fee = puhui++ % OVER_EVERY === 2 ? cap + 5_000 * (1 + (i % 4)) : cap - (i % 3) * 5_000;
      return {
        schoolId: k.id,
        unitCode: k.unitCode,
        schoolYear: YEAR,
        term: 'autumn' as const,
        feeCharged: fee,
        createdBy: SEEDER,
        createdAt: at,
        updatedBy: SEEDER,
        updatedAt: at,
      };
    });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(privateKindergartenFees).values(rows.slice(i, i + 500));
  return rows.length;
}
