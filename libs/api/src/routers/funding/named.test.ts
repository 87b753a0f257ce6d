import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { openFile } from '../../downloads.ts';
import { KPI_SOURCES } from '../../kpi/registry.ts';
import { callerAs, contextWithCookie, failure, signIn } from '../../testing.ts';

const AS_OF = '2022-11-30';
const { fundingSeatProjects: p, attachments, auditLog } = tables;
const NOT_FOUND = { code: 'NOT_FOUND', message: '建设项目不存在或不在您的数据范围内' };

describe.each(testEngines())('重点项目 on %s', (engine) => {
  let database: Database;
  const as = (user: string, asOf = AS_OF) => callerAs(database, user, { asOf });
  let shi17 = 0;

  beforeAll(async () => {
    database = await openTestDatabase(engine, { scale: 0.02, staffRegistry: false });
    shi17 = (await database.db.select({ id: p.id }).from(p).where(eq(p.namedKey, 'shi17-relocation')))[0]!.id;
  }, 180_000);
  afterAll(() => database?.close());

  it('lists the seven named projects for leadership and the 科室, with the schedule on the business date', async () => {
    for (const user of ['leader', 'funding']) {
      const { summary, rows, today } = await (await as(user)).funding.named.list({});
      expect(today).toBe(AS_OF);
      expect(rows).toHaveLength(7);
      expect(summary).toEqual({ total: 7, onSchedule: 4, inUse: 1, late: 2 });
    }
    const { rows } = await (await as('leader')).funding.named.list({});
    const s17 = rows.find((r) => r.key === 'shi17-relocation')!;
    expect(s17.schedule).toEqual({ state: 'late', milestone: 'topped_out', lateDays: 91 });
    expect(s17.next).toEqual({ milestone: 'topped_out', plannedOn: '2022-08-31' });
    expect(s17.investment).toBe(45_000_000_000);
    expect(s17.milestones.map((m) => m.state)).toEqual(['done', 'done', 'late', 'upcoming', 'upcoming']);
    expect(s17.milestones[1]).toMatchObject({ plannedOn: '2021-09-01', reachedOn: '2021-09-18', delay: 17 });
    expect(s17.photos).toBeGreaterThanOrEqual(2);
    const dorm = rows.find((r) => r.key === 'vocational-dorm')!;
    expect(dorm.schedule.state).toBe('done');
    expect(dorm.plannedSeats).toBe(0);
    expect(rows.find((r) => r.key === 'chuyi-hengnan-vocational')!.itemNo).toBe(12);
    const city = await (await as('leader')).funding.named.list({ unitCode: '430400' });
    expect(city.summary).toEqual({ total: 6, onSchedule: 3, inUse: 1, late: 2 });
    const late = await (await as('leader')).funding.named.list({ schedule: 'late' });
    expect(late.rows.map((r) => r.name).sort()).toEqual(['市十七中搬迁', '市田家炳中学提质改造'].sort());
  });

  it('computes the schedule against the business date, not the calendar', async () => {
    const early = await (await as('leader', '2022-06-01')).funding.named.list({});
    const s17 = early.rows.find((r) => r.key === 'shi17-relocation')!;
    expect(s17.schedule.state).toBe('on_schedule');
    expect(s17.milestones[2]!.state).toBe('upcoming');
    const later = await (await as('leader', '2022-12-31')).funding.named.list({});
    expect(later.rows.find((r) => r.key === 'shi17-relocation')!.schedule.lateDays).toBe(122);
  });

  it('shows a county its own unit’s named projects only; another unit’s answers as a missing one', async () => {
    const hengnan = await as('hengnan');
    const { rows, summary } = await hengnan.funding.named.list({});
    expect(rows.map((r) => r.name)).toEqual(['楚怡中职（衡南县职业中专）改扩建']);
    expect(summary.total).toBe(1);
    expect(await failure(hengnan.funding.named.photos({ id: shi17 }))).toEqual(NOT_FOUND);
    expect(await failure(hengnan.funding.named.photos({ id: 999_999_999 }))).toEqual(NOT_FOUND);
    const own = await hengnan.funding.named.photos({ id: rows[0]!.id });
    expect(own.length).toBeGreaterThanOrEqual(1);
    expect(own.every((f) => f.milestone === 'approved' && f.inline)).toBe(true);
    // Its files: another unit's project's photo answers like a missing file.
    const [foreign] = await database.db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.ownerId, shi17), like(attachments.ownerType, 'funding_project:%')));
    const missing = await failure(hengnan.funding.projects.file({ id: 999_999_999 }));
    expect(await failure(hengnan.funding.projects.file({ id: foreign!.id }))).toEqual(missing);
    expect(missing?.code).toBe('NOT_FOUND');
  });

  it('serves a photo over the file route to whoever may see the project', async () => {
    const photos = await (await as('leader')).funding.named.photos({ id: shi17 });
    expect(photos.length).toBeGreaterThanOrEqual(2);
    const ctx = await contextWithCookie(database, await signIn(database, 'leader'), { asOf: AS_OF });
    const file = await openFile(ctx, 'funding', photos[0]!.id);
    expect(file.mime).toBe('image/png');
    expect(file.inline).toBe(true);
    expect([...file.content.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const county = await contextWithCookie(database, await signIn(database, 'hengnan'), { asOf: AS_OF });
    await expect(openFile(county, 'funding', photos[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('exports the list and audits the export with its filter and row count', async () => {
    const out = await (await as('funding')).funding.named.export({ schedule: 'late' });
    expect(out.rows).toBe(2);
    expect(out.filename).toMatch(/^重点项目推进情况_/);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actor, 'funding'), eq(auditLog.action, 'funding.named.export')));
    expect(audit!.after).toMatchObject({ filter: { schedule: 'late' }, rows: 2 });
  });

  it('measures the KPI per unit: the city’s 局直 projects and 楚怡中职 under 衡南县', async () => {
    const source = KPI_SOURCES.get('funding.named-on-schedule')!;
    const byUnit = await source.byUnit(database.db, { kind: 'all' }, AS_OF);
    expect(byUnit.get('430400')).toEqual({ num: 4, den: 6 });
    expect(byUnit.get('430422')).toEqual({ num: 1, den: 1 });
    const county = await source.byUnit(database.db, { kind: 'units', unitCodes: ['430422'] }, AS_OF);
    expect([...county.keys()]).toEqual(['430422']);
  });
});
