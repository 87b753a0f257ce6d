import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { idCardCheckChar } from '@hyedu/domain';
import { KPI_SOURCES } from '../../../kpi/registry.ts';
import { callerAs, failure } from '../../../testing.ts';

const AS_OF = '2022-11-30';
const { fundingAidFollowUps: f, fundingAidPayments: p, fundingAidStudents: st, auditLog } = tables;
const MASKED_NAME = /^.\*+.?$/;

describe.each(testEngines())('学生资助 on %s', (engine) => {
  let database: Database;
  const as = (user: string) => callerAs(database, user, { asOf: AS_OF });

  beforeAll(async () => {
    database = await openTestDatabase(engine, { scale: 0.05, staffRegistry: false, today: AS_OF });
  }, 240_000);
  afterAll(() => database?.close());

  /** An open 2022-2 follow-up of 衡南县 in the 100% target, with its student. */
  async function openFollowUp(offset = 0) {
    const [row] = await database.db
      .select()
      .from(f)
      .where(
        and(
          eq(f.semester, '2022-2'),
          eq(f.unitCode, '430422'),
          eq(f.status, 'open'),
          eq(f.inTarget, true),
          sql`${f.stage} in ('primary', 'junior')`,
        ),
      )
      .orderBy(f.id)
      .offset(offset)
      .limit(1);
    const [student] = await database.db.select().from(st).where(eq(st.id, row!.studentId));
    return { followUp: row!, student: student! };
  }

  it('shows leadership counts and masked rows only; the aid roles see names and categories, each in its scope', async () => {
    const leader = await as('leader');
    const summary = await leader.funding.aid.summary({});
    expect(summary.semester).toBe('2022-2');
    expect(summary.aidRole).toBe(false);
    expect(summary.units.length).toBe(14);
    expect(summary.total.eligible).toBeGreaterThan(summary.total.eligibleAided);
    expect(summary.total.unmatched).toBeGreaterThan(0);
    const masked = await leader.funding.aid.unaided({ page: 1, pageSize: 20 });
    expect(masked.total).toBeGreaterThan(0);
    for (const r of masked.rows) {
      expect(r.name).toMatch(MASKED_NAME);
      expect(r.categories).toEqual([]);
      expect(r.idMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(r.allowed).toEqual([]);
    }
    expect(await failure(leader.funding.aid.followUp({ id: masked.rows[0]!.id }))).toMatchObject({ code: 'FORBIDDEN' });

    const city = await (await as('zizhu')).funding.aid.unaided({ page: 1, pageSize: 20 });
    expect(city.aidRole).toBe(true);
    expect(city.total).toBe(masked.total);
    expect(city.rows.some((r) => r.categories.length > 0 && !MASKED_NAME.test(r.name))).toBe(true);

    const county = await (await as('hnzizhu')).funding.aid.unaided({ page: 1, pageSize: 100 });
    expect(county.rows.every((r) => r.unitCode === '430422')).toBe(true);
    expect(county.rows.some((r) => r.categories.length > 0)).toBe(true);
    // The same county without the aid role: the same rows, masked.
    const plain = await (await as('hengnan')).funding.aid.unaided({ page: 1, pageSize: 100 });
    expect(plain.total).toBe(county.total);
    expect(plain.rows.every((r) => r.categories.length === 0 && MASKED_NAME.test(r.name))).toBe(true);

    const school = await (await as('xxzizhu')).funding.aid.unaided({ page: 1, pageSize: 100 });
    expect(school.total).toBeGreaterThanOrEqual(2);
    expect(new Set(school.rows.map((r) => r.schoolId)).size).toBe(1);
    expect(school.rows[0]!.allowed).toEqual(['recognise']);
    // The dashboard's drill-down to a school sends the school's name as q.
    const bySchool = await (await as('hnzizhu')).funding.aid.unaided({ page: 1, pageSize: 100, q: school.rows[0]!.schoolName });
    expect(bySchool.rows.filter((r) => r.schoolId === school.rows[0]!.schoolId).length).toBe(school.total);

    // The aid staff read the full ID number on the record page; the view is audited.
    const one = await (await as('hnzizhu')).funding.aid.followUp({ id: county.rows[0]!.id });
    expect(one.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(one.idNumber.slice(0, 6) + '********' + one.idNumber.slice(14)).toBe(one.idMasked);

    // Another county's follow-up is the one NOT_FOUND for a county aid role.
    const [other] = await database.db.select({ id: f.id }).from(f).where(eq(f.unitCode, '430481')).limit(1);
    expect(await failure((await as('hnzizhu')).funding.aid.followUp({ id: other!.id }))).toEqual({
      code: 'NOT_FOUND',
      message: '应助未助跟进不存在或不在您的数据范围内',
    });
  });

  it('masks the exports the same way', async () => {
    const names = async (b64: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const header = ws.getRow(2).values as unknown[];
      const col = header.indexOf('姓名');
      const cat = header.indexOf('困难类别');
      const out: { name: string; categories: string }[] = [];
      ws.eachRow((row, n) => {
        if (n > 2) out.push({ name: String(row.getCell(col).value), categories: String(row.getCell(cat).value) });
      });
      return out;
    };
    const plain = await (await as('hengnan')).funding.aid.exportUnaided({});
    const aid = await (await as('hnzizhu')).funding.aid.exportUnaided({});
    expect(plain.rows).toBe(aid.rows);
    const masked = await names(plain.base64);
    const shown = await names(aid.base64);
    expect(masked).toHaveLength(plain.rows);
    expect(masked.every((r) => MASKED_NAME.test(r.name) && r.categories === '（仅资助专责可见）')).toBe(true);
    expect(shown.some((r) => !MASKED_NAME.test(r.name) && r.categories !== '（仅资助专责可见）')).toBe(true);
    const exports = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.action, 'funding.aid.exportUnaided'));
    expect(exports[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('keeps an eligible student on 应助未助 until aided; the payment settles it and moves the coverage', async () => {
    const { followUp, student } = await openFollowUp();
    const school = await as('xxzizhu');
    const county = await as('hnzizhu');
    const coverage = async () =>
      (await KPI_SOURCES.get('funding.aid-coverage')!.byUnit(database.db, { kind: 'all' }, AS_OF)).get('430422')!;
    const open = async () => (await KPI_SOURCES.get('funding.aid-unaided')!.byUnit(database.db, { kind: 'all' }, AS_OF)).get('430422')!.num;
    const before = await coverage();
    const openBefore = await open();
    // 认定 by the county (the student may be at another school than the demo's).
    await county.funding.aid.step({ id: followUp.id, expectedVersion: followUp.version, action: 'recognise' });
    const listed = await county.funding.aid.unaided({ page: 1, pageSize: 100, status: 'recognised', q: student.name });
    expect(listed.rows.map((r) => r.id)).toContain(followUp.id);
    // A school may not pay.
    if (student.schoolId === (await database.db.select().from(f).where(eq(f.id, followUp.id)))[0]!.schoolId) {
      const refusal = await failure(
        school.funding.aid.pay({ studentId: student.id, item: 'living_allowance', semester: '2022-2', amount: 1, paidOn: AS_OF }),
      );
      expect(refusal?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    }
    const amount = student.stage === 'primary' ? (student.boarding ? 50_000 : 25_000) : student.boarding ? 62_500 : 31_250;
    const paid = await county.funding.aid.pay({
      studentId: student.id,
      item: 'living_allowance',
      semester: '2022-2',
      amount,
      paidOn: AS_OF,
    });
    expect(paid.created).toBe(true);
    const [after] = await database.db.select().from(f).where(eq(f.id, followUp.id));
    expect(after!.status).toBe('aided');
    const still = await county.funding.aid.unaided({ page: 1, pageSize: 100, q: student.name });
    expect(still.rows.map((r) => r.id)).not.toContain(followUp.id);
    const now = await coverage();
    expect(now.den).toBe(before.den);
    expect(now.num).toBe(before.num + 1);
    expect(await open()).toBe(openBefore - 1);
    // A retried request pays nothing more.
    const again = await county.funding.aid.pay({
      studentId: student.id,
      item: 'living_allowance',
      semester: '2022-2',
      amount,
      paidOn: AS_OF,
    });
    expect(again).toMatchObject({ created: false, id: paid.id });
    const rows = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(p)
      .where(and(eq(p.idIndex, student.idIndex), eq(p.semester, '2022-2')));
    expect(rows[0]!.n).toBe(1);
  });

  it('pays once when the same payment is sent twice at once; a 补发 needs its reason and is idempotent on its key', async () => {
    const { student } = await openFollowUp(1);
    const county = await as('hnzizhu');
    const input = { studentId: student.id, item: 'living_allowance' as const, semester: '2022-2', amount: 100, paidOn: AS_OF };
    const both = await Promise.all([county.funding.aid.pay(input), (await as('hnzizhu')).funding.aid.pay(input)]);
    expect(both.filter((r) => r.created)).toHaveLength(1);
    expect(both[0]!.id).toBe(both[1]!.id);
    const noReason = await failure(county.funding.aid.reissue({ ...input, reason: '补', requestKey: 'test-reissue-0001' }));
    expect(noReason).toMatchObject({ code: 'BAD_REQUEST' });
    expect(noReason!.message).toContain('补发原因至少写2个字');
    const reissue = { ...input, amount: 200, reason: '上次发放金额有误，补足差额', requestKey: 'test-reissue-0001' };
    const first = await county.funding.aid.reissue(reissue);
    const second = await county.funding.aid.reissue(reissue);
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, id: first.id });
    const kinds = await database.db
      .select({ kind: p.kind })
      .from(p)
      .where(and(eq(p.idIndex, student.idIndex), eq(p.semester, '2022-2')));
    expect(kinds.map((k) => k.kind).sort()).toEqual(['regular', 'reissue']);
  });

  it('refuses bad payments on their field, in Chinese', async () => {
    const { student } = await openFollowUp(2);
    const county = await as('hnzizhu');
    const base = { studentId: student.id, item: 'living_allowance' as const, semester: '2022-2', amount: 100, paidOn: AS_OF };
    const cases: [Partial<typeof base> & Record<string, unknown>, string][] = [
      [{ item: 'senior_grant' as never }, '不是'],
      [{ amount: 9_000_000 }, '金额超过本学期标准'],
      [{ paidOn: '2022-12-01' }, '发放日期不能晚于今天'],
      [{ amount: -5 }, '发放金额应大于0'],
      [{ semester: '2022-9' }, '学期格式应为'],
    ];
    for (const [change, text] of cases) {
      const r = await failure(county.funding.aid.pay({ ...base, ...change } as typeof base));
      expect(r?.code, text).toBe('BAD_REQUEST');
      expect(r?.message, text).toContain(text);
    }
  });

  it('runs the matching city-wide for the city aid centre only, and reports its counts', async () => {
    expect(await failure((await as('hnzizhu')).funding.aid.run({ semester: '2022-2' }))).toEqual({
      code: 'FORBIDDEN',
      message: '比对由市学生资助管理中心统一运行',
    });
    const run = await (await as('zizhu')).funding.aid.run({ semester: '2022-2' });
    expect(run.counts.listed).toBe(run.counts.matched + run.counts.unmatched);
    expect(run.counts.aided + run.counts.unaided).toBe(run.counts.matched);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'funding.aid.run'));
    expect(audit).toBeDefined();
  });

  it('imports a list under the city’s column mapping: a dry run lists each bad row in Chinese, the import replaces the list and re-matches', async () => {
    const id = (first17: string) => first17 + idCardCheckChar(first17);
    const good = id('43042220120501111');
    const book = async (rows: string[][], headers = ['学生姓名', '身份证号', '困难类别', '县市区']) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('低保导出');
      ws.addRow(headers);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    };
    const city = await as('zizhu');
    const settings = await city.funding.aid.settings();
    await city.funding.aid.saveSettings({
      target: settings.target,
      amounts: settings.amounts,
      listMapping: { name: ['学生姓名'] },
      expectedVersion: settings.version,
    });
    // An item saved for one stage keeps its other stages (the default where never set).
    await city.funding.aid.saveSettings({
      target: settings.target,
      amounts: { living_allowance: { primary: { boarding: 110_000, day: 55_000 } } },
      expectedVersion: settings.version + 1,
    });
    const saved = (await city.funding.aid.settings()).amounts.living_allowance;
    expect(saved).toEqual({ primary: { boarding: 110_000, day: 55_000 }, junior: { boarding: 125_000, day: 62_500 } });
    const county = await as('hnzizhu');
    const bad = await county.funding.aid.importList({
      listKind: 'dibao',
      fileName: '低保名单.xlsx',
      dryRun: true,
      base64: await book([
        ['王小红', good, '农村低保', '衡南县'],
        ['李四', '430422201205011230', '低保', '衡南县'],
        ['赵五', id('43042220120601222'), '孤儿', '衡南县'],
        ['钱六', id('43048120120601333'), '低保', '耒阳市'],
        ['王小红', good, '低保', '衡南县'],
      ]),
    });
    expect(bad.imported).toBe(0);
    expect(bad.errors.join('\n')).toMatch(/第3行/);
    expect(bad.errors.join('\n')).toContain('“孤儿”不是低保名单的困难类别');
    expect(bad.errors.join('\n')).toContain('耒阳市的名单不在您的数据范围内');
    expect(bad.errors.join('\n')).toContain('与第2行的身份证号相同');
    expect(bad.errorCount).toBe(4);
    // The default header is not the mapping's any more: the file must use the city's.
    const wrongHeader = await failure(
      county.funding.aid.importList({
        listKind: 'dibao',
        fileName: 'x.xlsx',
        dryRun: true,
        base64: await book([], ['姓名', '身份证号', '困难类别', '县市区']),
      }),
    );
    expect(wrongHeader?.code).toBe('BAD_REQUEST');
    const before = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(tables.fundingAidListed)
      .where(and(eq(tables.fundingAidListed.listKind, 'dibao'), eq(tables.fundingAidListed.unitCode, '430422')));
    const ok = await county.funding.aid.importList({
      listKind: 'dibao',
      fileName: '低保名单.xlsx',
      dryRun: false,
      base64: await book([['王小红', good, '农村低保', '衡南县']]),
    });
    expect(ok.imported).toBe(1);
    const after = await database.db
      .select({ name: tables.fundingAidListed.name, idMasked: tables.fundingAidListed.idMasked })
      .from(tables.fundingAidListed)
      .where(and(eq(tables.fundingAidListed.listKind, 'dibao'), eq(tables.fundingAidListed.unitCode, '430422')));
    expect(before[0]!.n).toBeGreaterThan(1);
    expect(after).toEqual([{ name: '王小红', idMasked: `${good.slice(0, 6)}********${good.slice(-4)}` }]);
    // Listed but not in the 学籍 extract: unmatched after the re-run.
    const unmatched = await county.funding.aid.unmatched({ page: 1, pageSize: 20, q: '王小红' });
    expect(unmatched.rows.map((r) => r.name)).toContain('王小红');
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'funding.aid.importList'));
    expect(audit).toBeDefined();
  });
});
