import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrivalRate, obligationStanding, serviceEndsOn } from '@hyedu/domain/teachers';
import type { Database } from '../client.ts';
import { orgUnits, teacherProgrammePersons, teacherProgrammeQuotas, teacherStaff } from '../schema/index.ts';
import { openTestDatabase } from '../testing.ts';
import { SHORT_2022 } from './teacher-programmes.ts';

const TODAY = '2022-11-30';

describe('the demo’s teacher supply programmes', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite', { scale: 0.1, today: TODAY });
  }, 180_000);
  afterAll(() => database?.close());

  it('quotas 2020–2022 for every county; 特岗 in the rural counties; no 优师计划 without a 定向县', async () => {
    const [quotas, units] = await Promise.all([database.db.select().from(teacherProgrammeQuotas), database.db.select().from(orgUnits)]);
    const kindOf = (code: string) => units.find((u) => u.code === code)!.kind;
    // Every county (县, 县级市) every year; a district or the zone only where it has public compulsory schools (test scale).
    for (const year of [2020, 2021, 2022]) {
      for (const u of units.filter((x) => x.kind === 'county' || x.kind === 'county_city'))
        expect(
          quotas.some((q) => q.year === year && q.unitCode === u.code),
          `${u.name} ${year}`,
        ).toBe(true);
      expect(new Set(quotas.filter((q) => q.year === year).map((q) => q.unitCode)).size).toBeGreaterThanOrEqual(9);
    }
    expect(quotas.some((q) => q.programme === 'excellent')).toBe(false);
    const special = quotas.filter((q) => q.programme === 'special_post');
    const ruralShare = special.filter((q) => ['county', 'county_city'].includes(kindOf(q.unitCode))).reduce((s, q) => s + q.planned, 0);
    expect(ruralShare / special.reduce((s, q) => s + q.planned, 0)).toBeGreaterThan(0.9);
  });

  it('arrivals: 2022 below 100% in a few counties, full elsewhere; obligations from the domain rule; some early departures', async () => {
    const [quotas, persons] = await Promise.all([
      database.db.select().from(teacherProgrammeQuotas),
      database.db.select().from(teacherProgrammePersons),
    ]);
    const rate = (unit: string, year: number) =>
      arrivalRate(
        persons.filter((p) => p.unitCode === unit && p.year === year && p.arrivedOn).length,
        quotas.filter((q) => q.unitCode === unit && q.year === year).reduce((s, q) => s + q.planned, 0),
      );
    for (const unit of SHORT_2022) expect(rate(unit, 2022)).toBeLessThan(1);
    expect(rate('430422', 2022)).toBe(1);
    expect(rate('430421', 2021)).toBe(1);
    for (const p of persons.filter((x) => x.arrivedOn)) expect(p.obligationEndsOn).toBe(serviceEndsOn(p.serviceStartOn!, p.programme));
    const left = persons.filter((p) => p.status === 'left');
    expect(left.length).toBeGreaterThan(5);
    for (const p of left) {
      expect(p.leftReason).toBeTruthy();
      expect(obligationStanding(p, TODAY)).toBe('breach');
    }
    expect(persons.some((p) => obligationStanding(p, TODAY) === 'fulfilled')).toBe(true);
    expect(persons.some((p) => p.status === 'arrived' && p.obligationEndsOn!.startsWith('2022'))).toBe(true);
    // Without the registry nobody is linked to a staff row.
    expect(persons.every((p) => p.staffId === null)).toBe(true);
  });
});

describe('the demo’s programme people with the staff registry loaded', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite', { scale: 0.02, staffRegistry: true, today: TODAY });
  }, 300_000);
  afterAll(() => database?.close());

  it('特岗 arrivals take the identity of 特岗 teachers in post in the county and link to their rows', async () => {
    const persons = await database.db.select().from(teacherProgrammePersons);
    const staff = await database.db.select().from(teacherStaff);
    const linked = persons.filter((p) => p.staffId !== null);
    expect(linked.length).toBeGreaterThan(0);
    for (const p of linked) {
      const s = staff.find((x) => x.id === p.staffId)!;
      expect(s).toMatchObject({ idIndex: p.idIndex, status: 'special_post', unitCode: p.unitCode, joinedOn: p.arrivedOn, leftOn: null });
      expect(p.programme).toBe('special_post');
    }
  });
});
