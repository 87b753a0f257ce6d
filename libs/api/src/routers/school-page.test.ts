import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { beijingDate, termCountsFrom, termStart, type Term } from '@hyedu/domain';
import { callerAs, failure } from '../testing.ts';

const nextTerm = (term: Term): Term => {
  const start = Number(term.slice(0, 4));
  return (term.endsWith('1') ? `${start}-${start + 1}-2` : `${start + 1}-${start + 2}-1`) as Term;
};
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.each(testEngines())('a school’s own page (dashboard.school) on %s', (engine) => {
  let database: Database;
  let schoolId = 0;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const [account] = await database.db
      .select({ grants: tables.accounts.grants })
      .from(tables.accounts)
      .where(eq(tables.accounts.username, 'school'));
    schoolId = (account!.grants as { schoolId: number }[])[0]!.schoolId;
  }, 120_000);
  afterAll(() => database?.close());

  it('shows the school and its safety records to its county and the city; the counts follow new records', async () => {
    const hengnan = await callerAs(database, 'hengnan');
    const before = await hengnan.dashboard.school({ schoolId });
    expect(before).toMatchObject({ id: schoolId, unitCode: '430422', unitName: '衡南县' });
    expect(before.safety).not.toBeNull();
    const today = beijingDate(new Date());
    await hengnan.safety.hazards.create({
      schoolId,
      source: 'county',
      category: 'fire',
      severity: 'ordinary',
      foundOn: today,
      description: '实验楼灭火器过期未更换',
      responsiblePerson: '刘伟',
      deadline: today,
    });
    const after = await hengnan.dashboard.school({ schoolId });
    expect(after.safety!.hazards).toMatchObject({ total: before.safety!.hazards.total + 1, open: before.safety!.hazards.open + 1 });
    const leader = await callerAs(database, 'leader');
    const seen = await leader.dashboard.school({ schoolId });
    expect(seen.safety!.hazards.total).toBe(after.safety!.hazards.total);
    expect(seen.lists).toEqual(seen.ownership === 'private' ? ['teachers', 'private-edu'] : ['teachers']);
  });

  it('marks the latest 4个100% report current by the term the figures count (the previous one in a new term’s first weeks)', async () => {
    const [latest] = await database.db
      .select({ term: tables.safetyProfiles.term })
      .from(tables.safetyProfiles)
      .where(eq(tables.safetyProfiles.schoolId, schoolId))
      .orderBy(desc(tables.safetyProfiles.term))
      .limit(1);
    const term = latest!.term;
    const next = nextTerm(term);
    const page = async (asOf: string) =>
      (await (await callerAs(database, 'hengnan', { asOf })).dashboard.school({ schoolId })).safety!.compliance!;
    // Ten days into the next term its reports do not count yet: this one still does.
    expect(await page(addDays(termStart(next), 10))).toMatchObject({ term, current: true });
    // Once the next term's reporting window has closed, this report is no longer the current one.
    expect(await page(termCountsFrom(next))).toMatchObject({ term, current: false });
  });

  it('another county’s school and a school that does not exist get the one not-found answer', async () => {
    const leiyang = await callerAs(database, 'leiyang');
    const notFound = { code: 'NOT_FOUND', message: '学校不存在或不在您的数据范围内' };
    expect(await failure(leiyang.dashboard.school({ schoolId }))).toEqual(notFound);
    expect(await failure(leiyang.dashboard.school({ schoolId: 999_999_999 }))).toEqual(notFound);
  });
});
