import { and, eq, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

/** The business date the 2023 inspections are worked on. */
const AS_OF = '2023-05-20';
const CONFLICT = { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' };
const { schools, accounts, privateInspections } = tables;

describe.each(testEngines())('民办学校年检 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  let minbanSchool = 0;
  /** A school of 衡南县 of these levels, made private for the test if it is not. */
  const privateSchool = async (levels: string[], skip: number[] = []) => {
    const [s] = await database.db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.unitCode, '430422'), inArray(schools.level, levels as never[])))
      .orderBy(schools.code)
      .then((rows) => rows.filter((r) => !skip.includes(r.id)));
    await database.db.update(schools).set({ ownership: 'private' }).where(eq(schools.id, s!.id));
    return s!.id;
  };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    for (const u of ['school', 'minban', 'hengnan', 'privedu', 'safety', 'office', 'leader']) cookies.set(u, await signIn(database, u));
    const [account] = await database.db.select({ grants: accounts.grants }).from(accounts).where(eq(accounts.username, 'minban'));
    minbanSchool = (account!.grants as { schoolId: number }[])[0]!.schoolId;
  }, 120_000);
  afterAll(() => database?.close());

  it('runs materials → 初审 (退回) → 联审 by the asked 科室 → 整改 (退回) → 复审 → a failing grade stopping 2024 enrolment → 公示', async () => {
    const [hengnan, minban, safety, office] = await Promise.all([as('hengnan'), as('minban'), as('safety'), as('office')]);
    const { id } = await hengnan.privateEdu.inspections.create({ schoolId: minbanSchool, year: 2023 });
    expect(await hengnan.privateEdu.inspections.byId({ id })).toMatchObject({ status: 'materials', authority: 'county', allowed: [] });
    expect((await minban.privateEdu.inspections.byId({ id })).allowed).toEqual(['submit']);
    const materials = '年检自查报告：办学许可、章程、招生与收费情况均符合规定。';
    await minban.privateEdu.inspections.submit({ id, expectedVersion: 1, materials });
    // 退回 needs a reason; then the school submits again.
    expect(await failure(hengnan.privateEdu.inspections.step({ id, expectedVersion: 2, action: 'return_materials' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请填写退回补充材料原因',
    });
    await hengnan.privateEdu.inspections.step({ id, expectedVersion: 2, action: 'return_materials', reason: '缺少财务审计报告' });
    expect(await hengnan.privateEdu.inspections.byId({ id })).toMatchObject({ status: 'materials', returnReason: '缺少财务审计报告' });
    await minban.privateEdu.inspections.submit({ id, expectedVersion: 3, materials: `${materials}已补财务审计报告。` });
    // The city does not run a county-approved school's inspection.
    const ask = { id, expectedVersion: 4, siteVisit: '实地查看校舍、食堂与消防设施', departments: ['safety', 'office'] };
    expect(await failure((await as('privedu')).privateEdu.inspections.requestOpinions(ask))).toEqual({
      code: 'FORBIDDEN',
      message: '该校由县市区教育局审批，年检由县市区教育局办理',
    });
    expect(await failure(hengnan.privateEdu.inspections.requestOpinions({ ...ask, departments: ['nosuch'] }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '联审科室不存在：nosuch',
    });
    await hengnan.privateEdu.inspections.requestOpinions(ask);

    // 联审 cannot close while an asked 科室 has not answered.
    const notice = { id, expectedVersion: 5, notice: '消防通道堆放杂物，限期清理', rectifyBy: '2023-06-30' };
    expect(await failure(hengnan.privateEdu.inspections.issueNotice(notice))).toEqual({
      code: 'CONFLICT',
      message: '还有科室未提出联审意见，不能结束联审',
    });
    expect((await hengnan.privateEdu.inspections.byId({ id })).needs).toEqual({
      issue_notice: '还有科室未提出联审意见，不能结束联审',
      conclude: '还有科室未提出联审意见，不能结束联审',
    });

    // The asked 科室 sees it in its 待办 and only what it needs to judge; it answers once.
    const todo = (await safety.inbox.list()).find((g) => g.kind === 'inspectionOpinion');
    expect(todo?.items.map((i) => i.id)).toContain(id);
    const view = await safety.inbox.opinions.view({ id });
    expect(view).toMatchObject({ status: 'joint_review', materials: expect.stringContaining('财务审计'), canAnswer: true });
    expect(Object.keys(view).sort()).toEqual(
      ['canAnswer', 'id', 'level', 'levelLabel', 'materials', 'opinions', 'schoolName', 'siteVisit', 'status', 'unitName', 'year'].sort(),
    );
    expect(view.opinions.map((o) => o.dept)).toEqual(['safety']);
    await safety.inbox.opinions.give({ id, verdict: 'concerns', comment: '消防通道需清理' });
    expect(await failure(safety.inbox.opinions.give({ id, verdict: 'agree', comment: '同意' }))).toEqual({
      code: 'CONFLICT',
      message: '本科室已提出联审意见，不能重复提出',
    });
    expect((await safety.inbox.list()).find((g) => g.kind === 'inspectionOpinion')?.items.map((i) => i.id) ?? []).not.toContain(id);
    // Anyone not asked: the one NOT_FOUND, also the module's own 科室 and the county; the 科室 gets nothing else of the module.
    for (const user of ['privedu', 'hengnan', 'minban', 'school'])
      expect(await failure((await as(user)).inbox.opinions.give({ id, verdict: 'agree', comment: '同意' }))).toEqual({
        code: 'NOT_FOUND',
        message: '年检不存在或不在您的数据范围内',
      });
    expect(await failure(safety.privateEdu.inspections.byId({ id }))).toMatchObject({ code: 'FORBIDDEN' });
    await office.inbox.opinions.give({ id, verdict: 'agree', comment: '同意通过' });
    // The opinions moved the record on: a notice on the version seen before them is a CONFLICT.
    expect(await failure(hengnan.privateEdu.inspections.issueNotice(notice))).toEqual(CONFLICT);
    expect(
      await failure(hengnan.privateEdu.inspections.issueNotice({ ...notice, expectedVersion: 7, rectifyBy: '2023-05-01' })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: '整改期限不能早于今天' });
    await hengnan.privateEdu.inspections.issueNotice({ ...notice, expectedVersion: 7 });
    const detail = await hengnan.privateEdu.inspections.byId({ id });
    expect(detail.opinions.map((o) => [o.dept, o.verdict])).toEqual([
      ['office', 'agree'],
      ['safety', 'concerns'],
    ]);

    // 整改: the school's report, returned once with a reason, then 复审 and the grade.
    const report = { id, expectedVersion: 8, report: '已清理消防通道并建立每日巡查制度。' };
    await minban.privateEdu.inspections.submitReport(report);
    await hengnan.privateEdu.inspections.step({ id, expectedVersion: 9, action: 'return_report', reason: '巡查记录未附' });
    await minban.privateEdu.inspections.submitReport({ ...report, expectedVersion: 10 });
    expect(await failure(hengnan.privateEdu.inspections.conclude({ id, expectedVersion: 11, grade: 'bad' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '年检结论应为：优秀、良好、合格、不合格',
    });
    await hengnan.privateEdu.inspections.conclude({ id, expectedVersion: 11, grade: 'fail', conclusion: '整改不到位' });
    expect(await hengnan.privateEdu.inspections.byId({ id })).toMatchObject({ grade: 'fail', enrolmentStoppedYear: 2024 });
    // The registry shows the school's 2024 enrolment stopped.
    const profile = await hengnan.privateEdu.profiles.list({ page: 1, pageSize: 20, q: detail.school.name });
    expect(profile.rows.find((r) => r.schoolId === minbanSchool)?.enrolmentStoppedYear).toBe(2024);
    await hengnan.privateEdu.inspections.step({ id, expectedVersion: 12, action: 'publish' });
    const list = await hengnan.privateEdu.inspections.list({ page: 1, pageSize: 20, year: 2023, grade: 'fail' });
    expect(list.rows.map((r) => [r.id, r.status, r.enrolmentStoppedYear])).toEqual([[id, 'published', 2024]]);
    expect((await hengnan.privateEdu.inspections.history({ id })).map((e) => e.action)).toEqual([
      'privateEdu.inspection.create',
      'privateEdu.inspection.submit',
      'privateEdu.inspection.return_materials',
      'privateEdu.inspection.submit',
      'privateEdu.inspection.request_opinions',
      'privateEdu.inspection.opinion',
      'privateEdu.inspection.opinion',
      'privateEdu.inspection.issue_notice',
      'privateEdu.inspection.submit_report',
      'privateEdu.inspection.return_report',
      'privateEdu.inspection.submit_report',
      'privateEdu.inspection.conclude',
      'privateEdu.inspection.publish',
    ]);
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('is opened by the approving authority: the county for compulsory schools, the city for 高中阶段; once per school and year', async () => {
    const [hengnan, privedu] = await Promise.all([as('hengnan'), as('privedu')]);
    const senior = await privateSchool(['senior', 'complete_middle', 'vocational']);
    const primary = await privateSchool(['primary', 'junior', 'nine_year', 'kindergarten'], [minbanSchool]);
    expect(await failure(hengnan.privateEdu.inspections.create({ schoolId: senior, year: 2023 }))).toEqual({
      code: 'FORBIDDEN',
      message: '该校由市教育局审批，年检由市教育局办理',
    });
    expect(await failure(privedu.privateEdu.inspections.create({ schoolId: primary, year: 2023 }))).toEqual({
      code: 'FORBIDDEN',
      message: '该校由县市区教育局审批，年检由县市区教育局办理',
    });
    const city = await privedu.privateEdu.inspections.create({ schoolId: senior, year: 2023 });
    expect(await hengnan.privateEdu.inspections.byId({ id: city.id })).toMatchObject({ authority: 'city', allowed: [] });
    expect((await hengnan.privateEdu.inspections.schools({ year: 2023 })).map((s) => s.id)).not.toContain(senior);
    expect((await privedu.privateEdu.inspections.schools({ year: 2023 })).map((s) => s.id)).not.toContain(primary);
    await hengnan.privateEdu.inspections.create({ schoolId: primary, year: 2023 });
    const again = await failure(hengnan.privateEdu.inspections.create({ schoolId: primary, year: 2023 }));
    expect(again).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/2023年度的年检已登记，不能重复登记$/) });
    // Bad input is refused in Chinese, field by field.
    expect(await failure(hengnan.privateEdu.inspections.create({ schoolId: primary, year: 1999 }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('年检年度不能早于2020年'),
    });
    const [notPrivate] = await database.db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.unitCode, '430422'), ne(schools.ownership, 'private')))
      .limit(1);
    expect(await failure(hengnan.privateEdu.inspections.create({ schoolId: notPrivate!.id, year: 2023 }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '只能为民办学校登记年检',
    });
  });

  it('a school sees only its own and cannot open one; two steps on one version: one CONFLICT', async () => {
    const [hengnan, minban, school] = await Promise.all([as('hengnan'), as('minban'), as('school')]);
    const { id } = await hengnan.privateEdu.inspections.create({ schoolId: minbanSchool, year: 2024 });
    expect(await failure(school.privateEdu.inspections.byId({ id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await school.privateEdu.inspections.list({ page: 1, pageSize: 100 })).rows.some((x) => x.id === id)).toBe(false);
    expect(await failure(minban.privateEdu.inspections.create({ schoolId: minbanSchool, year: 2025 }))).toMatchObject({
      code: 'FORBIDDEN',
      message: '年检由审批机关登记，学校在登记后提交年检材料',
    });
    expect((await minban.inbox.list()).find((g) => g.kind === 'inspection')?.items.map((i) => i.id)).toContain(id);
    const materials = '年检自查报告：办学规范，无违规招生和收费。';
    const both = await Promise.allSettled([
      minban.privateEdu.inspections.submit({ id, expectedVersion: 1, materials }),
      minban.privateEdu.inspections.submit({ id, expectedVersion: 1, materials }),
    ]);
    expect(both.map((b) => b.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await failure(Promise.reject((both.find((b) => b.status === 'rejected') as PromiseRejectedResult).reason))).toEqual(CONFLICT);
    // The county's 待办 has it at 初审 now; the school's does not.
    expect((await hengnan.inbox.list()).find((g) => g.kind === 'inspection')?.items.map((i) => i.id)).toContain(id);
    expect((await minban.inbox.list()).find((g) => g.kind === 'inspection')?.items.map((i) => i.id) ?? []).not.toContain(id);
    expect(await failure(minban.privateEdu.inspections.step({ id, expectedVersion: 2, action: 'publish' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('the year’s 参检率 and 合格率 come from the records: submitted ÷ private schools, passing grades ÷ graded', async () => {
    const leader = await as('leader');
    const hengnan = async (kpiId: 'private.inspection-participation' | 'private.inspection-pass-rate') =>
      (await leader.dashboard.kpi({ kpiId })).units.find((u) => u.code === '430422')!;
    const privateSchools = await database.db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.unitCode, '430422'), eq(schools.ownership, 'private')));
    // The business date is in 2023: the demo's 2022 round does not count, the inspections these tests ran do.
    const rows = await database.db
      .select({ status: privateInspections.status, stopped: privateInspections.enrolmentStoppedYear })
      .from(privateInspections)
      .where(and(eq(privateInspections.unitCode, '430422'), eq(privateInspections.year, 2023)));
    const taken = rows.filter((r) => r.status !== 'materials');
    const graded = rows.filter((r) => r.status === 'concluded' || r.status === 'published');
    expect(taken.length).toBeGreaterThan(0);
    expect(graded.some((r) => r.stopped !== null)).toBe(true);
    expect(await hengnan('private.inspection-participation')).toMatchObject({ num: taken.length, den: privateSchools.length });
    expect(await hengnan('private.inspection-pass-rate')).toMatchObject({
      num: graded.filter((r) => r.stopped === null).length,
      den: graded.length,
    });
  });
});
