import { normalizeIdCard } from '@hyedu/domain';
import { HENGYANG_TARGETS_2022 } from '@hyedu/domain/hengyang';
import { allowedPrivate } from '@hyedu/domain/private-edu';
import type { Tx } from '../audit.ts';
import { blindIndex, encryptField } from '../field-crypto.ts';
import {
  privateConversions,
  privateConversionTeachers,
  privateCountyTargets,
  privateLevers,
  privateProfiles,
  schoolCensus,
} from '../schema/index.ts';
import { BASELINE_CENSUS, compulsoryOf, type PrivateStory } from './private-story.ts';
import type { SchoolSeed } from './schools.ts';

export interface PrivateVolumes {
  censusRows: number;
  profiles: number;
  conversions: number;
  teachers: number;
  levers: number;
  /** 年检 (seeded after the registry entries, by private-inspections.ts). */
  inspections: number;
  /** 办学许可事项 (seeded after the registry entries, by private-licences.ts). */
  licences: number;
  /** 普惠性民办园认定 (seeded after the registry entries, by private-puhui.ts). */
  puhui: number;
  /** Each county's 3–5 population per census year (seeded after the census, by private-preschool.ts). */
  preschoolPopulations: number;
  /** 保教费收费记录 of the 2022-2023 autumn term (after the 普惠 cases, by private-fees.ts). */
  kindergartenFees: number;
  /** 五项管理 returns of the compulsory schools, two terms of 2022 (after the registry, by private-five-items.ts). */
  fiveItems?: number;
}

const SEEDER = 'demo-seed';
const at = (date: string) => new Date(`${date}T09:00:00+08:00`);

async function chunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Writes the census rows and the module's records of the story; `ids` are the registry's school ids by index. */
export async function seedPrivateEdu(
  tx: Tx,
  opts: { registry: readonly SchoolSeed[]; ids: readonly number[]; story: PrivateStory; keys: { dataKey: Buffer; indexKey: Buffer } },
): Promise<PrivateVolumes> {
  const { registry, ids, story, keys } = opts;
  const censusRows = story.censuses.flatMap((c) =>
    registry.map((_, i) => ({
      schoolId: ids[i]!,
      schoolYear: c.year,
      ownership: c.ownership[i]!,
      purchasedSeats: c.purchasedSeats[i]!,
      compulsoryPupils: compulsoryOf(c.enrolment[i]!),
    })),
  );
  await chunked(censusRows, 2000, (chunk) => tx.insert(schoolCensus).values(chunk));

  await chunked(
    story.profiles.map((p) => ({
      schoolId: ids[p.school]!,
      unitCode: registry[p.school]!.unitCode,
      licenceNo: p.licenceNo,
      uscc: p.uscc,
      sponsor: p.sponsor,
      forProfit: p.forProfit,
      gcmType: p.gcmType,
      partyOrg: p.partyOrg,
      approvedIntake: p.approvedIntake,
      updatedBy: SEEDER,
      updatedAt: at('2021-03-01'),
    })),
    1000,
    (chunk) => tx.insert(privateProfiles).values(chunk),
  );

  const caseIds: number[] = [];
  for (const c of story.cases) {
    const s = registry[c.school]!;
    const [row] = await tx
      .insert(privateConversions)
      .values({
        schoolId: ids[c.school]!,
        unitCode: s.unitCode,
        type: c.type,
        publicPartner: c.publicPartner,
        disposal: c.submittedOn ? c.disposal : null,
        plan: c.submittedOn ? c.plan : null,
        status: c.status,
        assetsOn: c.tasks.assets ?? null,
        renameOn: c.tasks.rename ?? null,
        legalPersonOn: c.tasks.legalPerson ?? null,
        studentsOn: c.tasks.students ?? null,
        completedOn: c.completedOn,
        acceptedOn: c.acceptedOn,
        createdBy: SEEDER,
        createdAt: at(c.createdOn),
        submittedBy: c.submittedOn ? SEEDER : null,
        submittedAt: c.submittedOn ? at(c.submittedOn) : null,
      })
      .returning({ id: privateConversions.id });
    caseIds.push(row!.id);
  }
  const teachers = story.cases.flatMap((c, k) =>
    c.teachers.map((t) => {
      const id = normalizeIdCard(t.idNumber);
      const idIndex = blindIndex(keys.indexKey, id);
      return {
        caseId: caseIds[k]!,
        name: t.name,
        idIndex,
        idCipher: encryptField(keys.dataKey, id, `private_conversion_teacher:${idIndex}`),
        staffStatus: t.staffStatus,
        placement: t.placement,
        placedOn: t.placedOn,
        placedAt: t.placedAt,
        createdBy: SEEDER,
        createdAt: at(c.createdOn),
      };
    }),
  );
  await chunked(teachers, 500, (chunk) => tx.insert(privateConversionTeachers).values(chunk));

  await chunked(
    story.levers.map((l) => ({
      schoolId: ids[l.school]!,
      unitCode: registry[l.school]!.unitCode,
      kind: l.kind,
      plannedYear: l.plannedYear,
      students: l.students,
      status: l.status,
      doneOn: l.doneOn,
      conversionId: l.fromCase === null ? null : caseIds[l.fromCase]!,
      createdBy: SEEDER,
      createdAt: at(l.doneOn && l.doneOn < '2021-09-01' ? '2021-03-15' : '2021-09-15'),
    })),
    500,
    (chunk) => tx.insert(privateLevers).values(chunk),
  );

  // Each county's target cut is what its end-2020 census needs to come within the city's 5% by the census after the
  // deadline, half of it due by the 2021 census (the 科室 changes them per county).
  const baseline = story.censuses.find((c) => c.year === BASELINE_CENSUS)!;
  const byUnit = new Map<string, { privateStudents: number; totalStudents: number }>();
  registry.forEach((s, i) => {
    const b = byUnit.get(s.unitCode) ?? { privateStudents: 0, totalStudents: 0 };
    const n = compulsoryOf(baseline.enrolment[i]!);
    b.totalStudents += n;
    if (baseline.ownership[i] === 'private') b.privateStudents += n;
    byUnit.set(s.unitCode, b);
  });
  const cap = HENGYANG_TARGETS_2022.privateCompulsoryShareCap;
  const targets = [...byUnit].flatMap(([unitCode, b]) => {
    const cut = Math.max(0, b.privateStudents - allowedPrivate(b.totalStudents, cap));
    return [
      { unitCode, schoolYear: '2021-2022', targetCut: Math.ceil(cut / 2) },
      { unitCode, schoolYear: HENGYANG_TARGETS_2022.privateShareCheckCensus, targetCut: cut },
    ].map((t) => ({ ...t, updatedBy: SEEDER, updatedAt: at('2021-07-01') }));
  });
  await tx.insert(privateCountyTargets).values(targets);

  return {
    censusRows: censusRows.length,
    profiles: story.profiles.length,
    conversions: caseIds.length,
    teachers: teachers.length,
    levers: story.levers.length,
    inspections: 0,
    licences: 0,
    puhui: 0,
    preschoolPopulations: 0,
    kindergartenFees: 0,
  };
}
