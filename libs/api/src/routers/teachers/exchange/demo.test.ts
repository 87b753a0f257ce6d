import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { EXCHANGE_BACKBONE_SHARE, EXCHANGE_MIN_SHARE, exchangeDirection } from '@hyedu/domain/teachers';
import { exchangeKpis } from './kpi.ts';

const TODAY = '2022-11-30';
const { teacherExchangePlans: pl, teacherExchangeRecords: rc, teacherExchangeDesignations: dg, schools, orgUnits } = tables;

/** The demo's exchange plans over a small registry: every county's plans, valid records, some counties red. */
describe.each(testEngines())('县管校聘 demo data on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine, { scale: 0.02, staffRegistry: true, today: TODAY });
  }, 600_000);
  afterAll(() => database?.close());

  it('plans for 2021-2022 everywhere and 2022-2023 but 衡南县; records go 城→乡 or 优质→薄弱; the KPIs are red somewhere', async () => {
    const { db } = database;
    const counties = (await db.select({ code: orgUnits.code, kind: orgUnits.kind }).from(orgUnits)).filter((u) => u.kind !== 'city');
    const plans = await db.select({ unitCode: pl.unitCode, schoolYear: pl.schoolYear, status: pl.status }).from(pl);
    expect(plans.filter((p) => p.schoolYear === '2021-2022')).toHaveLength(counties.length);
    expect(plans.filter((p) => p.schoolYear === '2022-2023').map((p) => p.unitCode)).not.toContain('430422');
    expect(plans.filter((p) => p.status === 'approved').length).toBeGreaterThan(plans.length / 2);
    const records = await db.select().from(rc);
    expect(records.length).toBeGreaterThan(0);
    const designation = new Map((await db.select().from(dg)).map((d) => [`${d.schoolId}:${d.schoolYear}`, d.designation] as const));
    const school = new Map((await db.select({ id: schools.id, isRural: schools.isRural }).from(schools)).map((s) => [s.id, s]));
    const of = (id: number, year: string) => ({ isRural: school.get(id)!.isRural, designation: designation.get(`${id}:${year}`) ?? null });
    for (const r of records) expect(exchangeDirection(of(r.schoolId, r.schoolYear), of(r.toSchoolId, r.schoolYear))).toBe(r.direction);
    // Nobody exchanges twice while a 3-year term runs.
    expect(new Set(records.map((r) => r.staffId)).size).toBe(records.length);
    const [rate, backbone] = await Promise.all(exchangeKpis.map((k) => k.byUnit(db, { kind: 'all' }, TODAY)));
    const values = (m: typeof rate) => [...m!.values()].filter((x) => x.den).map((x) => x.num / x.den!);
    expect(values(rate).some((v) => v < EXCHANGE_MIN_SHARE)).toBe(true);
    expect(values(rate).some((v) => v >= EXCHANGE_MIN_SHARE)).toBe(true);
    expect(values(backbone).length).toBeGreaterThan(0);
    // 骨干 per county and year (the small test registry leaves few counties with records in one year).
    const shares = new Map<string, { n: number; b: number }>();
    for (const r of records) {
      const k = `${r.unitCode}:${r.schoolYear}`;
      const x = shares.get(k) ?? { n: 0, b: 0 };
      shares.set(k, { n: x.n + 1, b: x.b + Number(r.backbone) });
    }
    const backboneShares = [...shares.values()].map((x) => x.b / x.n);
    expect(backboneShares.some((v) => v < EXCHANGE_BACKBONE_SHARE)).toBe(true);
    expect(backboneShares.some((v) => v >= EXCHANGE_BACKBONE_SHARE)).toBe(true);
  });
});
