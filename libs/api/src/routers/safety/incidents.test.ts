import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { beijingDate } from '@hyedu/domain';
import { realPng } from '@hyedu/files/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

describe.each(testEngines())('safety incidents, activities and KPIs on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!);
  let schoolId = 0;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    for (const u of ['school', 'hengnan', 'leiyang', 'safety', 'leader']) cookies.set(u, await signIn(database, u));
    const [account] = await database.db
      .select({ grants: tables.accounts.grants })
      .from(tables.accounts)
      .where(eq(tables.accounts.username, 'school'));
    schoolId = (account!.grants as { schoolId: number }[])[0]!.schoolId;
  }, 120_000);
  afterAll(() => database?.close());

  it('an incident runs up the reporting chain in order, stamped by the server; the final report closes it', async () => {
    const occurredAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const { id } = await (
      await as('school')
    ).safety.incidents.create({
      schoolId,
      type: 'traffic',
      occurredAt,
      place: '学校东门外',
      deaths: 0,
      injuries: 2,
      publicOpinion: false,
      summary: '放学时两名学生被电动车刮擦，轻微擦伤，已送医处理。',
    });
    const hengnan = await as('hengnan');
    let incident = await hengnan.safety.incidents.byId({ id });
    expect(incident.chain.map((c) => c.stage)).toEqual(['school_report']);
    expect(incident.nextStages).toEqual(['county_received', 'follow_up', 'final_report']);
    expect(
      await failure(hengnan.safety.incidents.addStage({ id, expectedVersion: 1, stage: 'county_report', note: '已上报市局' })),
    ).toEqual({ code: 'CONFLICT', message: '请先记录“县区接报”' });
    await hengnan.safety.incidents.addStage({ id, expectedVersion: 1, stage: 'county_received', note: '县教育局安全股接报' });
    await hengnan.safety.incidents.addStage({ id, expectedVersion: 2, stage: 'county_report', note: '已电话报告市局' });
    expect(
      await failure((await as('school')).safety.incidents.addStage({ id, expectedVersion: 3, stage: 'city_received', note: '市局接报' })),
    ).toEqual({ code: 'FORBIDDEN', message: '“市局接报”不能由学校填写' });
    const city = await as('safety');
    await city.safety.incidents.addStage({ id, expectedVersion: 3, stage: 'city_received', note: '市局安全稳定科接报' });
    expect(await failure(hengnan.safety.incidents.addStage({ id, expectedVersion: 3, stage: 'follow_up', note: '续报' }))).toEqual({
      code: 'CONFLICT',
      message: '该记录已被他人修改，请刷新后重新提交',
    });
    await hengnan.safety.incidents.addStage({ id, expectedVersion: 4, stage: 'final_report', note: '两名学生已返校，事件处置完毕' });
    incident = await city.safety.incidents.byId({ id });
    expect(incident.status).toBe('closed');
    expect(incident.nextStages).toEqual([]);
    const times = incident.chain.map((c) => c.reportedAt);
    expect([...times].sort()).toEqual(times);
    expect(await failure((await as('leiyang')).safety.incidents.byId({ id }))).toEqual({
      code: 'NOT_FOUND',
      message: '事件不存在或不在您的数据范围内',
    });
    expect((await hengnan.safety.incidents.history({ id })).map((h) => h.action)).toEqual([
      'safety.reportIncident',
      'safety.incidentStage',
      'safety.incidentStage',
      'safety.incidentStage',
      'safety.incidentStage',
    ]);
  });

  it('activities count towards coverage per topic; the dashboard’s hazard closure rate follows closures', async () => {
    const school = await as('school');
    const today = beijingDate(new Date());
    const before = (await (await as('hengnan')).safety.activities.coverage()).rows.find((r) => r.unitCode === '430422')!;
    const mine = await school.safety.activities.list({ page: 1, pageSize: 100, topic: 'drowning' });
    await school.safety.activities.create({
      schoolId,
      topic: 'drowning',
      heldOn: today,
      title: '暑期防溺水安全教育主题班会',
      participants: 820,
    });
    const after = (await (await as('hengnan')).safety.activities.coverage()).rows.find((r) => r.unitCode === '430422')!;
    const { since } = await school.safety.activities.coverage();
    const recent = mine.rows.some((r) => r.heldOn >= since);
    expect(after.byTopic.drowning).toBe((before.byTopic.drowning ?? 0) + (recent ? 0 : 1));
    expect(
      await failure(
        school.safety.activities.create({ schoolId, topic: 'drowning', heldOn: '2099-01-01', title: '未来活动', participants: 1 }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', message: '活动日期不能晚于今天' });

    const leader = await as('leader');
    const k0 = (await leader.dashboard.kpi({ kpiId: 'safety.hazard-closure' })).total;
    const hengnan = await as('hengnan');
    const { id } = await hengnan.safety.hazards.create({
      schoolId,
      source: 'county',
      category: 'traffic',
      severity: 'ordinary',
      foundOn: today,
      description: '校门口缺少减速带',
      responsiblePerson: '刘强',
      deadline: today,
    });
    const k1 = (await leader.dashboard.kpi({ kpiId: 'safety.hazard-closure' })).total;
    expect({ num: k1.num, den: k1.den }).toEqual({ num: k0.num ?? 0, den: (k0.den ?? 0) + 1 });
    await school.safety.hazards.step({ id, expectedVersion: 1, action: 'start' });
    await school.safety.hazards.attach({ id, phase: 'after', fileName: '整改后.png', base64: realPng().toString('base64') });
    await school.safety.hazards.step({ id, expectedVersion: 2, action: 'submit' });
    await hengnan.safety.hazards.step({ id, expectedVersion: 3, action: 'close' });
    const k2 = (await leader.dashboard.kpi({ kpiId: 'safety.hazard-closure' })).total;
    expect({ num: k2.num, den: k2.den }).toEqual({ num: (k0.num ?? 0) + 1, den: (k0.den ?? 0) + 1 });
    const schools = await leader.dashboard.kpiSchools({ kpiId: 'safety.hazard-closure', unitCode: '430422' });
    expect(schools.schools.find((s) => s.schoolId === schoolId)).toMatchObject({ status: expect.any(String) });
  });
});
