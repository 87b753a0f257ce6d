import { asc, eq } from 'drizzle-orm';
import { approvingAuthority, type LicenceKind, type LicenceStatus } from '@hyedu/domain/private-edu';
import type { Tx } from '../audit.ts';
import { orgUnits, privateLicenceCases, privateProfiles, schools } from '../schema/index.ts';

const SEEDER = 'demo-seed';
const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
/** Levels that teach compulsory grades: never 营利. */
const COMPULSORY = ['primary', 'junior', 'nine_year', 'complete_middle'];

interface Later {
  kind: LicenceKind;
  status: LicenceStatus;
  validUntil?: string;
  alteration?: string;
  returnReason?: string;
  refusalReason?: string;
}
/**
 * Each picked school's licence (its 设立, approved, valid until `until`) and a later case, by position: valid ones,
 * some expiring within 90 days of 2022-11-30 (one with its 延续 under review), one expired, a change, a cancellation
 * returned with a reason, a refused change.
 */
const STORY: readonly { until: string; later?: Later }[] = [
  { until: '2027-08-31', later: { kind: 'change', status: 'submitted', alteration: '办学地址变更为衡阳市蒸湘区演示路8号' } },
  { until: '2022-10-31' },
  { until: '2023-02-15', later: { kind: 'renew', status: 'reviewing' } },
  { until: '2022-12-20' },
  { until: '2026-08-31', later: { kind: 'change', status: 'approved', alteration: '举办者变更为衡阳市演示教育基金会' } },
  { until: '2025-08-31', later: { kind: 'cancel', status: 'draft', returnReason: '请补充学生安置方案和财务清算报告（演示）' } },
  { until: '2023-01-31' },
  {
    until: '2024-08-31',
    later: { kind: 'change', status: 'refused', alteration: '增设高中阶段', refusalReason: '办学条件未达高中阶段标准（演示）' },
  },
  { until: '2021-08-31', later: { kind: 'renew', status: 'approved', validUntil: '2026-08-31' } },
];

/**
 * 办学许可事项 for every seventh private school (by code, the `minban` school left out), the stories above in turn, dated
 * before 2022-11-30: each school's approved 设立 and, for most, a later case.
 */
export async function seedPrivateLicences(tx: Tx, skipSchoolId: number): Promise<number> {
  const [city] = await tx.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.kind, 'city'));
  const all = await tx
    .select({ id: schools.id, unitCode: schools.unitCode, level: schools.level, licenceNo: privateProfiles.licenceNo })
    .from(schools)
    .leftJoin(privateProfiles, eq(privateProfiles.schoolId, schools.id))
    .where(eq(schools.ownership, 'private'))
    .orderBy(asc(schools.code));
  const picked = all.filter((s, i) => i % 7 === 3 && s.id !== skipSchoolId);
  const rows: (typeof privateLicenceCases.$inferInsert)[] = [];
  for (const [k, s] of picked.entries()) {
    const story = STORY[k % STORY.length]!;
    const licenceNo = s.licenceNo ?? `教民1430000${String(s.id).padStart(6, '0')}号`;
    const base = {
      schoolId: s.id,
      unitCode: s.unitCode,
      registration: COMPULSORY.includes(s.level) || k % 2 === 0 ? ('non_profit' as const) : ('for_profit' as const),
      authority: approvingAuthority(s.level, s.unitCode === city?.code),
      createdBy: SEEDER,
      submittedBy: SEEDER,
    };
    rows.push({
      ...base,
      kind: 'establish',
      licenceNo,
      validUntil: story.until,
      status: 'approved',
      decidedBy: SEEDER,
      decidedAt: at('2016-08-20'),
      createdAt: at('2016-06-01'),
      submittedAt: at('2016-06-02'),
    });
    const later = story.later;
    if (!later) continue;
    const decided = later.status === 'approved' || later.status === 'refused';
    rows.push({
      ...base,
      kind: later.kind,
      licenceNo,
      alteration: later.alteration ?? null,
      validUntil: later.validUntil ?? null,
      status: later.status,
      returnReason: later.returnReason ?? null,
      refusalReason: later.refusalReason ?? null,
      decidedBy: decided ? SEEDER : null,
      decidedAt: decided ? at('2022-10-20') : null,
      createdAt: at('2022-09-15'),
      submittedBy: later.status === 'draft' && !later.returnReason ? null : SEEDER,
      submittedAt: later.status === 'draft' && !later.returnReason ? null : at('2022-09-16'),
    });
  }
  for (let from = 0; from < rows.length; from += 200) await tx.insert(privateLicenceCases).values(rows.slice(from, from + 200));
  return rows.length;
}
