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
type Page = {
  modules: { module: string; lines: { key: string; values: { text: { zh: string; en: string } }[]; link: { name: string } }[] }[];
};
/** A line of a module's block on the page (fails the test when the module or line is missing). */
function line<P extends Page>(page: P, module: string, key: string): P['modules'][number]['lines'][number] {
  const found = page.modules.find((m) => m.module === module)?.lines.find((l) => l.key === key);
  if (!found) throw new Error(`no line ${module}/${key}`);
  return found;
}
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
    const hazards = async () => {
      const rows = await database.db
        .select({ status: tables.safetyHazards.status })
        .from(tables.safetyHazards)
        .where(eq(tables.safetyHazards.schoolId, schoolId));
      return { total: rows.length, open: rows.filter((r) => r.status !== 'closed').length };
    };
    const hengnan = await callerAs(database, 'hengnan');
    const was = await hazards();
    const before = await hengnan.dashboard.school({ schoolId });
    expect(line(before, 'safety', 'hazards').values[0]!.text.zh).toMatch(new RegExp(`^共 ${was.total} 条，未销号 ${was.open} 条，`));
    expect(before).toMatchObject({ id: schoolId, unitCode: '430422', unitName: '衡南县' });
    expect(line(before, 'safety', 'hazards').link).toEqual({ name: 'safety:hazards', query: { unit: '430422', q: before.name } });
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
    const now = await hazards();
    expect(now.total).toBe(was.total + 1);
    const after = await hengnan.dashboard.school({ schoolId });
    const counted = line(after, 'safety', 'hazards').values[0]!.text;
    expect(counted.zh).toMatch(new RegExp(`^共 ${now.total} 条，未销号 ${now.open} 条，`));
    expect(counted.en).toMatch(new RegExp(`^${now.total} in all, ${now.open} open, `));
    const leader = await callerAs(database, 'leader');
    const seen = await leader.dashboard.school({ schoolId });
    expect(line(seen, 'safety', 'hazards').values).toEqual(line(after, 'safety', 'hazards').values);
    // Every module the leader reads and that lists the school: a block each, linking by route name.
    expect(seen.modules.map((m) => m.module)).toEqual(
      seen.ownership === 'private' ? ['safety', 'teachers', 'private-edu'] : ['safety', 'teachers'],
    );
    expect(line(seen, 'teachers', 'schools').link.name).toBe('teachers:schools');
    for (const m of seen.modules) for (const l of m.lines) expect(l.link.name.startsWith(`${m.module}:`)).toBe(true);
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
      line(await (await callerAs(database, 'hengnan', { asOf })).dashboard.school({ schoolId }), 'safety', 'compliance').values[0]!.text;
    // Ten days into the next term its reports do not count yet: this one still does.
    expect(await page(addDays(termStart(next), 10))).toMatchObject({ zh: expect.stringMatching(new RegExp(`^学期 ${term} · `)) });
    // Once the next term's reporting window has closed, this report is no longer the current one.
    expect(await page(termCountsFrom(next))).toMatchObject({
      zh: expect.stringMatching(new RegExp(`^学期 ${term}（非本学期） · `)),
      en: expect.stringMatching(new RegExp(`^Term ${term} \\(not this term\\) · `)),
    });
  });

  it('another county’s school and a school that does not exist get the one not-found answer', async () => {
    const leiyang = await callerAs(database, 'leiyang');
    const notFound = { code: 'NOT_FOUND', message: '学校不存在或不在您的数据范围内' };
    expect(await failure(leiyang.dashboard.school({ schoolId }))).toEqual(notFound);
    expect(await failure(leiyang.dashboard.school({ schoolId: 999_999_999 }))).toEqual(notFound);
  });
});
