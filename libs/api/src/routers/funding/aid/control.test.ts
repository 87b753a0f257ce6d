import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { drawSample } from '@hyedu/domain/funding';
import { callerAs, failure } from '../../../testing.ts';

const AS_OF = '2022-11-30';
const HENGNAN = '430422';
const LEIYANG = '430481';
const { fundingAidPayments: p, fundingAidChecks: c, fundingAidCheckItems: ci, auditLog } = tables;
const MASKED_NAME = /^.\*+.?$/;

describe.each(testEngines())('资助资金与资助抽查 on %s', (engine) => {
  let database: Database;
  const as = (user: string) => callerAs(database, user, { asOf: AS_OF });

  beforeAll(async () => {
    database = await openTestDatabase(engine, { scale: 0.05, staffRegistry: false, today: AS_OF });
  }, 240_000);
  afterAll(() => database?.close());

  it('发放 per unit and item is the aid roll’s sum (regular and 补发), never stored twice; a county sees itself only', async () => {
    const city = await (await as('zizhu')).funding.aid.funds({ semester: '2022-2' });
    const sums = await database.db
      .select({ unitCode: p.unitCode, item: p.item, amount: sql<string>`sum(${p.amount})::bigint` })
      .from(p)
      .where(eq(p.semester, '2022-2'))
      .groupBy(p.unitCode, p.item);
    expect(sums.length).toBeGreaterThan(20);
    for (const s of sums) {
      const row = city.rows.find((r) => r.unitCode === s.unitCode)!;
      expect(row.byItem.find((i) => i.item === s.item)!.paid, `${s.unitCode} ${s.item}`).toBe(Number(s.amount));
    }
    expect(city.total.paid).toBe(sums.reduce((a, s) => a + Number(s.amount), 0));
    expect(city.canEdit).toBe(true);
    // The demo: every unit with payments has its 预算 and 下达, within the budget.
    for (const r of city.rows.filter((x) => x.paid > 0)) {
      expect(r.allocated).toBeGreaterThan(0);
      expect(r.allocated).toBeLessThanOrEqual(r.budget);
    }
    const county = await (await as('hnzizhu')).funding.aid.funds({ semester: '2022-2' });
    expect(county.rows.map((r) => r.unitCode)).toEqual([HENGNAN]);
    expect(county.canEdit).toBe(false);
    // Leadership reads the figures too; a school has no budget of its own.
    expect((await (await as('leader')).funding.aid.funds({ semester: '2022-2' })).rows.length).toBe(city.rows.length);
    expect((await (await as('xxzizhu')).funding.aid.funds({ semester: '2022-2' })).rows).toEqual([]);
  });

  it('the ended spring semester flags 资金滞留 where less than 90% was paid (祁东县 in the demo), and only there', async () => {
    const spring = await (await as('leader')).funding.aid.funds({ semester: '2022-1' });
    const qidong = spring.rows.find((r) => r.unitCode === '430426')!;
    expect(qidong.standing).toBe('retained');
    expect(qidong.rate!).toBeLessThan(0.9);
    const retained = spring.rows.filter((r) => r.standing === 'retained').map((r) => r.unitCode);
    expect(retained.length).toBeLessThanOrEqual(2);
    expect(spring.rows.filter((r) => r.standing === 'paid').length).toBeGreaterThan(8);
    // The running semester is not judged yet.
    const autumn = await (await as('leader')).funding.aid.funds({ semester: '2022-2' });
    expect(autumn.rows.some((r) => r.standing === 'retained')).toBe(false);
  });

  it('the city enters 预算 and 下达: 下达 above 预算 is refused in Chinese on its field; the version guards the row; a county may not', async () => {
    const city = await as('zizhu');
    const base = {
      unitCode: HENGNAN,
      semester: '2023-1',
      item: 'living_allowance' as const,
      budget: 500_000_00,
      allocated: 500_000_01,
      allocatedOn: '2022-11-20',
      documentNo: '衡财教指〔2022〕99号',
      expectedVersion: 0,
    };
    const over = await failure(city.funding.aid.saveFund(base));
    expect(over).toMatchObject({ code: 'BAD_REQUEST' });
    expect(over!.message).toContain('下达金额500000.01元超过预算金额500000.00元');
    const noDoc = await failure(city.funding.aid.saveFund({ ...base, allocated: 400_000_00, documentNo: undefined }));
    expect(noDoc!.message).toContain('请填写下达文号');
    const saved = await city.funding.aid.saveFund({ ...base, allocated: 400_000_00 });
    expect(saved.version).toBe(1);
    const stale = await failure(city.funding.aid.saveFund({ ...base, allocated: 450_000_00 }));
    expect(stale).toEqual({ code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' });
    expect((await city.funding.aid.saveFund({ ...base, allocated: 450_000_00, expectedVersion: 1 })).version).toBe(2);
    const after = await city.funding.aid.funds({ semester: '2023-1', item: 'living_allowance' });
    const line = after.rows.find((r) => r.unitCode === HENGNAN)!.byItem.find((i) => i.item === 'living_allowance')!;
    expect(line).toMatchObject({ budget: 500_000_00, allocated: 450_000_00, documentNo: '衡财教指〔2022〕99号', paid: 0, rate: 0 });
    expect(await failure((await as('hnzizhu')).funding.aid.saveFund({ ...base, allocated: 0, expectedVersion: 2 }))).toEqual({
      code: 'FORBIDDEN',
      message: '资助资金的预算与下达由市学生资助管理中心录入',
    });
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'funding.aid.saveFund'), eq(auditLog.result, 'ok')));
    expect(audits.length).toBe(2);
  });

  it('draws a sample within the chosen county or school and semester, without duplicates, reproducible from its seed', async () => {
    const city = await as('zizhu');
    const drawn = await city.funding.aid.createCheck({ semester: '2022-2', unitCode: HENGNAN, size: 20 });
    expect(drawn.size).toBe(20);
    const [check] = await database.db.select().from(c).where(eq(c.id, drawn.id));
    const items = await database.db
      .select({ paymentId: ci.paymentId, unitCode: p.unitCode, semester: p.semester })
      .from(ci)
      .innerJoin(p, eq(p.id, ci.paymentId))
      .where(eq(ci.checkId, drawn.id))
      .orderBy(ci.ord);
    expect(items).toHaveLength(20);
    expect(new Set(items.map((i) => i.paymentId)).size).toBe(20);
    expect(items.every((i) => i.unitCode === HENGNAN && i.semester === '2022-2')).toBe(true);
    const population = await database.db
      .select({ id: p.id })
      .from(p)
      .where(and(eq(p.semester, '2022-2'), eq(p.unitCode, HENGNAN)));
    expect(check!.population).toBe(population.length);
    expect(
      drawSample(
        population.map((r) => r.id),
        20,
        check!.seed,
      ),
    ).toEqual(items.map((i) => i.paymentId));

    // One school of the county: its payments only (fewer than asked: all of them).
    const [school] = await database.db
      .select({ schoolId: p.schoolId, n: sql<number>`count(*)::int` })
      .from(p)
      .where(and(eq(p.semester, '2022-2'), eq(p.unitCode, HENGNAN)))
      .groupBy(p.schoolId)
      .orderBy(sql`count(*)`)
      .limit(1);
    const county = await as('hnzizhu');
    const small = await county.funding.aid.createCheck({ semester: '2022-2', unitCode: HENGNAN, schoolId: school!.schoolId!, size: 200 });
    expect(small.size).toBe(school!.n);
    const schoolItems = await database.db
      .select({ schoolId: p.schoolId })
      .from(ci)
      .innerJoin(p, eq(p.id, ci.paymentId))
      .where(eq(ci.checkId, small.id));
    expect(schoolItems.every((i) => i.schoolId === school!.schoolId)).toBe(true);
    // Another county's school, or another county: the one NOT_FOUND; a size out of bounds, in Chinese.
    const [foreignSchool] = await database.db.select({ id: p.schoolId }).from(p).where(eq(p.unitCode, LEIYANG)).limit(1);
    expect((await failure(county.funding.aid.createCheck({ semester: '2022-2', unitCode: LEIYANG, size: 20 })))?.code).toBe('NOT_FOUND');
    expect(
      (await failure(county.funding.aid.createCheck({ semester: '2022-2', unitCode: HENGNAN, schoolId: foreignSchool!.id!, size: 20 })))
        ?.code,
    ).toBe('NOT_FOUND');
    expect((await failure(city.funding.aid.createCheck({ semester: '2022-2', unitCode: HENGNAN, size: 500 })))!.message).toContain(
      '抽查人数最多200人',
    );
    // A school does not check: its scope holds no county.
    expect((await failure((await as('xxzizhu')).funding.aid.createCheck({ semester: '2022-2', unitCode: HENGNAN, size: 5 })))?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('a county can neither see nor record another county’s check; leadership sees it masked', async () => {
    const [other] = await database.db.select().from(c).where(eq(c.unitCode, LEIYANG)).limit(1);
    const county = await as('hnzizhu');
    const notFound = { code: 'NOT_FOUND', message: '资助抽查不存在或不在您的数据范围内' };
    expect(await failure(county.funding.aid.check({ id: other!.id }))).toEqual(notFound);
    expect(
      await failure(
        county.funding.aid.recordCheck({ id: other!.id, expectedVersion: other!.version, results: [{ itemId: 1, verdict: 'confirmed' }] }),
      ),
    ).toEqual(notFound);
    expect(await failure(county.funding.aid.checkStep({ id: other!.id, expectedVersion: other!.version, action: 'close' }))).toEqual(
      notFound,
    );
    const list = await county.funding.aid.checks({ page: 1, pageSize: 100 });
    expect(list.rows.every((r) => r.unitCode === HENGNAN)).toBe(true);
    const leader = await (await as('leader')).funding.aid.check({ id: other!.id });
    expect(leader.items.length).toBeGreaterThan(0);
    expect(leader.items.every((i) => MASKED_NAME.test(i.name) && i.masked)).toBe(true);
    expect(leader.canRecord).toBe(false);
    expect(leader.allowed).toEqual([]);
    const city = await (await as('zizhu')).funding.aid.check({ id: other!.id });
    expect(city.items.some((i) => !MASKED_NAME.test(i.name))).toBe(true);
  });

  it('two result saves on one version: one CONFLICT; any 不属实 → 待整改 → 已整改 → 已办结', async () => {
    const city = await as('zizhu');
    const { id } = await city.funding.aid.createCheck({ semester: '2022-2', unitCode: HENGNAN, size: 5 });
    const check = await city.funding.aid.check({ id });
    expect(check.status).toBe('checking');
    expect(check.canRecord).toBe(true);
    const [first, ...rest] = check.items;
    const both = await Promise.allSettled([
      city.funding.aid.recordCheck({ id, expectedVersion: check.version, results: [{ itemId: first!.id, verdict: 'confirmed' }] }),
      (await as('zizhu')).funding.aid.recordCheck({
        id,
        expectedVersion: check.version,
        results: [{ itemId: first!.id, verdict: 'refuted', problem: 'duplicate' }],
      }),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'CONFLICT' });
    const version = check.version + 1;
    // Nothing may be decided before every result is in.
    expect((await failure(city.funding.aid.checkStep({ id, expectedVersion: version, action: 'demand' })))?.message).toBe(
      '还有抽查对象未登记核查结果',
    );
    const refusedOn = await failure(
      city.funding.aid.recordCheck({ id, expectedVersion: version, results: [{ itemId: rest[0]!.id, verdict: 'refuted' }] }),
    );
    expect(refusedOn!.message).toContain('不属实的须选择存在问题');
    const saved = await city.funding.aid.recordCheck({
      id,
      expectedVersion: version,
      results: [
        { itemId: first!.id, verdict: 'refuted', problem: 'not_received', note: '银行卡已注销' },
        ...rest.map((i) => ({ itemId: i.id, verdict: 'confirmed' as const })),
      ],
    });
    expect(saved.tally).toEqual({ sampled: 5, recorded: 5, refuted: 1 });
    expect((await failure(city.funding.aid.checkStep({ id, expectedVersion: saved.version, action: 'conclude' })))?.message).toBe(
      '有不属实的抽查对象，应下发整改',
    );
    const demanded = await city.funding.aid.checkStep({ id, expectedVersion: saved.version, action: 'demand' });
    expect(demanded.state).toBe('rectifying');
    // Results are fixed once 整改 is ordered; the checker does not report its own 整改.
    expect(
      (
        await failure(
          city.funding.aid.recordCheck({ id, expectedVersion: demanded.version, results: [{ itemId: first!.id, verdict: 'confirmed' }] }),
        )
      )?.code,
    ).toBe('CONFLICT');
    expect(
      (await failure(city.funding.aid.checkStep({ id, expectedVersion: demanded.version, action: 'rectify', rectification: 'x' })))?.code,
    ).toBe('FORBIDDEN');
    const county = await as('hnzizhu');
    expect((await county.funding.aid.check({ id })).allowed).toEqual(['rectify']);
    const noText = await failure(county.funding.aid.checkStep({ id, expectedVersion: demanded.version, action: 'rectify' }));
    expect(noText!.message).toContain('请填写整改情况');
    const rectified = await county.funding.aid.checkStep({
      id,
      expectedVersion: demanded.version,
      action: 'rectify',
      rectification: '已重新登记银行卡并补发到账',
    });
    expect(rectified.state).toBe('rectified');
    expect((await failure(county.funding.aid.checkStep({ id, expectedVersion: rectified.version, action: 'close' })))?.code).toBe(
      'FORBIDDEN',
    );
    const closed = await city.funding.aid.checkStep({ id, expectedVersion: rectified.version, action: 'close' });
    expect(closed.state).toBe('closed');
    const history = await city.funding.aid.checkHistory({ id });
    expect(history.length).toBeGreaterThanOrEqual(4);
    const done = await city.funding.aid.check({ id });
    expect(done).toMatchObject({ status: 'closed', closedOn: AS_OF, rectification: '已重新登记银行卡并补发到账' });
  });

  it('the demo has a 衡南县 check awaiting 整改 with 不属实 results', async () => {
    const list = await (await as('hnzizhu')).funding.aid.checks({ page: 1, pageSize: 50, semester: '2022-2', status: 'rectifying' });
    const seeded = list.rows.find((r) => r.checkerLevel === 'city' && r.refuted > 0);
    expect(seeded).toMatchObject({ unitCode: HENGNAN, size: 20, recorded: 20 });
  });
});
