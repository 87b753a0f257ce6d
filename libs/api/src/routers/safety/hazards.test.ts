import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { beijingDate } from '@hyedu/domain';
import { realPng } from '@hyedu/files/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

const PNG = realPng().toString('base64');
/** A refusal's code and its field-level problems (what the error formatter sends as `issues`). */
const fieldIssues = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) =>
      e instanceof TRPCError && e.cause instanceof z.ZodError
        ? { code: e.code, issues: e.cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) }
        : String(e),
  );
const CONFLICT = { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' };

describe.each(testEngines())('safety hazards on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!);
  let schoolId = 0;
  const today = beijingDate(new Date());
  const report = async (user = 'school', extra: Record<string, unknown> = {}) =>
    (await as(user)).safety.hazards.create({
      schoolId,
      source: 'self',
      category: 'fire',
      severity: 'ordinary',
      foundOn: today,
      location: '教学楼二楼',
      description: '二楼走廊灭火器压力不足',
      responsiblePerson: '张建国',
      ...extra,
    });
  const version = async (id: number) =>
    (await database.db.select({ v: tables.safetyHazards.version }).from(tables.safetyHazards).where(eq(tables.safetyHazards.id, id)))[0]!.v;

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

  it('runs the loop: school reports → county sets the deadline → school rectifies → county returns once with a reason → closes', async () => {
    const { id } = await report();
    const school = await as('school');
    const hengnan = await as('hengnan');
    expect((await school.safety.hazards.byId({ id })).allowed).toEqual([]); // no deadline yet: nothing for the school to do
    expect(await failure(school.safety.hazards.setDeadline({ id, expectedVersion: 1, deadline: today }))).toEqual({
      code: 'FORBIDDEN',
      message: '整改期限由县区教育局或市教育局确定',
    });
    expect(await failure(school.safety.hazards.step({ id, expectedVersion: 1, action: 'start' }))).toEqual({
      code: 'CONFLICT',
      message: '尚未确定整改期限，请等待县区教育局确定后再开始整改',
    });

    expect((await hengnan.safety.hazards.byId({ id })).allowed).toEqual(['set_deadline']);
    await hengnan.safety.hazards.setDeadline({ id, expectedVersion: 1, deadline: today });
    await school.safety.hazards.step({ id, expectedVersion: 2, action: 'start' });
    await school.safety.hazards.attach({ id, phase: 'after', fileName: '整改后.png', base64: PNG });
    await school.safety.hazards.step({ id, expectedVersion: 3, action: 'submit', measures: '已更换灭火器4具' });
    expect(await failure(school.safety.hazards.step({ id, expectedVersion: 4, action: 'close' }))).toEqual({
      code: 'FORBIDDEN',
      message: '验收由县区教育局或市教育局进行',
    });

    expect(await failure(hengnan.safety.hazards.step({ id, expectedVersion: 4, action: 'return' }))).toEqual({
      code: 'BAD_REQUEST',
      message: '请填写退回原因',
    });
    await hengnan.safety.hazards.step({ id, expectedVersion: 4, action: 'return', reason: '照片未显示灭火器压力表，请补充' });
    const returned = await school.safety.hazards.byId({ id });
    expect(returned).toMatchObject({
      status: 'rectifying',
      returns: 1,
      returnReason: '照片未显示灭火器压力表，请补充',
      measures: '已更换灭火器4具',
    });
    expect(returned.allowed).toEqual(['submit']);
    await school.safety.hazards.step({ id, expectedVersion: 5, action: 'submit' });
    await hengnan.safety.hazards.step({ id, expectedVersion: 6, action: 'close' });

    const closed = await hengnan.safety.hazards.byId({ id });
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'hengnan', submittedBy: 'school', overdue: false, allowed: [] });
    expect(closed.files).toEqual([expect.objectContaining({ phase: 'after', fileName: '整改后.png', mime: 'image/png' })]);
    const history = await school.safety.hazards.history({ id });
    expect(history.map((h) => `${h.actor} ${h.action}`)).toEqual([
      'school safety.reportHazard',
      'hengnan safety.hazard.set_deadline',
      'school safety.hazard.start',
      'school safety.attachHazardFile',
      'school safety.hazard.submit',
      'hengnan safety.hazard.return',
      'school safety.hazard.submit',
      'hengnan safety.hazard.close',
    ]);
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('two people closing the same hazard at once: one wins, the other is told it changed, nothing is overwritten', async () => {
    const { id } = await report('hengnan', { source: 'county', deadline: today });
    await (await as('school')).safety.hazards.step({ id, expectedVersion: 1, action: 'start' });
    await (await as('school')).safety.hazards.attach({ id, phase: 'after', fileName: '整改后.png', base64: PNG });
    await (await as('school')).safety.hazards.step({ id, expectedVersion: 2, action: 'submit' });
    const [a, b] = await Promise.allSettled([
      (await as('hengnan')).safety.hazards.step({ id, expectedVersion: 3, action: 'close' }),
      (await as('safety')).safety.hazards.step({ id, expectedVersion: 3, action: 'return', reason: '复查发现仍有隐患' }),
    ]);
    const outcomes = [a, b].map((r) => r.status);
    expect(outcomes.sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = [a, b].find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect({ code: rejected.reason.code, message: rejected.reason.message }).toEqual(CONFLICT);
    const row = await (await as('safety')).safety.hazards.byId({ id });
    expect(row.version).toBe(4);
    expect(row.status === 'closed' ? row.returns === 0 : row.returns === 1 && row.closedBy === null).toBe(true);
  });

  it('no 提交验收 and no 验收销号 without a 整改后 file: a 400 on that field, nothing written', async () => {
    const { id } = await report('hengnan', { source: 'county', deadline: today });
    const school = await as('school');
    const hengnan = await as('hengnan');
    await school.safety.hazards.step({ id, expectedVersion: 1, action: 'start' });
    await school.safety.hazards.attach({ id, phase: 'before', fileName: '整改前.png', base64: PNG }); // a 整改前 photo is not evidence of the rectification
    const submit = school.safety.hazards.step({ id, expectedVersion: 2, action: 'submit', measures: '已更换' });
    expect(await fieldIssues(submit)).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'afterFiles', message: '请先上传至少1个整改后照片或文件，再提交验收' }],
    });
    expect(await version(id)).toBe(2);
    // A hazard submitted without evidence before the rule (older data) cannot be accepted either; it can be returned.
    await database.db
      .update(tables.safetyHazards)
      .set({ status: 'awaiting_acceptance', submittedBy: 'school', submittedAt: new Date(), version: 3 })
      .where(eq(tables.safetyHazards.id, id));
    const close = hengnan.safety.hazards.step({ id, expectedVersion: 3, action: 'close' });
    expect(await fieldIssues(close)).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'afterFiles', message: '该隐患没有整改后照片或文件，不能验收销号，请退回并要求补充' }],
    });
    expect((await hengnan.safety.hazards.byId({ id })).status).toBe('awaiting_acceptance');
    await hengnan.safety.hazards.step({ id, expectedVersion: 3, action: 'return', reason: '请上传整改后照片' });
    await school.safety.hazards.attach({ id, phase: 'after', fileName: '整改后.png', base64: PNG });
    await school.safety.hazards.step({ id, expectedVersion: 4, action: 'submit' });
    expect((await hengnan.safety.hazards.step({ id, expectedVersion: 5, action: 'close' })).status).toBe('closed');
  });

  it('a county cannot read or change another county’s hazard; a school only its own; leadership only reads', async () => {
    const { id } = await report();
    const leiyang = await as('leiyang');
    const notFound = { code: 'NOT_FOUND', message: '隐患不存在或不在您的数据范围内' };
    expect(await failure(leiyang.safety.hazards.byId({ id }))).toEqual(notFound);
    expect(await failure(leiyang.safety.hazards.history({ id }))).toEqual(notFound);
    expect(await failure(leiyang.safety.hazards.setDeadline({ id, expectedVersion: 1, deadline: today }))).toEqual(notFound);
    expect(await failure(leiyang.safety.hazards.attach({ id, phase: 'before', fileName: 'a.png', base64: PNG }))).toEqual(notFound);
    expect(
      await failure(
        leiyang.safety.hazards.create({
          schoolId,
          source: 'county',
          category: 'fire',
          severity: 'major',
          foundOn: today,
          description: '越权登记的隐患',
          responsiblePerson: '李四',
        }),
      ),
    ).toEqual({ code: 'NOT_FOUND', message: '学校不存在或不在您的数据范围内' });
    const list = await leiyang.safety.hazards.list({ page: 1, pageSize: 100 });
    expect(list.rows.every((r) => r.unitCode === '430481')).toBe(true);
    expect(list.rows.some((r) => r.id === id)).toBe(false);
    const mine = await (await as('school')).safety.hazards.list({ page: 1, pageSize: 100 });
    expect(mine.rows.every((r) => r.schoolId === schoolId)).toBe(true);
    const leader = await as('leader');
    expect(await leader.safety.access()).toEqual({ level: 'city', canWrite: false, schoolId: null, canConfigure: false, sources: [] });
    expect(await (await as('school')).safety.access()).toMatchObject({ level: 'school', canWrite: true, schoolId, canConfigure: false });
    expect(await (await as('hengnan')).safety.access()).toMatchObject({
      level: 'county',
      canWrite: true,
      schoolId: null,
      canConfigure: false,
    });
    expect((await leader.safety.hazards.byId({ id })).allowed).toEqual([]);
    expect(await failure(leader.safety.hazards.setDeadline({ id, expectedVersion: 1, deadline: today }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await version(id)).toBe(1);
  });

  it('a school records only its own checks; field errors are per field; a 重大 hazard is visible to the city at once', async () => {
    expect(await failure(report('school', { source: 'city' }))).toEqual({ code: 'FORBIDDEN', message: '您不能登记“市局检查”发现的隐患' });
    const bad = await (
      await as('school')
    ).safety.hazards
      .create({
        schoolId,
        source: 'self',
        category: 'fire',
        severity: 'major',
        foundOn: today,
        description: '短',
        responsiblePerson: '',
      })
      .catch((e) => e);
    expect(bad.code).toBe('BAD_REQUEST');
    const { id } = await report('school', { severity: 'major', category: 'buildings', description: '宿舍楼外墙瓷砖大面积空鼓' });
    const city = await (await as('safety')).safety.hazards.list({ page: 1, pageSize: 20, severity: 'major', status: 'pending' });
    expect(city.rows.some((r) => r.id === id)).toBe(true);
  });

  it('refuses a file that is not what its name says, or whose body is not a picture', async () => {
    const { id } = await report();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]).toString('base64');
    expect(
      await failure((await as('school')).safety.hazards.attach({ id, phase: 'before', fileName: 'photo.png', base64: exe })),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    const page = Buffer.concat([realPng().subarray(0, 8), Buffer.from('<html><body>点击领取</body></html>')]).toString('base64');
    expect(
      await failure((await as('school')).safety.hazards.attach({ id, phase: 'before', fileName: 'photo.png', base64: page })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('图片无法解码') });
    const trailing = Buffer.concat([realPng(), Buffer.from('<script>alert(1)</script>')]).toString('base64');
    expect(
      await failure((await as('school')).safety.hazards.attach({ id, phase: 'before', fileName: 'photo.png', base64: trailing })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('末尾附带了其他数据') });
    const count = await database.db
      .select()
      .from(tables.attachments)
      .where(and(eq(tables.attachments.ownerId, id), eq(tables.attachments.ownerType, 'safety_hazard:before')));
    expect(count).toHaveLength(0);
  });

  it('pages a long list by key: the pages after a cursor are the pages by offset; a forged cursor is refused in Chinese', async () => {
    for (let i = 0; i < 7; i++)
      await report('school', { severity: i % 3 === 0 ? 'major' : 'ordinary', foundOn: i < 4 ? today : '2022-03-01' });
    const city = await as('safety');
    const byOffset = await Promise.all([1, 2, 3].map((page) => city.safety.hazards.list({ page, pageSize: 2 })));
    let after: string | undefined;
    for (const [i, expected] of byOffset.entries()) {
      const page = await city.safety.hazards.list({ page: i + 1, pageSize: 2, after });
      expect(page.rows.map((r) => r.id)).toEqual(expected.rows.map((r) => r.id));
      expect(page.total).toBe(expected.total);
      after = page.next ?? undefined;
    }
    expect(await failure(city.safety.hazards.list({ page: 2, pageSize: 2, after: Buffer.from('["x"]').toString('base64url') }))).toEqual({
      code: 'BAD_REQUEST',
      message: '翻页位置无效，请从第一页重新翻页',
    });
  });

  it('accepts several hazards at once, each on its own: the others are done when one is refused, and the refusal says why', async () => {
    const school = await as('school');
    const hengnan = await as('hengnan');
    const awaiting = async (evidence = true) => {
      const { id } = await report('hengnan', { source: 'county', deadline: today });
      await school.safety.hazards.step({ id, expectedVersion: 1, action: 'start' });
      if (evidence) await school.safety.hazards.attach({ id, phase: 'after', fileName: '整改后.png', base64: PNG });
      if (evidence) await school.safety.hazards.step({ id, expectedVersion: await version(id), action: 'submit' });
      return { id, expectedVersion: await version(id) };
    };
    const a = await awaiting();
    const b = await awaiting();
    const outcome = await hengnan.safety.hazards.stepMany({
      action: 'close',
      items: [a, { id: b.id, expectedVersion: b.expectedVersion + 5 }, { id: b.id, expectedVersion: b.expectedVersion }],
    });
    expect(outcome).toEqual({
      done: 2,
      results: [
        { id: a.id, ok: true, status: 'closed' },
        { id: b.id, ok: false, message: '该记录已被他人修改，请刷新后重新提交' },
        { id: b.id, ok: true, status: 'closed' },
      ],
    });
    // A school cannot accept (the refusal is audited, as a single step's is); a step that needs a reason is taken one by one.
    const c = await awaiting();
    const denied = () =>
      database.db
        .select()
        .from(tables.auditLog)
        .where(and(eq(tables.auditLog.action, 'safety.hazards.stepMany'), eq(tables.auditLog.result, 'denied')));
    const deniedBefore = (await denied()).length;
    expect((await school.safety.hazards.stepMany({ action: 'close', items: [c] })).results).toEqual([
      { id: c.id, ok: false, message: '验收由县区教育局或市教育局进行' },
    ]);
    expect((await denied()).length).toBe(deniedBefore + 1);
    expect(await fieldIssues(hengnan.safety.hazards.stepMany({ action: 'return', items: [c] }))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'action', message: '“退回”不能批量办理，请逐条办理' }],
    });
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('withdraws, corrects and voids with a reason; the history keeps what each was; a voided hazard counts nowhere', async () => {
    const school = await as('school');
    const hengnan = await as('hengnan');
    const { id } = await report('school', { deadline: today });
    await school.safety.hazards.step({ id, expectedVersion: 1, action: 'start' });
    await school.safety.hazards.attach({ id, phase: 'after', fileName: '整改后.png', base64: PNG });
    await school.safety.hazards.step({ id, expectedVersion: 2, action: 'submit', measures: '已更换灭火器' });
    expect(await school.safety.hazards.byId({ id })).toMatchObject({ allowed: [], corrections: ['withdraw'] });
    expect(await fieldIssues(school.safety.hazards.step({ id, expectedVersion: 3, action: 'withdraw', reason: '错' }))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'reason', message: '撤回原因至少写2个字' }],
    });
    await school.safety.hazards.step({ id, expectedVersion: 3, action: 'withdraw', reason: '整改后照片传错了' });
    expect(await school.safety.hazards.byId({ id })).toMatchObject({
      status: 'rectifying',
      submittedBy: null,
      version: 4,
      correctable: ['foundOn', 'location', 'description', 'responsiblePerson'],
    });
    expect((await hengnan.safety.hazards.byId({ id })).correctable).toEqual([
      'category',
      'severity',
      'foundOn',
      'location',
      'description',
      'responsiblePerson',
    ]);

    // 更正: the school corrects where and who, not how grave; nothing changed is no correction.
    expect(await failure(school.safety.hazards.correct({ id, expectedVersion: 4, severity: 'major', reason: '判断有误' }))).toEqual({
      code: 'FORBIDDEN',
      message: '隐患类别和严重程度的更正由县区教育局或市教育局进行',
    });
    expect(await fieldIssues(school.safety.hazards.correct({ id, expectedVersion: 4, location: '教学楼二楼', reason: '核对' }))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'reason', message: '没有需要更正的内容：请修改至少一项' }],
    });
    await school.safety.hazards.correct({ id, expectedVersion: 4, location: '教学楼三楼', reason: '部位写错了' });
    await hengnan.safety.hazards.correct({ id, expectedVersion: 5, severity: 'major', reason: '涉及疏散通道，应为重大' });
    expect(await school.safety.hazards.byId({ id })).toMatchObject({ location: '教学楼三楼', severity: 'major', status: 'rectifying' });
    const history = await school.safety.hazards.history({ id });
    expect(history.filter((e) => e.action === 'safety.hazard.correct').map((e) => [e.before, e.after])).toEqual([
      [{ location: '教学楼二楼' }, { location: '教学楼三楼', reason: '部位写错了' }],
      [{ severity: 'ordinary' }, { severity: 'major', reason: '涉及疏散通道，应为重大' }],
    ]);

    // 作废: the county's, with a reason; then final, and out of every count.
    const before = (await hengnan.safety.hazards.summary()).find((u) => u.unitCode === '430422')!;
    expect(await failure(school.safety.hazards.step({ id, expectedVersion: 6, action: 'void', reason: '重复登记' }))).toEqual({
      code: 'FORBIDDEN',
      message: '作废由县区教育局或市教育局进行',
    });
    await hengnan.safety.hazards.step({ id, expectedVersion: 6, action: 'void', reason: '与第一条重复登记' });
    const voided = await school.safety.hazards.byId({ id });
    expect(voided).toMatchObject({ status: 'voided', allowed: [], corrections: [], canAttach: false });
    expect(await failure(school.safety.hazards.attach({ id, phase: 'after', fileName: '补充.png', base64: PNG }))).toEqual({
      code: 'CONFLICT',
      message: '隐患已作废，不能再添加附件',
    });
    const after = (await hengnan.safety.hazards.summary()).find((u) => u.unitCode === '430422')!;
    expect([after.total, after.open, after.majorOpen]).toEqual([before.total - 1, before.open - 1, before.majorOpen - 1]);
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });
});
