import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { idCardCheckChar } from '@hyedu/domain';
import { PROGRAMMES, serviceEndsOn, type Programme, type ProgrammePersonStatus } from '@hyedu/domain/teachers';
import type { Tx } from '../audit.ts';
import { blindIndex, decryptField, encryptField } from '../field-crypto.ts';
import { orgUnits, schools, teacherProgrammePersons, teacherProgrammeQuotas, teacherStaff } from '../schema/index.ts';
import { personName } from './names.ts';
import { createRng, type Rng } from './prng.ts';

const SEEDER = 'demo-seed';
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
export const PROGRAMME_SEED_YEARS = [2020, 2021, 2022] as const;
/** Counties whose 2022 arrivals fall short of the plan (the summary's red cells). */
export const SHORT_2022 = ['430421', '430426', '430482'] as const;
const LEAVING_REASONS = ['考取公务员', '考入其他地区教师编制', '家庭原因调离', '继续深造（考研）', '身体原因'] as const;

export interface ProgrammeSeedVolumes {
  quotas: number;
  persons: number;
  linked: number;
}

/**
 * The number planned per county, programme and year (deterministic): 特岗 in the rural counties (县 and 县级市), few
 * in the urban districts' outskirts; 公费师范生 everywhere; 银龄讲学 in the rural counties; 优师计划 none — no 定向县 is
 * configured, and its first graduates (enrolled 2021) arrive in 2025.
 */
function planned(rng: Rng, kind: string, programme: Programme): number {
  const rural = kind === 'county' || kind === 'county_city';
  switch (programme) {
    case 'special_post':
      return rural ? rng.int(18, 45) : kind === 'district' ? rng.int(0, 3) : 0;
    case 'funded':
      return rural ? rng.int(4, 10) : rng.int(1, 4);
    case 'silver':
      return rural ? rng.int(2, 6) : 0;
    case 'excellent':
      return 0;
  }
}

/**
 * Programme quotas for 2020–2022 for every county and the people allocated under them: nearly all arrived on
 * 09-01 of the plan year (2022: three counties below 100%), some left early with a reason. With the staff registry
 * loaded, a 特岗 arrival takes the identity of a 特岗 teacher in post at a rural school of the county (and links to the
 * row); without it every person is made up. Deterministic for the seed and `today`.
 */
export async function seedTeacherProgrammes(
  tx: Tx,
  opts: { seed: number; today: string; keys: { dataKey: Buffer; indexKey: Buffer } },
): Promise<ProgrammeSeedVolumes> {
  const rng = createRng(opts.seed + 18);
  const units = await tx.select({ code: orgUnits.code, kind: orgUnits.kind }).from(orgUnits).orderBy(asc(orgUnits.sortOrder));
  const compulsory = await tx
    .select({ id: schools.id, unitCode: schools.unitCode, isRural: schools.isRural })
    .from(schools)
    .where(and(eq(schools.ownership, 'public'), inArray(schools.level, ['primary', 'junior', 'nine_year'])))
    .orderBy(asc(schools.code));
  // The registry's 特岗 teachers in post, by school (none when the registry is not loaded).
  const specials = await tx
    .select({
      id: teacherStaff.id,
      schoolId: teacherStaff.schoolId,
      unitCode: teacherStaff.unitCode,
      name: teacherStaff.name,
      idIndex: teacherStaff.idIndex,
      idCipher: teacherStaff.idCipher,
      birthDate: teacherStaff.birthDate,
      joinedOn: teacherStaff.joinedOn,
    })
    .from(teacherStaff)
    .where(and(eq(teacherStaff.status, 'special_post'), isNull(teacherStaff.leftOn)))
    .orderBy(asc(teacherStaff.id));
  const specialsOf = new Map<string, typeof specials>();
  for (const x of specials) specialsOf.set(`${x.unitCode}:${x.joinedOn}`, [...(specialsOf.get(`${x.unitCode}:${x.joinedOn}`) ?? []), x]);
  const used = new Set<number>();
  const seen = new Set<string>();
  const quotas: (typeof teacherProgrammeQuotas.$inferInsert)[] = [];
  const persons: (typeof teacherProgrammePersons.$inferInsert)[] = [];
  let linked = 0;
  let serial = 0;

  const madeUp = (unitCode: string, programme: Programme, year: number) => {
    const age = programme === 'silver' ? rng.int(58, 64) : programme === 'funded' ? rng.int(22, 23) : rng.int(22, 28);
    for (;;) {
      const birth = `${year - age}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
      // Sequence 050–099: the registry's people use 100–999 and the tests' lower ones, so a made-up person is nobody else.
      const first17 = `${unitCode}${birth}${String(50 + (serial++ % 50)).padStart(3, '0')}`;
      const idNumber = first17 + idCardCheckChar(first17);
      if (seen.has(idNumber)) continue;
      seen.add(idNumber);
      return { name: personName(rng), idNumber, birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`, staffId: null };
    }
  };

  for (const year of PROGRAMME_SEED_YEARS) {
    for (const u of units) {
      const own = compulsory.filter((s) => s.unitCode === u.code);
      const rural = own.filter((s) => s.isRural);
      for (const programme of Object.keys(PROGRAMMES) as Programme[]) {
        const n = own.length ? planned(rng, u.kind, programme) : 0;
        if (n === 0) continue;
        quotas.push({ unitCode: u.code, year, programme, planned: n, updatedBy: SEEDER, updatedAt: at(`${year}-03-15`) });
        const pool = programme === 'funded' || !rural.length ? own : rural;
        const short = year === 2022 && (SHORT_2022 as readonly string[]).includes(u.code);
        const arriving = short ? Math.max(0, n - rng.int(2, Math.max(2, Math.round(n * 0.2)))) : n;
        for (let k = 0; k < n; k++) {
          const school = pool[(k * 7 + year) % pool.length]!;
          const arrivedOn = `${year}-09-01`;
          const arrives = k < arriving && arrivedOn <= opts.today;
          // A 特岗 arrival in post in the registry at a school of the county, when the registry is loaded.
          const staff =
            programme === 'special_post' && arrives ? specialsOf.get(`${u.code}:${arrivedOn}`)?.find((x) => !used.has(x.id)) : undefined;
          let who: { name: string; idNumber: string; birthDate: string; staffId: number | null };
          let schoolId = school.id;
          if (staff) {
            used.add(staff.id);
            linked++;
            schoolId = staff.schoolId;
            who = {
              name: staff.name,
              idNumber: decryptField(opts.keys.dataKey, staff.idCipher, `teacher_staff:${staff.idIndex}`),
              birthDate: staff.birthDate,
              staffId: staff.id,
            };
          } else who = madeUp(u.code, programme, year);
          const idIndex = blindIndex(opts.keys.indexKey, who.idNumber);
          const ends = arrives ? serviceEndsOn(arrivedOn, programme) : null;
          // About one in 25 of the earlier cohorts left before the end of their service.
          const leaves = arrives && ends! > opts.today && year < 2022 && rng.chance(0.04);
          const leftOn = leaves ? `${year + 1}-0${rng.int(1, 7)}-${String(rng.int(1, 28)).padStart(2, '0')}` : null;
          const status: ProgrammePersonStatus = !arrives ? 'pending' : leftOn && leftOn <= opts.today ? 'left' : 'arrived';
          persons.push({
            programme,
            year,
            schoolId,
            unitCode: u.code,
            staffId: who.staffId,
            name: who.name,
            idIndex,
            idCipher: encryptField(opts.keys.dataKey, who.idNumber, `teacher_programme_persons:${idIndex}`),
            birthDate: who.birthDate,
            status,
            arrivedOn: arrives ? arrivedOn : null,
            serviceStartOn: arrives ? arrivedOn : null,
            obligationEndsOn: ends,
            leftOn: status === 'left' ? leftOn : null,
            leftReason: status === 'left' ? rng.pick(LEAVING_REASONS) : null,
            createdBy: SEEDER,
            createdAt: at(`${year}-07-01`),
            updatedBy: SEEDER,
            updatedAt: at(status === 'left' ? leftOn! : arrives ? arrivedOn : `${year}-07-01`),
          });
        }
      }
    }
  }
  if (quotas.length) await tx.insert(teacherProgrammeQuotas).values(quotas);
  for (let i = 0; i < persons.length; i += 500) await tx.insert(teacherProgrammePersons).values(persons.slice(i, i + 500));
  return { quotas: quotas.length, persons: persons.length, linked };
}
