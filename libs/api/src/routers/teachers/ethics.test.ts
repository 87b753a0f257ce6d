import { and, asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { idCardCheckChar } from '@hyedu/domain';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

const AS_OF = '2022-11-30';
const { schools, accounts, teacherBlacklist, auditLog } = tables;
const id = (first17: string) => first17 + idCardCheckChar(first17);

describe.each(testEngines())('师德失范 cases on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  let schoolId = 0;
  let privateSchool = 0;
  let leiyangSchool = 0;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const [school] = await database.db.select().from(accounts).where(eq(accounts.username, 'school'));
    schoolId = (school!.grants as { schoolId: number }[])[0]!.schoolId;
    const [p] = await database.db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.unitCode, '430422'), eq(schools.ownership, 'private')))
      .orderBy(asc(schools.code))
      .limit(1);
    privateSchool = p!.id;
    const [l] = await database.db.select({ id: schools.id }).from(schools).where(eq(schools.unitCode, '430481')).limit(1);
    leiyangSchool = l!.id;
    for (const u of ['school', 'hengnan', 'leiyang', 'teachers', 'leader']) cookies.set(u, await signIn(database, u));
  }, 120_000);
  afterAll(() => database?.close());

  const views = async (action: string) =>
    (
      await database.db
        .select({ after: auditLog.after })
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.actor, 'hengnan'), eq(auditLog.result, 'ok')))
    ).length;

  it('a school reports a clue; only the county’s ethics role and the city see cases, and every view is audited', async () => {
    const [school, hengnan, leiyang, leader] = await Promise.all([as('school'), as('hengnan'), as('leiyang'), as('leader')]);
    const { id: caseId } = await school.teachers.ethics.report({
      idNumber: id('43042219880606001'),
      name: '孙某',
      schoolId,
      clause: 10,
      clueSource: 'report',
      clue: '家长反映该教师在校外组织有偿补课。',
    });
    expect(await failure(school.teachers.ethics.list({ page: 1, pageSize: 20 }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(leiyang.teachers.ethics.list({ page: 1, pageSize: 20 }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(leader.teachers.ethics.byId({ id: caseId }))).toMatchObject({ code: 'FORBIDDEN' });
    const before = await views('teachers.ethics.list');
    const list = await hengnan.teachers.ethics.list({ page: 1, pageSize: 20, status: 'clue' });
    expect(list.rows.map((r) => r.id)).toContain(caseId);
    await hengnan.teachers.ethics.byId({ id: caseId });
    expect(await views('teachers.ethics.list')).toBe(before + 1);
    expect(await views('teachers.ethics.byId')).toBeGreaterThan(0);
    const [last] = await database.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'teachers.ethics.list'), eq(auditLog.result, 'ok')))
      .orderBy(desc(auditLog.id));
    expect(last!.after).toMatchObject({ input: { status: 'clue' } });
    expect((await hengnan.teachers.ethics.byId({ id: caseId })).idNumber).toMatch(/^4304\*{10}\d{3}[\dX]$/);
  });

  it('walks a case to a decision that revokes the certificate and blacklists; the gate then refuses the person in another county', async () => {
    const [school, hengnan, city, leiyang] = await Promise.all([as('school'), as('hengnan'), as('teachers'), as('leiyang')]);
    const person = id('43042219860707002');
    const { id: caseId } = await school.teachers.ethics.report({
      idNumber: person,
      name: '周某',
      schoolId,
      clause: 5,
      clueSource: 'complaint',
      clue: '学生家长举报该教师体罚学生致伤。',
    });
    let v = 1;
    const take = async (action: 'verify' | 'file' | 'investigate', reason?: string) =>
      (v = (await hengnan.teachers.ethics.step({ id: caseId, expectedVersion: v, action, reason })).version);
    // two reviewers verify at once: one wins
    const both = await Promise.allSettled([
      hengnan.teachers.ethics.step({ id: caseId, expectedVersion: 1, action: 'verify' }),
      city.teachers.ethics.step({ id: caseId, expectedVersion: 1, action: 'verify' }),
    ]);
    expect(both.filter((b) => b.status === 'rejected')).toHaveLength(1);
    v = 2;
    await take('file');
    await take('investigate');
    expect(await failure(hengnan.teachers.ethics.notify({ id: caseId, expectedVersion: v, notifiedOn: '2022-11-25' }))).toMatchObject({
      code: 'CONFLICT',
      message: '请先填写调查认定的事实',
    });
    v = (
      await hengnan.teachers.ethics.saveFindings({
        id: caseId,
        expectedVersion: v,
        findings: '经调查核实，该教师罚站并推搡学生致其轻微擦伤。',
      })
    ).version;
    expect(await failure(hengnan.teachers.ethics.notify({ id: caseId, expectedVersion: v, notifiedOn: '2022-12-25' }))).toMatchObject({
      message: '告知日期不能晚于今天',
    });
    v = (await hengnan.teachers.ethics.notify({ id: caseId, expectedVersion: v, notifiedOn: '2022-11-25' })).version;
    v = (
      await hengnan.teachers.ethics.saveDefence({ id: caseId, expectedVersion: v, defence: '本人承认错误，请求从轻处理。', hearing: false })
    ).version;
    const decision = {
      id: caseId,
      expectedVersion: v,
      handling: 'expulsion' as const,
      effectiveOn: '2022-11-28',
      certificate: 'revoked' as const,
      blacklist: false,
      text: '经研究，给予开除处分，撤销其教师资格。',
    };
    expect(await failure(hengnan.teachers.ethics.decide(decision))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '开除或撤销、丧失教师资格的，应列入黑名单',
    });
    expect(await failure(hengnan.teachers.ethics.decide({ ...decision, blacklist: true, blacklistUntil: '2025-11-28' }))).toMatchObject({
      message: '撤销教师资格的，黑名单期限不得早于2027-11-28（5年内不得重新申请）',
    });
    await hengnan.teachers.ethics.decide({ ...decision, blacklist: true, blacklistUntil: '2027-11-28' });
    const byId = await hengnan.teachers.ethics.byId({ id: caseId });
    expect(byId).toMatchObject({ status: 'decided', handling: 'expulsion', blacklist: { from: '2022-11-28', until: '2027-11-28' } });
    expect(byId.allowed).toEqual(['execute', 'appeal']);
    expect(await database.db.select().from(teacherBlacklist).where(eq(teacherBlacklist.caseId, caseId))).toHaveLength(1);

    // the gate, in another county
    const hire = {
      idNumber: person,
      name: '周某',
      schoolId: leiyangSchool,
      employment: 'contract' as const,
      post: 'teacher' as const,
      certificateNo: '20164300022001234',
      joinedOn: '2022-11-29',
      query: { queriedOn: '2022-11-20', result: 'clear' as const },
    };
    expect(await failure(leiyang.teachers.staff.hire(hire))).toMatchObject({ message: '不符合准入条件' });
    expect(await failure(city.teachers.staff.hire(hire))).toMatchObject({ message: '该人员在师德失范黑名单期限内，不得录用' });

    await hengnan.teachers.ethics.step({ id: caseId, expectedVersion: byId.version, action: 'execute' });
    await hengnan.teachers.ethics.step({ id: caseId, expectedVersion: byId.version + 1, action: 'close' });
    expect((await hengnan.teachers.ethics.byId({ id: caseId })).closedAt).not.toBeNull();
    const history = await hengnan.teachers.ethics.history({ id: caseId });
    expect(history.length).toBeGreaterThanOrEqual(9);
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('a private school’s teacher receives no 处分; a clue may be dismissed with a reason', async () => {
    const hengnan = await as('hengnan');
    const { id: caseId } = await hengnan.teachers.ethics.report({
      idNumber: id('43042219950909003'),
      name: '吴某',
      schoolId: privateSchool,
      clause: 9,
      clueSource: 'complaint',
      clue: '家长反映该教师收受家长购物卡。',
    });
    expect(await failure(hengnan.teachers.ethics.step({ id: caseId, expectedVersion: 1, action: 'dismiss' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请填写不予立案原因',
    });
    let v = 1;
    for (const action of ['verify', 'file', 'investigate'] as const)
      v = (await hengnan.teachers.ethics.step({ id: caseId, expectedVersion: v, action })).version;
    v = (await hengnan.teachers.ethics.saveFindings({ id: caseId, expectedVersion: v, findings: '经核实，该教师收受购物卡一张，已退还。' }))
      .version;
    v = (await hengnan.teachers.ethics.notify({ id: caseId, expectedVersion: v, notifiedOn: '2022-11-26' })).version;
    const decide = (handling: 'warning' | 'admonition') =>
      hengnan.teachers.ethics.decide({
        id: caseId,
        expectedVersion: v,
        handling,
        effectiveOn: '2022-11-28',
        certificate: 'none',
        blacklist: false,
        text: '经研究，对该教师作出处理如下。',
      });
    expect(await failure(decide('warning'))).toMatchObject({
      message: '民办学校教师不适用处分，请选择批评教育、诫勉谈话、责令检查或通报批评',
    });
    await decide('admonition');
    expect(await database.db.select().from(teacherBlacklist).where(eq(teacherBlacklist.caseId, caseId))).toEqual([]);
  });
  /** A case of the hengnan school walked by the county to a decision (its version returned). */
  async function decided(person: string, decision: Record<string, unknown>) {
    const hengnan = await as('hengnan');
    const { id: caseId } = await hengnan.teachers.ethics.report({
      idNumber: person,
      name: '郑某',
      schoolId,
      clause: 7,
      clueSource: 'referral',
      clue: '公安机关移送该教师涉嫌违法的材料。',
    });
    let v = 1;
    for (const action of ['verify', 'file', 'investigate'] as const)
      v = (await hengnan.teachers.ethics.step({ id: caseId, expectedVersion: v, action })).version;
    v = (
      await hengnan.teachers.ethics.saveFindings({ id: caseId, expectedVersion: v, findings: '经调查核实，该教师存在严重违反准则的行为。' })
    ).version;
    v = (await hengnan.teachers.ethics.notify({ id: caseId, expectedVersion: v, notifiedOn: '2022-11-20' })).version;
    v = (
      await hengnan.teachers.ethics.decide({
        id: caseId,
        expectedVersion: v,
        effectiveOn: '2022-11-25',
        text: '经研究，对该教师作出处理如下。',
        ...decision,
      } as never)
    ).version;
    return { caseId, v };
  }

  it('a review upholds the decision or changes it; a changed decision lifts or rewrites the 黑名单 entry', async () => {
    const [hengnan, city] = await Promise.all([as('hengnan'), as('teachers')]);
    const { caseId, v } = await decided(id('43042219870303004'), {
      handling: 'expulsion',
      certificate: 'revoked',
      blacklist: true,
      blacklistUntil: '2027-11-25',
    });
    let version = (await hengnan.teachers.ethics.step({ id: caseId, expectedVersion: v, action: 'appeal', reason: '当事人认为处理过重' }))
      .version;
    // the review is its own procedure now
    expect(await failure(hengnan.teachers.ethics.step({ id: caseId, expectedVersion: version, action: 'review' as never }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(
      await failure(
        hengnan.teachers.ethics.review({ id: caseId, expectedVersion: version, outcome: 'upheld', reason: '维持', handling: 'warning' }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', message: '维持原决定的，不填写新的处理内容' });
    const change = {
      id: caseId,
      expectedVersion: version,
      outcome: 'changed' as const,
      reason: '经复核，原处理偏重',
      handling: 'demotion' as const,
      effectiveOn: '2022-11-25',
      certificate: 'none' as const,
      blacklist: false,
      text: '经复核，改为降低岗位等级处分。',
    };
    expect(await failure(hengnan.teachers.ethics.review({ ...change, handling: 'expulsion' }))).toMatchObject({
      message: '开除或撤销、丧失教师资格的，应列入黑名单',
    });
    // the review moves the case's version: a lift on the version the city read conflicts
    await hengnan.teachers.ethics.review(change);
    expect(await failure(city.teachers.ethics.lift({ id: caseId, expectedVersion: version, reason: '同时解除' }))).toMatchObject({
      code: 'CONFLICT',
    });
    const after = await hengnan.teachers.ethics.byId({ id: caseId });
    expect(after).toMatchObject({
      status: 'decided',
      handling: 'demotion',
      certificate: 'none',
      sanctionEndsOn: '2024-11-25',
      reviewOutcome: 'changed',
      reviewReason: '经复核，原处理偏重',
      blacklist: { liftedOn: AS_OF, standing: 'lifted' },
    });
    // the person is no longer refused by the gate
    const [entry] = await database.db.select().from(teacherBlacklist).where(eq(teacherBlacklist.caseId, caseId));
    expect(entry!.liftReason).toBe('复核变更决定：经复核，原处理偏重');
    // a second appeal, and the decision changed back to one that blacklists: the entry is restored with the new dates
    version = (await hengnan.teachers.ethics.step({ id: caseId, expectedVersion: after.version, action: 'appeal', reason: '再次申诉' }))
      .version;
    version = (
      await hengnan.teachers.ethics.review({
        ...change,
        expectedVersion: version,
        handling: 'expulsion',
        blacklist: true,
        text: '经复核，改为开除处分，永久列入黑名单。',
      })
    ).version;
    expect((await hengnan.teachers.ethics.byId({ id: caseId })).blacklist).toMatchObject({
      until: null,
      liftedOn: null,
      standing: 'active',
    });
    version = (await hengnan.teachers.ethics.step({ id: caseId, expectedVersion: version, action: 'appeal', reason: '第三次申诉' }))
      .version;
    await hengnan.teachers.ethics.review({ id: caseId, expectedVersion: version, outcome: 'upheld', reason: '原决定事实清楚，维持' });
    expect(await hengnan.teachers.ethics.byId({ id: caseId })).toMatchObject({ handling: 'expulsion', reviewOutcome: 'upheld' });
    const trail = await hengnan.teachers.ethics.history({ id: caseId });
    expect(trail.some((h) => JSON.stringify(h).includes('changed'))).toBe(true);
  });

  it('only the city department lifts an entry, with reasons; never a 丧失, not within a 撤销’s bar; the list shows it', async () => {
    const [hengnan, city, leiyang, school] = await Promise.all([as('hengnan'), as('teachers'), as('leiyang'), as('school')]);
    const permanent = await decided(id('43042219880404005'), { handling: 'expulsion', certificate: 'none', blacklist: true });
    expect(
      await failure(hengnan.teachers.ethics.lift({ id: permanent.caseId, expectedVersion: permanent.v, reason: '确有悔改' })),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: '只有市教育局教师工作科室可以解除黑名单',
    });
    expect((await hengnan.teachers.ethics.byId({ id: permanent.caseId })).blacklist?.liftRefusal).toBe(
      '只有市教育局教师工作科室可以解除黑名单',
    );
    expect((await city.teachers.ethics.byId({ id: permanent.caseId })).blacklist?.liftRefusal).toBeNull();
    expect(
      await failure(city.teachers.ethics.lift({ id: permanent.caseId, expectedVersion: permanent.v - 1, reason: '确有悔改' })),
    ).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await failure(city.teachers.ethics.lift({ id: permanent.caseId, expectedVersion: permanent.v, reason: '悔' }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    const lifted = await city.teachers.ethics.lift({ id: permanent.caseId, expectedVersion: permanent.v, reason: '经复查确有悔改表现' });
    expect(
      await failure(city.teachers.ethics.lift({ id: permanent.caseId, expectedVersion: lifted.version, reason: '再次解除' })),
    ).toMatchObject({
      code: 'CONFLICT',
      message: `该黑名单记录已于${AS_OF}解除`,
    });

    const lost = await decided(id('43042219890505006'), { handling: 'expulsion', certificate: 'lost', blacklist: true });
    expect(await failure(city.teachers.ethics.lift({ id: lost.caseId, expectedVersion: lost.v, reason: '申请解除' }))).toMatchObject({
      code: 'CONFLICT',
      message: '丧失教师资格的，永久列入黑名单，不得解除',
    });
    const revoked = await decided(id('43042219900606007'), {
      handling: 'expulsion',
      certificate: 'revoked',
      blacklist: true,
      blacklistUntil: '2028-01-01',
    });
    expect(await failure(city.teachers.ethics.lift({ id: revoked.caseId, expectedVersion: revoked.v, reason: '申请解除' }))).toMatchObject({
      message: '撤销教师资格的，2027-11-25前不得解除（5年内不得重新申请）',
    });

    const list = await hengnan.teachers.ethics.blacklist({ page: 1, pageSize: 50 });
    const mine = list.rows.find((r) => r.caseId === permanent.caseId)!;
    expect(mine).toMatchObject({ name: '郑某', until: null, liftedOn: AS_OF, liftReason: '经复查确有悔改表现', standing: 'lifted' });
    expect(mine.idNumber).toMatch(/^4304\*{10}\d{3}[\dX]$/);
    const active = await city.teachers.ethics.blacklist({ page: 1, pageSize: 50, standing: 'active', unitCode: '430422' });
    expect(active.rows.map((r) => r.caseId)).toEqual(expect.arrayContaining([lost.caseId, revoked.caseId]));
    expect(active.rows.map((r) => r.caseId)).not.toContain(permanent.caseId);
    expect((await city.teachers.ethics.blacklist({ page: 1, pageSize: 50, standing: 'lifted' })).rows.map((r) => r.caseId)).toContain(
      permanent.caseId,
    );
    expect(await failure(leiyang.teachers.ethics.blacklist({ page: 1, pageSize: 20 }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(school.teachers.ethics.blacklist({ page: 1, pageSize: 20 }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });
  it('a clue names a member of the school’s staff, or a name and an ID number', async () => {
    const [school, hengnan] = await Promise.all([as('school'), as('hengnan')]);
    const person = id('43042219910808008');
    const { id: staffId } = await hengnan.teachers.staff.hire({
      idNumber: person,
      name: '冯某',
      schoolId,
      employment: 'contract',
      post: 'service',
      joinedOn: '2022-11-01',
      query: { queriedOn: '2022-10-20', result: 'clear' },
    });
    const clue = { schoolId, clause: 6, clueSource: 'report' as const, clue: '学校报告该职工值班期间擅离岗位。' };
    expect(await failure(school.teachers.ethics.report(clue))).toMatchObject({ message: '请选择在岗人员，或填写姓名和身份证号' });
    expect(await failure(school.teachers.ethics.report({ ...clue, staffId, name: '冯某' }))).toMatchObject({
      message: '选择了在岗人员的，不再填写姓名和身份证号',
    });
    expect(await failure(school.teachers.ethics.report({ ...clue, schoolId: privateSchool, staffId }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const { id: caseId } = await school.teachers.ethics.report({ ...clue, staffId });
    const reported = await hengnan.teachers.ethics.byId({ id: caseId });
    expect(reported).toMatchObject({ name: '冯某', staffId, idNumber: `4304**********${person.slice(-4)}` });
  });
});
