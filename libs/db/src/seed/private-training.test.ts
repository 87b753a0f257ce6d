import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HENGYANG_ORG_UNITS } from '@hyedu/domain/hengyang';
import {
  academicOn,
  DEFAULT_REDUCTION_BASE_DATE,
  subjectReduction,
  SUPERVISED_FEE_MODES,
  TRAINING_CONVERSION_WORKFLOW,
  TrainingInput,
  trainingRefusals,
} from '@hyedu/domain/private-edu';
import type { Database } from '../client.ts';
import { privateTrainingCapacity, privateTrainingInstitutions, privateTrainingPlatform, privateTrainingStaff } from '../schema/index.ts';
import { openTestDatabase } from '../testing.ts';

const AS_OF = '2022-11-30';

describe('the demo’s 校外培训机构', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  }, 120_000);
  afterAll(() => database?.close());

  it('every county has institutions; 学科类 cut by about 90% since 2021-07-24; 营改非 in every state', async () => {
    const rows = await database.db.select().from(privateTrainingInstitutions).where(eq(privateTrainingInstitutions.createdBy, 'demo-seed'));
    const counties = HENGYANG_ORG_UNITS.filter((u) => u.kind !== 'city').map((u) => u.code);
    for (const c of counties) expect(rows.some((r) => r.unitCode === c)).toBe(true);
    const base = rows.filter((r) => academicOn(r, DEFAULT_REDUCTION_BASE_DATE)).length;
    const now = rows.filter((r) => academicOn(r, AS_OF)).length;
    expect(base).toBeGreaterThanOrEqual(counties.length * 3);
    expect(subjectReduction(base, now)).toBeGreaterThan(0.8);
    expect(subjectReduction(base, now)).toBeLessThan(0.97);
    expect(rows.filter((r) => r.category === 'non_academic').length).toBeGreaterThan(base);
    for (const s of TRAINING_CONVERSION_WORKFLOW.states) expect(rows.some((r) => r.conversionState === s)).toBe(true);
    expect(rows.some((r) => r.whiteList)).toBe(true);
    // No 学科类 institution approved after the 双减 opinion.
    expect(rows.filter((r) => r.category === 'academic' && r.approvedOn > DEFAULT_REDUCTION_BASE_DATE)).toEqual([]);
  });

  it('each institution passes the register’s own rules (teachers of a 学科类 one hold a 教师资格证号)', async () => {
    const rows = await database.db.select().from(privateTrainingInstitutions).where(eq(privateTrainingInstitutions.createdBy, 'demo-seed'));
    const staff = await database.db.select().from(privateTrainingStaff);
    for (const r of rows.slice(0, 400)) {
      const input = TrainingInput.parse({
        unitCode: r.unitCode,
        name: r.name,
        uscc: r.uscc,
        licenceNo: r.licenceNo,
        licenceValidUntil: r.licenceValidUntil ?? undefined,
        approvedOn: r.approvedOn,
        address: r.address,
        floorArea: r.area,
        trainingCategory: r.category,
        subType: r.subType ?? undefined,
        trainingStage: r.stage,
        mode: r.mode,
        nature: r.nature,
        operatingStatus: r.status,
        deregisteredOn: r.deregisteredOn ?? undefined,
        leftAcademicOn: r.leftAcademicOn ?? undefined,
        platformId: r.platformId ?? undefined,
        feeSupervision: r.feeSupervision,
        whiteList: r.whiteList,
        staff: staff
          .filter((s) => s.institutionId === r.id)
          .map((s) => ({ name: s.name, role: s.role, subject: s.subject ?? undefined, certificateNo: s.certificateNo ?? undefined })),
      });
      expect(trainingRefusals(input, AS_OF)).toEqual([]);
      expect(input.staff.length).toBe(r.staffCount);
    }
  });

  it('the platform’s list misses some approved institutions, lists a few the register lacks, and supervises most fees', async () => {
    const rows = await database.db.select().from(privateTrainingInstitutions).where(eq(privateTrainingInstitutions.createdBy, 'demo-seed'));
    const list = await database.db.select().from(privateTrainingPlatform);
    const ids = new Set(list.map((p) => p.platformId));
    const usccs = new Set(list.map((p) => p.uscc));
    const open = rows.filter((r) => r.status !== 'deregistered');
    const on = open.filter((r) => (r.platformId && ids.has(r.platformId)) || usccs.has(r.uscc)).length;
    expect(on / open.length).toBeGreaterThan(0.8); // ≈ 95% at scale 1; at 0.1 the one missing per county weighs more;
    expect(on).toBeLessThan(open.length);
    const registered = new Set(rows.map((r) => r.uscc));
    expect(list.filter((p) => !registered.has(p.uscc!)).length).toBeGreaterThanOrEqual(2);
    const supervised = list.filter((p) => SUPERVISED_FEE_MODES.includes(p.feeSupervision)).length;
    expect(supervised / list.length).toBeGreaterThan(0.75);
    expect(supervised).toBeLessThan(list.length);
  });

  it('监管力量 for every county but one, some without a dedicated body', async () => {
    const rows = await database.db.select().from(privateTrainingCapacity);
    const counties = HENGYANG_ORG_UNITS.filter((u) => u.kind !== 'city');
    expect(rows.length).toBe(counties.length - 1);
    expect(rows.some((r) => !r.hasBody)).toBe(true);
    expect(rows.filter((r) => r.hasBody).every((r) => r.bodyName)).toBe(true);
  });
});
