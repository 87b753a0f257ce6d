import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { beijingDate, termOf } from '@hyedu/domain';
import { realPng } from '@hyedu/files/testing';
import { callerWithCookie, signIn } from '../testing.ts';

const PNG = realPng().toString('base64');
const today = beijingDate(new Date());
const term = termOf(today);

describe.each(testEngines())('the 待办 inbox on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!);
  let schoolId = 0;
  let leiyangSchool = 0;
  let t51 = 0;
  /** The ids of one kind in a caller's inbox (all of them: the list shows 50 per kind, so these tests look at the new records). */
  const ids = async (user: string, kind: string) =>
    ((await (await as(user)).inbox.list()).find((g) => g.kind === kind)?.items ?? []).map((i) => i.id);
  const item = async (user: string, kind: string, id: number) =>
    ((await (await as(user)).inbox.list()).find((g) => g.kind === kind)?.items ?? []).find((i) => i.id === id);

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    for (const u of ['school', 'hengnan', 'leiyang', 'safety', 'privedu', 'leader']) cookies.set(u, await signIn(database, u));
    const [account] = await database.db
      .select({ grants: tables.accounts.grants })
      .from(tables.accounts)
      .where(eq(tables.accounts.username, 'school'));
    schoolId = (account!.grants as { schoolId: number }[])[0]!.schoolId;
    const [other] = await database.db
      .select({ id: tables.schools.id })
      .from(tables.schools)
      .where(eq(tables.schools.unitCode, '430481'))
      .limit(1);
    leiyangSchool = other!.id;
    t51 = (await database.db.select({ id: tables.planTasks.id }).from(tables.planTasks).where(eq(tables.planTasks.code, '5.1')))[0]!.id;
    // Only the records these tests make: the demo data's open hazards and profiles would fill the first 50 rows.
    await database.db.delete(tables.safetyHazards).where(eq(tables.safetyHazards.status, 'pending'));
    await database.db.delete(tables.safetyHazards).where(eq(tables.safetyHazards.status, 'rectifying'));
    await database.db.delete(tables.safetyHazards).where(eq(tables.safetyHazards.status, 'awaiting_acceptance'));
    await database.db
      .delete(tables.safetyProfiles)
      .where(and(eq(tables.safetyProfiles.schoolId, schoolId), eq(tables.safetyProfiles.term, term)));
  }, 120_000);
  afterAll(() => database?.close());

  it('follows a hazard through the loop: the county sets the deadline, the school rectifies, the county accepts; closed, it leaves every inbox', async () => {
    const school = await as('school');
    const hengnan = await as('hengnan');
    const { id } = await school.safety.hazards.create({
      schoolId,
      source: 'self',
      category: 'fire',
      severity: 'ordinary',
      foundOn: today,
      location: '食堂',
      description: '食堂灭火器过期',
      responsiblePerson: '张建国',
    });
    // No deadline yet: the county's to set, not yet the school's.
    expect(await ids('school', 'hazard')).not.toContain(id);
    expect(await item('hengnan', 'hazard', id)).toMatchObject({
      state: 'pending',
      steps: ['set_deadline'],
      due: null,
      overdue: false,
      link: { name: 'safety:hazard', params: { id: String(id) } },
    });
    await hengnan.safety.hazards.setDeadline({ id, expectedVersion: 1, deadline: today });
    expect(await ids('hengnan', 'hazard')).not.toContain(id);
    expect(await item('school', 'hazard', id)).toMatchObject({ state: 'pending', steps: ['start'], due: today, overdue: false });
    await school.safety.hazards.step({ id, expectedVersion: 2, action: 'start' });
    expect(await item('school', 'hazard', id)).toMatchObject({ state: 'rectifying', steps: ['submit'] });
    await school.safety.hazards.attach({ id, phase: 'after', fileName: '整改后.png', base64: PNG });
    await school.safety.hazards.step({ id, expectedVersion: 3, action: 'submit' });
    expect(await ids('school', 'hazard')).not.toContain(id);
    expect(await item('hengnan', 'hazard', id)).toMatchObject({ state: 'awaiting_acceptance', steps: ['return', 'close'], overdue: false });
    // Another county never sees it; the city's 科室 may accept, but it is the county's turn.
    expect(await ids('leiyang', 'hazard')).not.toContain(id);
    expect(await ids('safety', 'hazard')).not.toContain(id);
    await hengnan.safety.hazards.step({ id, expectedVersion: 4, action: 'close' });
    for (const user of ['school', 'hengnan', 'leiyang', 'safety']) expect(await ids(user, 'hazard')).not.toContain(id);
  });

  it('puts overdue hazards first and counts what the list holds', async () => {
    const hengnan = await as('hengnan');
    const late = await hengnan.safety.hazards.create({
      schoolId,
      source: 'county',
      category: 'fire',
      severity: 'ordinary',
      foundOn: '2020-01-02',
      location: '操场',
      description: '操场围墙破损开裂',
      responsiblePerson: '李四',
      deadline: '2020-02-01',
    });
    const onTime = await hengnan.safety.hazards.create({
      schoolId,
      source: 'county',
      category: 'fire',
      severity: 'ordinary',
      foundOn: today,
      location: '操场',
      description: '看台护栏松动脱焊',
      responsiblePerson: '李四',
      deadline: '2099-01-01',
    });
    const groups = await (await as('school')).inbox.list();
    const hazards = groups.find((g) => g.kind === 'hazard')!;
    expect(hazards.items.map((i) => i.id).slice(0, 1)).toEqual([late.id]);
    expect(hazards.items.find((i) => i.id === late.id)).toMatchObject({ overdue: true, due: '2020-02-01' });
    expect(hazards.items.find((i) => i.id === onTime.id)).toMatchObject({ overdue: false, due: '2099-01-01' });
    const count = await (await as('school')).inbox.count();
    expect(count.total).toBe(groups.reduce((n, g) => n + g.total, 0));
    expect(count.byKind.hazard).toBe(hazards.total);
  });

  it('another county’s hazard never appears, whatever its state', async () => {
    const leiyang = await as('leiyang');
    const { id } = await leiyang.safety.hazards.create({
      schoolId: leiyangSchool,
      source: 'county',
      category: 'fire',
      severity: 'ordinary',
      foundOn: today,
      location: '宿舍',
      description: '宿舍电线老化',
      responsiblePerson: '王五',
    });
    expect(await ids('leiyang', 'hazard')).toContain(id);
    expect(await ids('hengnan', 'hazard')).not.toContain(id);
    expect(await ids('school', 'hazard')).not.toContain(id);
  });

  it('a county verifies what its schools submitted; a returned record goes back to the school', async () => {
    const school = await as('school');
    const hengnan = await as('hengnan');
    const { id } = await school.safety.profiles.submit({
      schoolId,
      term,
      students: 1600,
      staff: 100,
      fulltimeGuards: 4,
      closedManagement: true,
      alarmLinked110: true,
      videoLinkedPolice: true,
      guardPost: true,
      antiRam: null,
      evidenceDate: today,
    });
    expect(await item('hengnan', 'profile', id)).toMatchObject({
      state: 'submitted',
      steps: ['review', 'return'],
      detail: term,
      link: { name: 'safety:compliance' },
    });
    expect(await ids('leiyang', 'profile')).not.toContain(id);
    expect(await ids('school', 'profile')).not.toContain(id);
    await hengnan.safety.profiles.review({ id, expectedVersion: 1, action: 'return', reason: '保安人数与合同不符，请核对' });
    expect(await item('school', 'profile', id)).toMatchObject({ state: 'returned', steps: ['submit'] });
    expect(await ids('hengnan', 'profile')).not.toContain(id);
  });

  it('the city’s lead 科室 reviews a county’s report; returned, it awaits the county; reviewed, nobody', async () => {
    const hengnan = await as('hengnan');
    const privedu = await as('privedu');
    const { id } = await hengnan.plan.reports.submit({
      taskId: t51,
      report: { period: '2022-07', status: 'in_progress', narrative: '本月已完成全部学校的资产清查工作。', figures: [] },
    });
    expect(await item('privedu', 'report', id)).toMatchObject({
      state: 'submitted',
      steps: ['review', 'return'],
      subject: '衡南县',
      link: { name: 'plan-task', params: { taskId: String(t51) } },
    });
    // Another 科室 does not review it; a school takes no part in the plan.
    expect(await ids('safety', 'report')).not.toContain(id);
    expect((await (await as('school')).inbox.list()).some((g) => g.kind === 'report')).toBe(false);
    expect(await ids('hengnan', 'report')).not.toContain(id);
    await privedu.plan.reports.review({ reportId: id, expectedVersion: 1, action: 'return', reason: '请补充数据' });
    expect(await item('hengnan', 'report', id)).toMatchObject({ state: 'returned', steps: ['submit'] });
    expect(await ids('privedu', 'report')).not.toContain(id);
    await hengnan.plan.reports.submit({
      taskId: t51,
      report: { period: '2022-07', status: 'in_progress', narrative: '已补充：本月已完成全部学校的资产清查工作。', figures: [] },
    });
    await privedu.plan.reports.review({ reportId: id, expectedVersion: 3, action: 'review' });
    expect(await ids('privedu', 'report')).not.toContain(id);
    expect(await ids('hengnan', 'report')).not.toContain(id);
  });

  it('an incident awaits the county to receive and report it on, then the city to receive it, then the county to close it', async () => {
    const hengnan = await as('hengnan');
    const { id } = await (
      await as('school')
    ).safety.incidents.create({
      schoolId,
      type: 'drowning',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      place: '学校后山水塘',
      deaths: 0,
      injuries: 1,
      publicOpinion: false,
      summary: '一名学生放学后在水塘边玩耍落水，被路人救起送医。',
    });
    expect(await item('hengnan', 'incident', id)).toMatchObject({
      state: 'reported',
      steps: ['county_received', 'final_report'],
      detail: '学校后山水塘',
      link: { name: 'safety:incident', params: { id: String(id) } },
    });
    expect(await ids('school', 'incident')).not.toContain(id);
    expect(await ids('leiyang', 'incident')).not.toContain(id);
    await hengnan.safety.incidents.addStage({ id, expectedVersion: 1, stage: 'county_received', note: '县教育局安全股接报' });
    await hengnan.safety.incidents.addStage({ id, expectedVersion: 2, stage: 'county_report', note: '已电话报告市局' });
    expect(await ids('hengnan', 'incident')).not.toContain(id);
    expect(await item('safety', 'incident', id)).toMatchObject({ state: 'county_reported', steps: ['city_received', 'final_report'] });
    await (await as('safety')).safety.incidents.addStage({ id, expectedVersion: 3, stage: 'city_received', note: '市局接报' });
    expect(await item('hengnan', 'incident', id)).toMatchObject({ state: 'city_received', steps: ['final_report'] });
    await hengnan.safety.incidents.addStage({ id, expectedVersion: 4, stage: 'final_report', note: '学生已出院，事件处置完毕' });
    expect(await ids('hengnan', 'incident')).not.toContain(id);
    expect(await ids('safety', 'incident')).not.toContain(id);
  });

  it('应助未助 awaits the school’s aid staff (认定), then the county aid centre (发放); the city has no turn', async () => {
    for (const u of ['xxzizhu', 'hnzizhu', 'zizhu']) cookies.set(u, await signIn(database, u));
    const counts = async (u: string) => (await (await as(u)).inbox.count()).byKind.aidFollowUp ?? 0;
    const school = (await (await as('xxzizhu')).inbox.list()).find((g) => g.kind === 'aidFollowUp')!;
    expect(school.total).toBeGreaterThan(0);
    expect(school.items.every((i) => i.state === 'open' && i.steps.includes('recognise'))).toBe(true);
    expect(school.items[0]!.link).toEqual({ name: 'funding:aid-follow-up', params: { id: String(school.items[0]!.id) } });
    const [countyBefore, schoolBefore] = [await counts('hnzizhu'), await counts('xxzizhu')];
    const id = school.items[0]!.id;
    const { version } = await (await as('xxzizhu')).funding.aid.followUp({ id });
    await (await as('xxzizhu')).funding.aid.step({ id, expectedVersion: version, action: 'recognise' });
    expect(await counts('xxzizhu')).toBe(schoolBefore - 1);
    expect(await counts('hnzizhu')).toBe(countyBefore + 1);
    expect((await (await as('zizhu')).inbox.list()).some((g) => g.kind === 'aidFollowUp')).toBe(false);
    // The same county without the aid role: nothing of this source.
    expect((await (await as('hengnan')).inbox.count()).byKind.aidFollowUp).toBeUndefined();
  });

  it('an area the caller may not act in contributes nothing and does not fail', async () => {
    // The leadership reads everything and acts in no module's workflow; a school has no plan and no 公参民 case, but
    // submits its own 年检 materials and 整改报告, its 办学许可 applications, (a kindergarten) its 普惠 applications and
    // (a school with compulsory grades) its 五项管理 returns.
    // 年度考核与教师资格定期注册: and its teachers' registrations due (a source of every school, kindergartens included).
    expect(await (await as('leader')).inbox.count()).toEqual({ total: 0, byKind: {} });
    const kinds = (await (await as('school')).inbox.list()).map((g) => g.kind);
    expect(kinds).toEqual(['hazard', 'incident', 'profile', 'inspection', 'licence', 'puhui', 'fiveItems', 'registration']);
  });
});
