import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, DEFAULT_SECURITY_POLICY, GrantList, type Area } from '@hyedu/domain';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, hashPassword, tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { appRouter } from './router.ts';
import { anonymousCaller, callerWithCookie, signIn } from './testing.ts';
import type { Meta } from './trpc.ts';

/**
 * The authorization matrix, generated from the router: every procedure × every role fixture. A new procedure
 * without an input fixture here, or without a declared policy, fails this test.
 */
const INPUTS: Record<string, unknown> = {
  'auth.me': undefined,
  'auth.login': { username: 'x', password: 'y' },
  'auth.logout': undefined,
  'auth.changePassword': { current: 'x', next: 'y' },
  'auth.sessions': undefined,
  'auth.revokeOtherSessions': undefined,
  'auth.totpBegin': undefined,
  'auth.totpConfirm': { code: '000000' },
  'auth.totpDisable': { password: 'x' },
  'admin.modules.list': undefined,
  'admin.moduleOrigins.list': undefined,
  'admin.moduleOrigins.add': { origin: 'https://matrix.example/not-an-origin', note: '矩阵测试，不应写入' },
  'admin.moduleOrigins.update': { origin: 'https://nobody.example', expectedVersion: 1, note: '矩阵' },
  'admin.moduleOrigins.remove': { origin: 'https://nobody.example', expectedVersion: 1 },
  'admin.accounts.list': { page: 1, pageSize: 5 },
  'admin.accounts.create': { username: 'matrixuser', displayName: '矩阵', initialPassword: 'weak' },
  'admin.accounts.update': { username: 'nobody', expectedVersion: 1, displayName: '无' },
  'admin.accounts.resetPassword': { username: 'nobody', expectedVersion: 1, initialPassword: 'weak' },
  'admin.departments.list': undefined,
  'admin.departments.create': { key: 'office', name: '办公室', module: null, sortOrder: 1 },
  'admin.departments.update': { key: 'nobody', expectedVersion: 1, name: '无', module: null, sortOrder: 1 },
  'admin.security.accounts': { page: 1, pageSize: 5 },
  'admin.security.units': undefined,
  'admin.security.departments': undefined,
  'admin.security.findSchools': { q: '中学' },
  'admin.security.setGrants': { username: 'nobody', expectedVersion: 1, grants: [] },
  'admin.security.unlock': { username: 'nobody', expectedVersion: 1 },
  'admin.security.resetTotp': { username: 'nobody', expectedVersion: 1 },
  'admin.security.policy': undefined,
  'admin.security.setPolicy': { policy: { ...DEFAULT_SECURITY_POLICY }, expectedVersion: 99 },
  'admin.modules.update': { key: 'funding', change: { version: '0.1.0' }, expectedUpdatedAt: '2000-01-01T00:00:00Z' },
  'audit.search': { page: 1, pageSize: 5 },
  'audit.verify': undefined,
  'audit.export': {},
  'dashboard.kpis': undefined,
  'dashboard.kpi': { kpiId: 'teachers.staffing-use' },
  'dashboard.kpiSchools': { kpiId: 'teachers.staffing-use', unitCode: '430422' },
  'dashboard.export': undefined,
  'dashboard.school': { schoolId: 999999 },
  'plan.exportStatus': { year: 2022 },
  'plan.template': undefined,
  'plan.importPlan': { fileName: 'x.txt', base64: '', dryRun: true },
  'plan.createPlan': { year: 1999, title: 'x', issuer: 'x', issuedOn: '2024-01-01', recipients: 'x', preamble: 'x', closing: '' },
  'plan.addItem': { year: 2099, sectionNo: 1, sectionTitle: 'x', title: 'x', text: 'x' },
  'plan.createTask': { year: 2099, task: { code: '1.1', itemNo: 1, title: 'x', lead: 'office', coOwners: [], units: [], milestones: [{ title: 'x', due: '2099-01-01' }], kpis: [] } },
  'plan.attach': { reportId: 999999, fileName: 'x.pdf', base64: '' },
  'plan.attachment': { id: 999999 },
  'plan.departments': undefined,
  'plan.tasks': { year: 2022 },
  'plan.task': { taskId: 1 },
  'plan.deadlines': { year: 2022 },
  'plan.reviewQueue': undefined,
  'plan.reportHistory': { reportId: 1 },
  'plan.submitReport': { taskId: 999999, report: { period: '2022-06', status: 'in_progress', narrative: '矩阵测试的报告内容，不应写入。' } },
  'plan.review': { reportId: 999999, expectedVersion: 1, action: 'review' },
  'plan.setMilestone': { milestoneId: 999999, expectedVersion: 1, doneOn: null },
  'plan.instructions': { year: 2022 },
  'plan.instruct': { year: 2022, itemNo: 99, text: '矩阵测试' },
  'plan.acknowledge': { instructionId: 999999 },
  'platform.health': undefined,
  'platform.modules': undefined,
  'platform.units': undefined,
  'platform.planYears': undefined,
  'platform.workPlan': { year: 2022 },
  'platform.registryByUnit': undefined,
  'platform.schools': { page: 1, pageSize: 5 },
  'platform.importProgress': { key: 'matrix-progress' },
  'safety.schools': { page: 1, pageSize: 5 },
  'safety.compliance': {},
  'safety.hazardSummary': undefined,
  'safety.settings': undefined,
  'safety.saveSettings': { fourth: 'x' },
  'safety.terms': undefined,
  'safety.profiles': { term: '2022-2023-1', page: 1, pageSize: 5 },
  'safety.submitProfile': {},
  'safety.reviewProfile': { id: 999999, expectedVersion: 1, action: 'review' },
  'safety.profileHistory': { id: 999999 },
  'safety.inspections': { page: 1, pageSize: 5 },
  'safety.addInspection': {},
  'safety.hazards': { page: 1, pageSize: 5 },
  'safety.hazard': { id: 999999 },
  'safety.hazardSources': undefined,
  'safety.access': undefined,
  'safety.reportHazard': {},
  'safety.setHazardDeadline': { id: 999999, expectedVersion: 1, deadline: '2022-01-01' },
  'safety.hazardStep': { id: 999999, expectedVersion: 1, action: 'start' },
  'safety.attachHazardFile': { id: 999999, phase: 'before', fileName: 'x.png', base64: '' },
  'safety.hazardFile': { id: 999999 },
  'safety.hazardHistory': { id: 999999 },
  'safety.activities': { page: 1, pageSize: 5 },
  'safety.coverage': undefined,
  'safety.addActivity': {},
  'safety.incidents': { page: 1, pageSize: 5 },
  'safety.incident': { id: 999999 },
  'safety.reportIncident': {},
  'safety.reportIncidentStage': { id: 999999, expectedVersion: 1, stage: 'follow_up', note: '矩阵测试' },
  'safety.incidentHistory': { id: 999999 },
  'safety.profileTemplate': undefined,
  'safety.hazardTemplate': undefined,
  'safety.importProfiles': { fileName: 'x.txt', base64: '', dryRun: true },
  'safety.importHazards': { fileName: 'x.txt', base64: '', dryRun: true },
  'safety.exportHazards': { q: '矩阵测试无此隐患' },
  'safety.exportProfiles': { term: '2022-2023-1', q: '矩阵测试无此学校' },
  'safety.exportActivities': { q: '矩阵测试无此活动' },
  'safety.exportIncidents': { q: '矩阵测试无此事件' },
  'privateEdu.overview': undefined,
  'privateEdu.schools': { page: 1, pageSize: 5 },
  'teachers.overview': undefined,
  'teachers.schools': { page: 1, pageSize: 5 },
  'funding.enrolmentByUnit': undefined,
};
/** Procedures that also read the area of what their fixture names (a KPI is shown only to those who may read its module). */
const ALSO_READS: Record<string, Area[]> = { 'dashboard.kpi': ['teachers'], 'dashboard.kpiSchools': ['teachers'] };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta; type: string } }>);
const areaProcedures = procedures.filter(([, p]) => p._def.meta?.policy?.access === 'area');

type Call = (api: Awaited<ReturnType<typeof anonymousCaller>>) => Promise<unknown>;
const call = (path: string): Call => (api) => {
  // Walk the caller along the dotted path (routers nest: admin.modules.update).
  const fn = path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], api) as (input?: unknown) => Promise<unknown>;
  return fn(INPUTS[path]);
};
// What the matrix checks is the access decision: refused (UNAUTHORIZED / FORBIDDEN) or let through ('ok' — a let-through
// call may still answer CONFLICT or NOT_FOUND on its own merits, e.g. the stale version in the update fixture).
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof TRPCError ? (e.code === 'UNAUTHORIZED' || e.code === 'FORBIDDEN' ? e.code : 'ok') : `ERROR ${String(e)}`),
  );

it('every procedure has an input fixture in the matrix', () => {
  expect(procedures.map(([p]) => p).filter((p) => !(p in INPUTS))).toEqual([]);
});

describe.each(testEngines())('authorization matrix on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const hash = await hashPassword(DEMO_PASSWORD);
    const long_ago = new Date(Date.now() - 100 * 86_400_000);
    await database.db.insert(tables.accounts).values([
      { username: 'noscope', displayName: '无权限账号', passwordHash: hash, passwordChangedAt: new Date(), mustChangePassword: false, grants: [] },
      { username: 'expired', displayName: '密码过期账号', passwordHash: hash, passwordChangedAt: long_ago, mustChangePassword: false, grants: [{ role: 'leader' }] },
      { username: 'disabled', displayName: '停用账号', passwordHash: hash, passwordChangedAt: new Date(), mustChangePassword: false, grants: [{ role: 'leader' }] },
      // An administrator who has not set up the second factor yet: nothing but the setup is open.
      { username: 'nototp', displayName: '未绑定动态口令的管理员', passwordHash: hash, passwordChangedAt: new Date(), mustChangePassword: false, grants: [{ role: 'sysadmin' }] },
    ]);
    for (const a of [...DEMO_ACCOUNTS.map((d) => d.username), 'noscope', 'expired', 'disabled', 'nototp']) cookies.set(a, await signIn(database, a));
    await database.db.update(tables.accounts).set({ disabled: true }).where(eq(tables.accounts.username, 'disabled'));
  }, 120_000);
  afterAll(() => database?.close());

  it.each(areaProcedures.map(([path, p]) => [path, p._def.meta!.policy!] as const))('%s', async (path, policy) => {
    if (policy.access !== 'area') throw new Error('unreachable');
    const run = call(path);
    expect(await outcome(run(await anonymousCaller(database))), 'anonymous').toBe('UNAUTHORIZED');
    expect(await outcome(run(await callerWithCookie(database, cookies.get('disabled')!))), 'disabled').toBe('UNAUTHORIZED');
    expect(await outcome(run(await callerWithCookie(database, cookies.get('expired')!))), 'expired password').toBe('FORBIDDEN');
    expect(await outcome(run(await callerWithCookie(database, cookies.get('noscope')!))), 'no scope').toBe('FORBIDDEN');
    expect(await outcome(run(await callerWithCookie(database, cookies.get('nototp')!))), 'administrator without TOTP').toBe('FORBIDDEN');
    for (const demo of DEMO_ACCOUNTS) {
      const [row] = await database.db.select({ grants: tables.accounts.grants }).from(tables.accounts).where(eq(tables.accounts.username, demo.username));
      const grants = GrantList.parse(row?.grants);
      const allowed = [policy.area, ...(ALSO_READS[path] ?? [])].every((area) => authorize(grants, { area, action: policy.action }).allowed);
      const expected = allowed ? 'ok' : 'FORBIDDEN';
      expect(await outcome(run(await callerWithCookie(database, cookies.get(demo.username)!))), demo.username).toBe(expected);
    }
  });

  it('county and school users get only their own rows from every list, whatever they ask for', async () => {
    const lists = ['platform.schools', 'safety.schools', 'privateEdu.schools', 'teachers.schools', 'safety.hazards', 'safety.inspections', 'safety.activities', 'safety.incidents'];
    for (const [user, unit, other] of [['hengnan', '430422', '430481'], ['school', '430422', '430481']] as const) {
      const api = await callerWithCookie(database, cookies.get(user)!);
      for (const path of lists) {
        const [ns, name] = path.split('.') as [string, string];
        const fn = (api as unknown as Record<string, Record<string, (input: unknown) => Promise<{ total: number; rows: { unitCode: string }[] }>>>)[ns]![name]!;
        const mine = await fn({ page: 1, pageSize: 100 });
        expect(mine.rows.every((r) => r.unitCode === unit), `${user} ${path}`).toBe(true);
        expect((await fn({ page: 1, pageSize: 100, unitCode: other })).total, `${user} ${path} → ${other}`).toBe(0);
      }
    }
    const school = await callerWithCookie(database, cookies.get('school')!);
    expect((await school.platform.schools({ page: 1, pageSize: 100 })).total).toBe(1);
  });
});
