import { TRPCError } from '@trpc/server';
import { and, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { idCardCheckChar } from '@hyedu/domain';
import { GCM_SCHOOL_LEVELS } from '@hyedu/domain/private-edu';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

/** The business date the cases are worked on: before the 2022-06-30 deadline. */
const AS_OF = '2022-05-20';
const CONFLICT = { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' };
/** A valid ID number born on that day with that sequence. */
const idNumber = (birth: string, seq: string) => `430422${birth}${seq}${idCardCheckChar(`430422${birth}${seq}`)}`;
/** A refusal's code and its field-level problems (what the error formatter sends as `issues`). */
const fieldIssues = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) =>
      e instanceof TRPCError && e.cause instanceof z.ZodError
        ? { code: e.code, issues: e.cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) }
        : String(e),
  );
const { privateConversions: pc, privateLevers: lv, schools, schoolEnrolment: en } = tables;

describe.each(testEngines())('公参民治理案 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  /** 民办 compulsory schools of a county without a case yet (the demo seed opens cases for some schools). */
  const freeSchools = async (unitCode: string) =>
    (
      await database.db
        .select({ id: schools.id, name: schools.name })
        .from(schools)
        .leftJoin(pc, eq(pc.schoolId, schools.id))
        .where(
          and(
            eq(schools.unitCode, unitCode),
            eq(schools.ownership, 'private'),
            inArray(schools.level, [...GCM_SCHOOL_LEVELS]),
            isNull(pc.id),
          ),
        )
        .orderBy(schools.id)
    ).map((s) => s.id);
  const next = async () => (await freeSchools('430422'))[0]!;
  const open = async (schoolId: number, extra: Record<string, unknown> = {}) =>
    (await as('hengnan')).privateEdu.conversions.create({ schoolId, type: 'sole', publicPartner: '衡南县第一中学', ...extra });
  const plan = { disposal: 'to_public' as const, plan: '随校转为公办，资产划转县教育局，教师随校安置。' };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    for (const u of ['school', 'hengnan', 'privedu']) cookies.set(u, await signIn(database, u));
    // The registry has few 民办 compulsory schools per county: some public ones of 430422 are taken as 民办 for these tests.
    const missing = 8 - (await freeSchools('430422')).length;
    if (missing > 0) {
      const extra = await database.db
        .select({ id: schools.id })
        .from(schools)
        .where(and(eq(schools.unitCode, '430422'), eq(schools.ownership, 'public'), inArray(schools.level, ['primary', 'junior'])))
        .orderBy(schools.id)
        .limit(missing);
      await database.db
        .update(schools)
        .set({ ownership: 'private' })
        .where(
          inArray(
            schools.id,
            extra.map((x) => x.id),
          ),
        );
    }
  }, 120_000);
  afterAll(() => database?.close());

  it('runs 摸底 → 方案 → 退回 with a reason → 报送 → 审核通过 → 教师安置 and the checklist → 完成 → 验收, writing the lever and the registry', async () => {
    const hengnan = await as('hengnan');
    const privedu = await as('privedu');
    const schoolId = await next();
    const { id } = await open(schoolId);
    expect(await failure(open(schoolId))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/已有公参民治理案，不能重复登记$/),
    });
    let c = await hengnan.privateEdu.conversions.byId({ id });
    expect(c).toMatchObject({ status: 'surveyed', version: 1, allowed: ['submit_plan'], canPlan: true, disposals: ['to_public'] });
    expect(c.needs).toEqual({ submit_plan: '请先确定处置方式' });
    expect(await failure(hengnan.privateEdu.conversions.step({ id, expectedVersion: 1, action: 'submit_plan' }))).toMatchObject({
      message: '请先确定处置方式',
    });
    expect(await fieldIssues(hengnan.privateEdu.conversions.savePlan({ id, expectedVersion: 1, ...plan, disposal: 'withdraw' }))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'disposal', message: '“公办学校单独举办”的学校应转为公办' }],
    });
    await hengnan.privateEdu.conversions.savePlan({ id, expectedVersion: 1, ...plan });
    expect((await hengnan.privateEdu.conversions.byId({ id })).needs).toEqual({});
    await hengnan.privateEdu.conversions.step({ id, expectedVersion: 2, action: 'submit_plan' });
    expect(await failure(hengnan.privateEdu.conversions.savePlan({ id, expectedVersion: 3, ...plan }))).toMatchObject({ code: 'CONFLICT' });

    const inbox = async (user: string) =>
      ((await (await as(user)).inbox.list()).find((g) => g.kind === 'conversion')?.items ?? []).find((i) => i.id === id);
    expect(await inbox('privedu')).toMatchObject({
      state: 'under_review',
      steps: ['approve_plan', 'return_plan'],
      due: '2022-06-30',
      overdue: false,
    });
    expect(await inbox('hengnan')).toBeUndefined();
    expect((await (await as('school')).inbox.list()).some((g) => g.kind === 'conversion')).toBe(false);
    expect(await fieldIssues(privedu.privateEdu.conversions.step({ id, expectedVersion: 3, action: 'return_plan' }))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'reason', message: '请填写退回原因' }],
    });
    await privedu.privateEdu.conversions.step({ id, expectedVersion: 3, action: 'return_plan', reason: '教师安置方案不具体' });
    c = await hengnan.privateEdu.conversions.byId({ id });
    expect(c).toMatchObject({ status: 'surveyed', returnReason: '教师安置方案不具体', allowed: ['submit_plan'] });
    await hengnan.privateEdu.conversions.savePlan({ id, expectedVersion: 4, ...plan, plan: `${plan.plan}在编教师12人随校转入。` });
    await hengnan.privateEdu.conversions.step({ id, expectedVersion: 5, action: 'submit_plan' });
    expect(await failure(hengnan.privateEdu.conversions.step({ id, expectedVersion: 6, action: 'approve_plan' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    await privedu.privateEdu.conversions.step({ id, expectedVersion: 6, action: 'approve_plan' });
    expect(await inbox('hengnan')).toMatchObject({ state: 'implementing', steps: ['complete'] });
    const [planned] = await database.db.select().from(lv).where(eq(lv.conversionId, id));
    expect(planned).toMatchObject({
      schoolId,
      unitCode: '430422',
      kind: 'to_public',
      status: 'planned',
      plannedYear: '2022-2023',
      students: null,
    });

    const teacher = { caseId: id, name: '李秀英', staffStatus: 'in_quota' as const };
    expect(await fieldIssues(hengnan.privateEdu.conversions.addTeacher({ ...teacher, idNumber: '430422198001011230' }))).toMatchObject({
      code: 'BAD_REQUEST',
      issues: [{ path: 'idNumber', message: expect.stringMatching(/^身份证号/) }],
    });
    const number = idNumber('19800101', '123');
    const added = await hengnan.privateEdu.conversions.addTeacher({ ...teacher, idNumber: number.toLowerCase() });
    expect(await failure(hengnan.privateEdu.conversions.addTeacher({ ...teacher, name: '李秀英', idNumber: ` ${number} ` }))).toEqual({
      code: 'CONFLICT',
      message: '该教师（身份证号相同）已登记在本治理案中',
    });
    c = await hengnan.privateEdu.conversions.byId({ id });
    expect(c.teachers).toEqual([
      expect.objectContaining({ name: '李秀英', idNumber: `${number.slice(0, 4)}**********${number.slice(14)}`, placement: null }),
    ]);
    expect(JSON.stringify(await database.db.select().from(tables.privateConversionTeachers))).not.toContain(number);

    for (const task of ['assets', 'rename', 'legalPerson', 'students'] as const) {
      c = await hengnan.privateEdu.conversions.byId({ id });
      await hengnan.privateEdu.conversions.tick({ id, expectedVersion: c.version, task, doneOn: '2022-05-10' });
    }
    expect(
      await fieldIssues(hengnan.privateEdu.conversions.tick({ id, expectedVersion: c.version + 1, task: 'assets', doneOn: '2022-06-01' })),
    ).toEqual({ code: 'BAD_REQUEST', issues: [{ path: 'doneOn', message: '完成日期不能晚于今天' }] });
    c = await hengnan.privateEdu.conversions.byId({ id });
    expect(c.tasks.every((t) => t.doneOn === '2022-05-10')).toBe(true);
    expect(await failure(hengnan.privateEdu.conversions.step({ id, expectedVersion: c.version, action: 'complete' }))).toEqual({
      code: 'CONFLICT',
      message: '还有受影响的教师未安置，不能确认完成',
    });
    await hengnan.privateEdu.conversions.placeTeacher({
      id: added.id,
      expectedVersion: 1,
      placement: 'stays_converted',
      placedOn: '2022-05-15',
      placedAt: '随校',
    });
    expect(await failure(hengnan.privateEdu.conversions.step({ id, expectedVersion: c.version, action: 'complete' }))).toEqual(CONFLICT);
    c = await hengnan.privateEdu.conversions.byId({ id });
    await hengnan.privateEdu.conversions.step({ id, expectedVersion: c.version, action: 'complete' });
    c = await hengnan.privateEdu.conversions.byId({ id });
    expect(c).toMatchObject({
      status: 'completed',
      completedOn: AS_OF,
      standing: { converted: true, onTime: true, overdue: false },
      canTeachers: false,
    });
    const [done] = await database.db.select().from(lv).where(eq(lv.conversionId, id));
    expect(done).toMatchObject({ status: 'done', doneOn: AS_OF });
    const [school] = await database.db.select({ ownership: schools.ownership }).from(schools).where(eq(schools.id, schoolId));
    expect(school!.ownership).toBe('public');

    expect(await inbox('privedu')).toMatchObject({ state: 'completed', steps: ['accept', 'reject'], due: null });
    await privedu.privateEdu.conversions.step({ id, expectedVersion: c.version, action: 'accept' });
    expect(await inbox('privedu')).toBeUndefined();
    expect(await hengnan.privateEdu.conversions.byId({ id })).toMatchObject({ status: 'accepted', acceptedOn: AS_OF, allowed: [] });
    const list = await privedu.privateEdu.conversions.list({ page: 1, pageSize: 100, status: 'accepted', overdue: false });
    expect(list.rows.find((x) => x.id === id)).toMatchObject({ status: 'accepted', converted: true, overdue: false, completedOn: AS_OF });
    expect((await privedu.privateEdu.conversions.list({ page: 1, pageSize: 100, overdue: true })).rows.some((x) => x.id === id)).toBe(
      false,
    );

    const history = await hengnan.privateEdu.conversions.history({ id });
    expect(history.map((e) => e.action)).toEqual([
      'privateEdu.conversion.create',
      'privateEdu.conversion.savePlan',
      'privateEdu.conversion.submit_plan',
      'privateEdu.conversion.return_plan',
      'privateEdu.conversion.savePlan',
      'privateEdu.conversion.submit_plan',
      'privateEdu.conversion.approve_plan',
      ...Array(4).fill('privateEdu.conversion.tick'),
      'privateEdu.conversion.complete',
      'privateEdu.conversion.accept',
    ]);
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('lets one of two concurrent approvals win; the other is a CONFLICT', async () => {
    const hengnan = await as('hengnan');
    const privedu = await as('privedu');
    const { id } = await open(await next(), plan);
    await hengnan.privateEdu.conversions.step({ id, expectedVersion: 1, action: 'submit_plan' });
    const outcomes = await Promise.all(
      [1, 2].map(() => failure(privedu.privateEdu.conversions.step({ id, expectedVersion: 2, action: 'approve_plan' }))),
    );
    expect(outcomes.filter((o) => o === null)).toHaveLength(1);
    expect(outcomes.filter((o) => o !== null)).toEqual([CONFLICT]);
    expect(await database.db.select({ id: lv.id }).from(lv).where(eq(lv.conversionId, id))).toHaveLength(1);

    // Overdue once the deadline has passed without completion: the row's flag and the filter agree.
    const after = callerWithCookie(database, cookies.get('privedu')!, { asOf: '2022-07-01' });
    const row = async (caller: typeof privedu, overdue: boolean) =>
      (await caller.privateEdu.conversions.list({ page: 1, pageSize: 100, overdue })).rows.find((x) => x.id === id);
    expect(await row(await after, true)).toMatchObject({ status: 'implementing', overdue: true });
    expect(await row(await after, false)).toBeUndefined();
    expect(await row(privedu, false)).toMatchObject({ overdue: false });
    expect(await row(privedu, true)).toBeUndefined();
  });

  it('turns the disposal into its lever: 政府购买学位 with the school’s compulsory pupils, 退出 none; only 民办 compulsory schools', async () => {
    const hengnan = await as('hengnan');
    const privedu = await as('privedu');
    const approve = async (schoolId: number, disposal: 'purchase' | 'withdraw') => {
      const { id } = await open(schoolId, { type: 'with_private', disposal, plan: '由政府购买学位，学校继续民办并接受监管。' });
      await hengnan.privateEdu.conversions.step({ id, expectedVersion: 1, action: 'submit_plan' });
      await privedu.privateEdu.conversions.step({ id, expectedVersion: 2, action: 'approve_plan' });
      return (await database.db.select().from(lv).where(eq(lv.conversionId, id)))[0];
    };
    const bought = await next();
    const [latest] = await database.db
      .select({ n: sql<number>`coalesce(sum(${en.students}), 0)::int` })
      .from(en)
      .where(
        and(
          eq(en.schoolId, bought),
          eq(en.schoolYear, sql`(select max(school_year) from school_enrolment where school_id = ${bought})`),
          or(like(en.grade, 'P%'), like(en.grade, 'J%')),
        ),
      );
    expect(await approve(bought, 'purchase')).toMatchObject({ kind: 'purchase', status: 'planned', students: latest!.n || null });
    expect(await approve(await next(), 'withdraw')).toBeUndefined();

    const [publicSchool] = await database.db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.unitCode, '430422'), eq(schools.ownership, 'public'), eq(schools.level, 'primary')))
      .limit(1);
    expect(await fieldIssues(open(publicSchool!.id))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'schoolId', message: '只能为民办义务教育学校（小学、初中、九年一贯制）登记公参民治理案' }],
    });
    expect(
      await failure(hengnan.privateEdu.conversions.create({ schoolId: await next(), type: 'sole', publicPartner: '衡' })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('keeps cases in scope: another county and another school see nothing and act on nothing; a school reads its own', async () => {
    const [account] = await database.db
      .select({ grants: tables.accounts.grants })
      .from(tables.accounts)
      .where(eq(tables.accounts.username, 'school'));
    const own = (account!.grants as { schoolId: number }[])[0]!.schoolId;
    // The demo school account's school, taken as a 民办 primary school for this test.
    await database.db.update(schools).set({ ownership: 'private', level: 'primary' }).where(eq(schools.id, own));
    await database.db.delete(pc).where(eq(pc.schoolId, own));
    const ownCase = await open(own, plan);
    const other = await next();
    const otherCase = await open(other);
    const teacher = await (
      await as('hengnan')
    ).privateEdu.conversions.addTeacher({
      caseId: otherCase.id,
      name: '王建军',
      idNumber: idNumber('19790315', '245'),
      staffStatus: 'contract',
    });

    const school = await as('school');
    expect(await school.privateEdu.conversions.byId({ id: ownCase.id })).toMatchObject({ allowed: [], canPlan: false, canTeachers: false });
    expect((await school.privateEdu.conversions.list({ page: 1, pageSize: 100 })).rows.map((x) => x.id)).toEqual([ownCase.id]);
    expect(await failure(school.privateEdu.conversions.savePlan({ id: ownCase.id, expectedVersion: 1, ...plan }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await failure(school.privateEdu.conversions.step({ id: ownCase.id, expectedVersion: 1, action: 'submit_plan' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await failure(school.privateEdu.conversions.byId({ id: otherCase.id }))).toEqual({
      code: 'NOT_FOUND',
      message: '公参民治理案不存在或不在您的数据范围内',
    });

    // A case of another county (opened by the city) does not exist for the county.
    const [elsewhere] = await database.db
      .select({ id: schools.id })
      .from(schools)
      .leftJoin(pc, eq(pc.schoolId, schools.id))
      .where(
        and(
          sql`${schools.unitCode} <> '430422'`,
          eq(schools.ownership, 'private'),
          inArray(schools.level, [...GCM_SCHOOL_LEVELS]),
          isNull(pc.id),
        ),
      )
      .limit(1);
    const privedu = await as('privedu');
    const foreign = await privedu.privateEdu.conversions.create({
      schoolId: elsewhere!.id,
      type: 'with_government',
      publicPartner: '耒阳市第一中学',
    });
    const foreignTeacher = await privedu.privateEdu.conversions.addTeacher({
      caseId: foreign.id,
      name: '王建军',
      idNumber: idNumber('19790315', '245'),
      staffStatus: 'contract',
    });
    const hengnan = await as('hengnan');
    const notFound = { code: 'NOT_FOUND', message: '公参民治理案不存在或不在您的数据范围内' };
    expect(await failure(hengnan.privateEdu.conversions.byId({ id: foreign.id }))).toEqual(notFound);
    expect(await failure(hengnan.privateEdu.conversions.history({ id: foreign.id }))).toEqual(notFound);
    expect(await failure(hengnan.privateEdu.conversions.step({ id: foreign.id, expectedVersion: 2, action: 'submit_plan' }))).toEqual(
      notFound,
    );
    expect(await failure(hengnan.privateEdu.conversions.savePlan({ id: foreign.id, expectedVersion: 2, ...plan }))).toEqual(notFound);
    expect(
      await failure(
        hengnan.privateEdu.conversions.placeTeacher({ id: foreignTeacher.id, expectedVersion: 1, placement: 'leaves', placedOn: AS_OF }),
      ),
    ).toEqual({ code: 'NOT_FOUND', message: '教师不存在或不在您的数据范围内' });
    expect(
      await failure(
        hengnan.privateEdu.conversions.placeTeacher({ id: teacher.id, expectedVersion: 1, placement: 'leaves', placedOn: AS_OF }),
      ),
    ).toBeNull();
    expect((await hengnan.privateEdu.conversions.list({ page: 1, pageSize: 100 })).rows.some((x) => x.id === foreign.id)).toBe(false);
    expect(
      await failure(hengnan.privateEdu.conversions.create({ schoolId: elsewhere!.id, type: 'sole', publicPartner: '衡南县第一中学' })),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
