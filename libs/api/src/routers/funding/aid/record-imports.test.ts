import { and, asc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aidCipherId, decryptField, tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { idCardCheckChar } from '@hyedu/domain';
import { KPI_SOURCES } from '../../../kpi/registry.ts';
import { callerAs, failure } from '../../../testing.ts';

const AS_OF = '2022-11-30';
const HENGNAN = '430422';
const { fundingAidFollowUps: f, fundingAidMatches: m, fundingAidPayments: p, fundingAidStudents: st, schools, auditLog } = tables;
const STUDENT_HEADERS = ['姓名', '身份证件号', '全国学籍号', '学校标识码', '年级', '是否住校'];
const ROLL_HEADERS = ['姓名', '身份证号', '资助项目', '学期', '金额（元）', '发放日期'];
const id = (first17: string) => first17 + idCardCheckChar(first17);

async function book(headers: string[], rows: string[][], sheet = '导出数据') {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(['全国中小学生学籍信息管理系统 导出']);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe.each(testEngines())('学生资助 imports: 学籍 extract and aid roll on %s', (engine) => {
  let database: Database;
  const as = (user: string) => callerAs(database, user, { asOf: AS_OF });
  const count = async (table: typeof p | typeof st, where?: ReturnType<typeof eq>) =>
    (
      await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(table)
        .where(where)
    )[0]!.n;
  const plain = (r: { idIndex: string; idCipher: string }) => decryptField(database.keys.dataKey, r.idCipher, aidCipherId(r.idIndex));

  beforeAll(async () => {
    database = await openTestDatabase(engine, { scale: 0.05, staffRegistry: false, today: AS_OF });
  }, 240_000);
  afterAll(() => database?.close());

  /** A 衡南县 school of a level, and another county's. */
  async function school(level: 'primary' | 'junior', unit = HENGNAN) {
    const [s] = await database.db
      .select({ id: schools.id, code: schools.code })
      .from(schools)
      .where(and(eq(schools.unitCode, unit), eq(schools.level, level)))
      .orderBy(asc(schools.code))
      .limit(1);
    return s!;
  }
  /** A listed 衡南县 child without a 学籍 record (unmatched this semester), with the ID number. */
  async function unmatched(offset = 0) {
    const [row] = await database.db
      .select({ idIndex: m.idIndex, name: m.name })
      .from(m)
      .where(and(eq(m.semester, '2022-2'), eq(m.unitCode, HENGNAN), eq(m.outcome, 'unmatched')))
      .orderBy(asc(m.id))
      .offset(offset)
      .limit(1);
    const [listed] = await database.db
      .select()
      .from(tables.fundingAidListed)
      .where(eq(tables.fundingAidListed.idIndex, row!.idIndex))
      .limit(1);
    return { ...row!, idNumber: plain(listed!) };
  }
  const coverage = async () => (await KPI_SOURCES.get('funding.aid-coverage')!.byUnit(database.db, { kind: 'all' }, AS_OF)).get(HENGNAN)!;
  const openCount = async () =>
    (await KPI_SOURCES.get('funding.aid-unaided')!.byUnit(database.db, { kind: 'all' }, AS_OF)).get(HENGNAN)!.num;

  it('refuses the 学籍 import to a school, and lists each bad row in Chinese by row and column without writing', async () => {
    expect(
      await failure(
        (await as('xxzizhu')).funding.aid.importStudents({ fileName: 'x.xlsx', base64: await book(STUDENT_HEADERS, []), dryRun: true }),
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      message: '学籍由市、县市区学生资助管理中心导入',
    });
    const own = await school('primary');
    const other = await school('primary', '430481');
    const child = await unmatched();
    const before = await count(st);
    const bad = await (
      await as('hnzizhu')
    ).funding.aid.importStudents({
      fileName: '学籍.xlsx',
      dryRun: false,
      base64: await book(STUDENT_HEADERS, [
        [child.name, child.idNumber, 'G1', other.code, '三年级', '否'],
        ['李四', '430422201205011230', 'G2', own.code, '三年级', '否'],
        ['王五', id('43042220120601222'), 'G3', own.code, '八年级', '否'],
        ['赵六', id('43042220120601333'), 'G4', own.code, '三年级', '走读'],
        [child.name, child.idNumber, 'G5', own.code, '三年级', '否'],
        [child.name, child.idNumber, 'G6', own.code, '四年级', '否'],
      ]),
    });
    const text = bad.errors.join('\n');
    expect(bad.imported).toBe(0);
    expect(text).toContain('第3行 学校标识码 学校不存在或不在您的数据范围内');
    expect(text).toMatch(/第4行 身份证件号 .*校验/);
    expect(text).toContain('第5行 年级 “八年级”不是该校的年级（应为一年级至六年级）');
    expect(text).toContain('第6行 是否住校 是否住校应填“是”或“否”');
    expect(text).toContain('第8行 身份证件号 与第7行的身份证号相同');
    expect(bad.errorCount).toBe(5);
    expect(await count(st)).toBe(before);
    expect(await database.db.select().from(auditLog).where(eq(auditLog.targetType, 'funding_aid_student:import'))).toEqual([]);
  });

  it('imports the listed children’s 学籍 (upsert by ID number; others counted, not kept), then matches again', async () => {
    const own = await school('primary');
    const junior = await school('junior');
    const child = await unmatched();
    const [existing] = await database.db.select().from(st).where(eq(st.unitCode, HENGNAN)).orderBy(asc(st.id)).limit(1);
    const stranger = id('43042220100101999');
    const county = await as('hnzizhu');
    const rows = [
      [child.name, child.idNumber, 'G430422000001', own.code, '三年级', '否'],
      [existing!.name, plain(existing!), existing!.studentNo, junior.code, '初二', '是'],
      ['陈某', stranger, 'G430422000002', own.code, '五年级', '否'],
    ];
    const before = await count(st);
    const dry = await county.funding.aid.importStudents({ fileName: '学籍.xlsx', dryRun: true, base64: await book(STUDENT_HEADERS, rows) });
    expect(dry).toMatchObject({ imported: 0, rows: 3, errorCount: 0, committed: false, notListed: 1 });
    expect(await count(st)).toBe(before);

    const done = await county.funding.aid.importStudents({
      fileName: '学籍.xlsx',
      dryRun: false,
      base64: await book(STUDENT_HEADERS, rows),
    });
    expect(done).toMatchObject({ imported: 2, committed: true, inserted: 1, updated: 1, notListed: 1 });
    expect(await count(st)).toBe(before + 1);
    const [moved] = await database.db.select().from(st).where(eq(st.id, existing!.id));
    expect(moved).toMatchObject({ schoolId: junior.id, stage: 'junior', grade: 2, boarding: true });
    const [added] = await database.db.select().from(st).where(eq(st.idIndex, child.idIndex));
    expect(added).toMatchObject({
      schoolId: own.id,
      unitCode: HENGNAN,
      stage: 'primary',
      grade: 3,
      boarding: false,
      studentNo: 'G430422000001',
    });
    expect(added!.idMasked).toBe(`${child.idNumber.slice(0, 6)}********${child.idNumber.slice(-4)}`);
    expect(plain(added!)).toBe(child.idNumber);
    // Matched again at once: the child has a 学籍 now and no aid — 应助未助, followed up.
    const [match] = await database.db
      .select()
      .from(m)
      .where(and(eq(m.semester, '2022-2'), eq(m.idIndex, child.idIndex)));
    expect(match!.outcome).toBe('unaided');
    const [followUp] = await database.db
      .select()
      .from(f)
      .where(and(eq(f.semester, '2022-2'), eq(f.idIndex, child.idIndex)));
    expect(followUp!.status).toBe('open');
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.targetType, 'funding_aid_student:import'));
    expect(audit!.after).toMatchObject({ rows: 2, inserted: 1, updated: 1, notListed: 1 });
  });

  it('imports a roll: pays the 应助未助 pupil once, settles the follow-up, moves the coverage; a retry or two at once pay nobody twice', async () => {
    const child = await unmatched(1);
    const own = await school('primary');
    const county = await as('hnzizhu');
    await county.funding.aid.importStudents({
      fileName: '学籍.xlsx',
      dryRun: false,
      base64: await book(STUDENT_HEADERS, [[child.name, child.idNumber, 'G430422000003', own.code, '二年级', '否']]),
    });
    const coverageBefore = await coverage();
    const openBefore = await openCount();
    const [other] = await database.db.select().from(st).where(eq(st.unitCode, '430481')).limit(1);

    // Bad rows, by row and column; nothing written.
    const payments = await count(p);
    const bad = await county.funding.aid.importPayments({
      fileName: '发放名册.xlsx',
      dryRun: false,
      semester: '2022-2',
      base64: await book(ROLL_HEADERS, [
        [child.name, child.idNumber, '普通高中国家助学金', '2022年秋季学期', '1000', '2022-11-20'],
        [child.name, child.idNumber, '奖学金', '', '250', '2022-11-20'],
        [child.name, child.idNumber, '生活补助', '2022秋', '250.555', '2022-11-20'],
        [child.name, child.idNumber, '生活补助', '2022-2', '250', '2022-12-20'],
        [other!.name, plain(other!), '生活补助', '', '250', '2022-11-20'],
      ]),
    });
    const text = bad.errors.join('\n');
    expect(text).toContain('第3行 资助项目 普通高中国家助学金不是小学学生的资助项目（按学籍）');
    expect(text).toContain('第4行 资助项目 “奖学金”不是资助项目');
    expect(text).toContain('第5行 金额（元） 金额最多保留两位小数');
    expect(text).toContain('第6行 发放日期 发放日期不能晚于今天（2022年秋季学期）');
    expect(text).toContain('第7行 身份证号 该学生不在您的数据范围内');
    expect(bad).toMatchObject({ imported: 0, errorCount: 5, committed: false });
    expect(await count(p)).toBe(payments);

    const stranger = id('43042220100101888');
    const roll = await book(ROLL_HEADERS, [
      [child.name, child.idNumber, '寄宿生生活补助', '', '250.00', '2022-11-20'],
      ['陈某', stranger, '生活补助', '', '250', '2022-11-20'],
    ]);
    const dry = await county.funding.aid.importPayments({ fileName: '发放名册.xlsx', dryRun: true, semester: '2022-2', base64: roll });
    expect(dry).toMatchObject({ imported: 0, rows: 2, errorCount: 0, committed: false, toPay: 1, alreadyPaid: 0, notListed: 1 });
    expect(await count(p)).toBe(payments);

    const done = await county.funding.aid.importPayments({ fileName: '发放名册.xlsx', dryRun: false, semester: '2022-2', base64: roll });
    expect(done).toMatchObject({ imported: 1, committed: true, alreadyPaid: 0, notListed: 1, settled: 1 });
    const [payment] = await database.db.select().from(p).where(eq(p.idIndex, child.idIndex));
    expect(payment).toMatchObject({
      item: 'living_allowance',
      semester: '2022-2',
      kind: 'regular',
      amount: 25_000,
      paidOn: '2022-11-20',
      unitCode: HENGNAN,
    });
    const [followUp] = await database.db
      .select()
      .from(f)
      .where(and(eq(f.semester, '2022-2'), eq(f.idIndex, child.idIndex)));
    expect(followUp).toMatchObject({ status: 'aided', settledOn: AS_OF, version: 2 });
    const listed = await county.funding.aid.unaided({ page: 1, pageSize: 100, q: child.name });
    expect(listed.rows.map((r) => r.id)).not.toContain(followUp!.id);
    const after = await coverage();
    expect(after.den).toBe(coverageBefore.den);
    expect(after.num).toBe(coverageBefore.num + 1);
    expect(await openCount()).toBe(openBefore - 1);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.targetType, 'funding_aid_payment:import'));
    expect(audit!.after).toMatchObject({ rows: 1, paid: 1, alreadyPaid: 0, settled: 1, notListed: 1, semesters: ['2022-2'] });

    // The same roll again: 已发放，跳过.
    const again = await county.funding.aid.importPayments({ fileName: '发放名册.xlsx', dryRun: false, semester: '2022-2', base64: roll });
    expect(again).toMatchObject({ imported: 0, committed: true, alreadyPaid: 1, settled: 0 });
    expect(await count(p, eq(p.idIndex, child.idIndex))).toBe(1);

    // Two imports of one roll at once: one payment per pupil, item and semester.
    const [open] = await database.db
      .select({ idIndex: f.idIndex, studentId: f.studentId })
      .from(f)
      .where(and(eq(f.semester, '2022-2'), eq(f.unitCode, HENGNAN), eq(f.status, 'open'), eq(f.stage, 'primary')))
      .limit(1);
    const [pupil] = await database.db.select().from(st).where(eq(st.id, open!.studentId));
    const twice = await book(ROLL_HEADERS, [[pupil!.name, plain(pupil!), '生活补助', '2022-2', '100', '2022-11-21']]);
    const both = await Promise.all([
      county.funding.aid.importPayments({ fileName: 'a.xlsx', dryRun: false, base64: twice }),
      (await as('zizhu')).funding.aid.importPayments({ fileName: 'b.xlsx', dryRun: false, base64: twice }),
    ]);
    expect(both.map((b) => b.imported).sort()).toEqual([0, 1]);
    expect(await count(p, and(eq(p.idIndex, pupil!.idIndex), eq(p.semester, '2022-2'), eq(p.item, 'living_allowance')))).toBe(1);
    const [settled] = await database.db
      .select()
      .from(f)
      .where(and(eq(f.semester, '2022-2'), eq(f.idIndex, pupil!.idIndex)));
    expect(settled!.status).toBe('aided');
  });

  it('pays a listed pupil not yet in the 学籍 extract without a student; the 学籍 import then counts them aided', async () => {
    const child = await unmatched(2);
    const county = await as('hnzizhu');
    const done = await county.funding.aid.importPayments({
      fileName: '发放名册.xlsx',
      dryRun: false,
      semester: '2022-2',
      base64: await book(ROLL_HEADERS, [[child.name, child.idNumber, '生活补助', '', '250', '2022-11-20']]),
    });
    expect(done).toMatchObject({ imported: 1, withoutStudent: 1, settled: 0 });
    const [payment] = await database.db.select().from(p).where(eq(p.idIndex, child.idIndex));
    expect(payment).toMatchObject({ studentId: null, schoolId: null, unitCode: HENGNAN });
    const own = await school('primary');
    await county.funding.aid.importStudents({
      fileName: '学籍.xlsx',
      dryRun: false,
      base64: await book(STUDENT_HEADERS, [[child.name, child.idNumber, 'G430422000004', own.code, '四年级', '否']]),
    });
    const [match] = await database.db
      .select()
      .from(m)
      .where(and(eq(m.semester, '2022-2'), eq(m.idIndex, child.idIndex)));
    expect(match!.outcome).toBe('aided');
  });

  it('lets the city aid centre import any county’s schools; the templates carry the columns', async () => {
    const city = await as('zizhu');
    const other = await school('primary', '430481');
    const dry = await city.funding.aid.importStudents({
      fileName: '学籍.xlsx',
      dryRun: true,
      base64: await book(STUDENT_HEADERS, [['周某', id('43048120130101555'), 'G1', other.code, '一年级', '是']]),
    });
    expect(dry).toMatchObject({ errorCount: 0, notListed: 1 });
    for (const t of [await city.funding.aid.studentsTemplate(), await city.funding.aid.paymentsTemplate()]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(t.base64, 'base64') as unknown as ArrayBuffer);
      expect(t.filename).toMatch(/\.xlsx$/);
      expect((wb.worksheets[1]!.getRow(1).values as unknown[]).filter(Boolean).length).toBe(6);
    }
  });
});
