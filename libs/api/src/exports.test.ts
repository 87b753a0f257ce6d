import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { authorize, beijingDate, GrantList, termOf } from '@hyedu/domain';
import { callerAs, callerWithCookie, procedures, signIn } from './testing.ts';

/**
 * Every export is audited (who, which filter, how many rows) and shows what the same caller's screens show. The
 * exports are found in the router: a procedure named export… must be declared with exportProcedure, and every
 * procedure so declared is called here.
 */
const term = termOf(beijingDate(new Date()));
const FILTERS: Record<string, unknown> = {
  'audit.export': { result: 'denied' },
  'dashboard.export': undefined,
  'plan.plans.export': { year: 2022 },
  'safety.hazards.export': { severity: 'major' },
  'safety.profiles.export': { term, show: 'noncompliant' },
  'safety.activities.export': { topic: 'fire' },
  'safety.incidents.export': { status: 'handling' },
  'privateEdu.levers.export': { status: 'planned' },
  'privateEdu.levers.exportLedger': undefined,
  'privateEdu.profiles.export': { gcm: false },
  'privateEdu.conversions.export': { overdue: true },
  'privateEdu.inspections.export': { year: 2022 },
  'privateEdu.licences.export': { kind: 'establish' },
  'privateEdu.puhui.export': { status: 'recognised' },
  'privateEdu.census.export': { ownership: 'private' },
  'teachers.files.exportStaff': { employment: 'tenured' },
  'teachers.files.exportEntries': { kind: 'hire' },
  'teachers.files.exportEthicsCases': { status: 'clue' },
  'teachers.files.exportBlacklist': { unitCode: '430422' },
  'teachers.staffing.export': { quotaStanding: 'vacant' },
  // 教师培训与信息技术应用能力提升工程2.0
  'teachers.training.files.exportProjects': { year: 2022 },
  'teachers.training.files.exportRecords': { itOnly: true },
  'teachers.training.files.exportStanding': { short: true },
  // 年度考核与教师资格定期注册
  'teachers.appraisal.export': { year: 2021, result: 'incompetent' },
  'teachers.registration.export': { registrationStanding: 'overdue' },
  'funding.named.export': { schedule: 'late' },
  // funding: spending returns
  'funding.spending.export': { fiscalYear: 2021 },
  'funding.spending.exportRule': { planYear: 2022 },
  // funding: seat projects
  'funding.projects.export': { unitCode: '430422', schedule: 'late' },
  'funding.allocation.export': { year: 2022 },
  // 控辍保学与随迁子女
  'funding.dropout.export': { ledger: 'open' },
  'funding.dropout.returns.export': { kind: 'county_quarter' },
  'funding.migrant.export': { schoolYear: '2022-2023' },
  // 学生资助
  'funding.aid.exportUnaided': { status: 'recognised' },
  'funding.aid.exportUnmatched': { outcome: 'unmatched' },
  'funding.aid.exportPayments': { kind: 'reissue' },
  'funding.aid.exportFunds': { semester: '2022-1' },
  'funding.aid.exportChecks': { status: 'rectifying' },
  // 校外培训执法案件
  'privateEdu.enforcement.export': { status: 'closed' },
  // 校外培训机构
  'privateEdu.training.export': { trainingCategory: 'academic', onPlatform: false },
  'privateEdu.training.capacity.export': undefined,
  'privateEdu.training.platform.exportUnmatched': undefined,
  // 县管校聘交流轮岗
  'teachers.exchange.exportPlans': { schoolYear: '2022-2023' },
  'teachers.exchange.exportRecords': { schoolYear: '2022-2023', backbone: true },
  'teachers.exchange.exportSummary': { schoolYear: '2022-2023' },
  'teachers.exchange.exportDesignations': { schoolYear: '2022-2023', designation: 'weak' },
  // 五项管理
  'privateEdu.fiveItems.export': { term: '2022-spring', compliant: false },
  // 教师工资保障
  'teachers.pay.export': { year: 2022, below: true },
  'teachers.pay.exportComparison': { year: 2022 },
  'teachers.pay.rectifications.export': { year: 2022, status: 'rectifying' },
  // 教师补充计划
  'teachers.programmes.exportPersons': { programme: 'special_post', status: 'left' },
  'teachers.programmes.exportSummary': { year: 2022 },
  // 支教与表彰
  'teachers.support.exportNeeds': { schoolYear: '2022-2023' },
  'teachers.support.exportDispatches': { schoolYear: '2022-2023' },
  'teachers.honours.exportNominations': { status: 'nominated' },
};
const all = procedures();
const exports = all.filter((p) => p.meta?.export);

it('every procedure named export… is declared as an export, is a query, and has a filter here', () => {
  expect(all.filter((p) => p.path.split('.').at(-1)!.startsWith('export') && !p.meta?.export).map((p) => p.path)).toEqual([]);
  expect(exports.filter((p) => p.type !== 'query').map((p) => p.path)).toEqual([]);
  expect(exports.map((p) => p.path).sort()).toEqual(Object.keys(FILTERS).sort());
});

const load = async (base64: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
};
type Api = Awaited<ReturnType<typeof callerAs>>;
const call = (api: Api, path: string, input: unknown) =>
  (path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], api) as (i: unknown) => Promise<{ rows: number }>)(input);

describe.each(testEngines())('exports on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  }, 120_000);
  afterAll(() => database?.close());
  // One sign-in per account (the login limiter counts every sign-in from the test's one address).
  const cookies = new Map<string, string>();
  const callerFor = async (user: string) => {
    if (!cookies.has(user)) cookies.set(user, await signIn(database, user));
    return callerWithCookie(database, cookies.get(user)!);
  };

  it.each(exports.map((p) => p.path))('%s writes one audit record with the caller, the filter and the row count', async (path) => {
    const policy = all.find((p) => p.path === path)!.meta!.policy!;
    if (policy.access !== 'area') throw new Error('exports read an area');
    // The first demo account the domain lets read the area.
    const rows = await database.db.select({ username: tables.accounts.username, grants: tables.accounts.grants }).from(tables.accounts);
    const user = DEMO_ACCOUNTS.map((d) => rows.find((r) => r.username === d.username)!).find(
      (r) => authorize(GrantList.parse(r.grants), { area: policy.area, action: 'read' }).allowed,
    )!.username;
    const audited = () =>
      database.db
        .select()
        .from(tables.auditLog)
        .where(and(eq(tables.auditLog.action, path), eq(tables.auditLog.result, 'ok')));
    const before = (await audited()).length;
    const file = await call(await callerFor(user), path, FILTERS[path]);
    const after = await audited();
    expect(after.length - before).toBe(1);
    expect(typeof file.rows).toBe('number');
    expect(after.at(-1)).toMatchObject({
      actor: user,
      targetType: 'export',
      targetId: path,
      after: { filter: FILTERS[path] ?? {}, rows: file.rows },
    });
  });

  it('a county’s plan export shows the reports its task pages show, not the city’s own', async () => {
    const leiyang = await callerAs(database, 'leiyang');
    const tasks = await leiyang.plan.tasks.list({ year: 2022 });
    const task = tasks.find((t) => t.units.includes('430481'))!;
    await leiyang.plan.reports.submit({
      taskId: task.id,
      report: { period: '2022-05', status: 'in_progress', narrative: '耒阳市已完成摸底，正在制定方案。' },
    });
    const ws = (await load((await leiyang.plan.plans.export({ year: 2022 })).base64)).getWorksheet('落实情况')!;
    const shown = new Map<string, string>();
    for (const t of tasks) shown.set(t.code, (await leiyang.plan.tasks.byId({ taskId: t.id })).reports[0]?.period ?? '');
    const exported = new Map(ws.getRows(3, ws.rowCount - 2)!.map((r) => [String(r.getCell(2).value), String(r.getCell(10).value ?? '')]));
    expect(exported).toEqual(shown);
    expect(exported.get(task.code)).toBe('2022-05');
  });

  it('each list export holds exactly the rows of its list with the same filter', async () => {
    const hengnan = await callerFor('hengnan');
    const s = hengnan.safety;
    const page = { page: 1, pageSize: 1 };
    expect((await s.hazards.export({ status: 'pending' })).rows).toBe((await s.hazards.list({ ...page, status: 'pending' })).total);
    expect((await s.profiles.export({ term, show: 'all' })).rows).toBe((await s.profiles.list({ ...page, term, show: 'all' })).total);
    expect((await s.activities.export({})).rows).toBe((await s.activities.list(page)).total);
    expect((await s.incidents.export({})).rows).toBe((await s.incidents.list(page)).total);
    const f = hengnan.funding.projects;
    expect((await f.export({ schedule: 'late' })).rows).toBe((await f.list({ ...page, schedule: 'late' })).total);
    const training = hengnan.privateEdu.training;
    expect((await training.capacity.export()).rows).toBe((await training.capacity.list()).length);
    expect((await training.platform.exportUnmatched()).rows).toBe((await training.platform.unmatched(page)).total);
    const auditor = await callerFor('auditor');
    expect((await auditor.audit.export({ actor: 'hengnan' })).rows).toBe((await auditor.audit.search({ ...page, actor: 'hengnan' })).total);
  });
});
