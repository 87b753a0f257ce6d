import { and, asc, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blindIndex, encryptField, tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { idCardCheckChar } from '@hyedu/domain';
import { zipWith } from '@hyedu/excel/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

const AS_OF = '2022-11-30';
const { schools, teacherStaff: st, teacherEntries: entries, teacherBlacklist, teacherEthicsCases, auditLog } = tables;
const id = (first17: string) => first17 + idCardCheckChar(first17);

/** The national export's headers as the default mapping expects them (a title row above, as such exports have). */
const NATIONAL = [
  '姓名',
  '身份证件号',
  '性别',
  '出生日期',
  '学校标识码',
  '用工性质',
  '岗位类别',
  '专业技术职务',
  '教师资格证号码',
  '任教学科',
  '进本校年月',
  '教师编号',
  '准入查询日期',
  '准入查询结果',
];
type Person = {
  name: string;
  idNumber: string;
  school: string;
  joined?: string;
  queried?: string;
  result?: string;
  title?: string;
  sex?: string;
};
const line = (p: Person) => [
  p.name,
  p.idNumber,
  p.sex ?? '',
  '',
  p.school,
  '合同制',
  '专任教师',
  p.title ?? '二级教师',
  '20184300022001234',
  '语文',
  p.joined ?? '2022-11-28',
  '',
  p.queried ?? '2022-11-20',
  p.result ?? '无相关记录',
];

/** A workbook as the national system might export it: its own sheet name, a title row, then the headers and rows. */
async function nationalFile(rows: Person[], headers = NATIONAL, drop: number[] = []) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('教师基本信息');
  const keep = <T>(xs: T[]) => xs.filter((_, i) => !drop.includes(i));
  ws.addRow(['全国教师管理信息系统 教职工基本信息导出']);
  ws.addRow(keep(headers));
  for (const r of rows) ws.addRow(keep(line(r)));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe.each(testEngines())('the 全国教师管理信息系统 import and the teachers exports on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  let hengnan: { id: number; code: string }[] = [];
  let leiyang: { id: number; code: string }[] = [];
  const upload = (base64: string, dryRun: boolean) => ({ fileName: '教职工信息.xlsx', base64, dryRun });
  const staffOf = (idNumber: string) =>
    database.db
      .select()
      .from(st)
      .where(eq(st.idIndex, blindIndex(database.keys.indexKey, idNumber)))
      .orderBy(asc(st.id));
  const entriesOf = (idNumber: string) =>
    database.db
      .select({ kind: entries.kind, refusal: entries.refusal })
      .from(entries)
      .where(eq(entries.idIndex, blindIndex(database.keys.indexKey, idNumber)))
      .orderBy(asc(entries.id));
  const imports = async () =>
    (await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'teachers.importStaff')))[0]!.n;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const pick = (unit: string) =>
      database.db
        .select({ id: schools.id, code: schools.code })
        .from(schools)
        .where(eq(schools.unitCode, unit))
        .orderBy(asc(schools.code))
        .limit(3);
    hengnan = await pick('430422');
    leiyang = await pick('430481');
    for (const u of ['hengnan', 'leiyang', 'teachers', 'school']) cookies.set(u, await signIn(database, u));
  }, 120_000);
  afterAll(() => database?.close());

  it('hires from a national export: a dry run counts, the commit writes all rows with one audit record (the file’s SHA-256)', async () => {
    const county = await as('hengnan');
    const a = id('43042219900512102');
    const b = id('43042219880303203');
    const file = await nationalFile([
      { name: '周敏', idNumber: a, school: hengnan[0]!.code, sex: '女' },
      { name: '吴刚', idNumber: b, school: hengnan[1]!.code, joined: '202211', queried: '2022/10/20' },
    ]);
    const dry = await county.teachers.files.import(upload(file, true));
    expect(dry).toMatchObject({ imported: 0, rows: 2, errorCount: 0, hires: 2, transfers: 0, updates: 0 });
    expect(await staffOf(a)).toEqual([]);
    const before = await imports();
    expect(await county.teachers.files.import(upload(file, false))).toMatchObject({ imported: 2, hires: 2 });
    const [row] = await staffOf(a);
    expect(row).toMatchObject({
      schoolId: hengnan[0]!.id,
      name: '周敏',
      birthDate: '1990-05-12',
      sex: 'female',
      status: 'contract',
      title: '二级教师',
    });
    expect((await staffOf(b))[0]).toMatchObject({ joinedOn: '2022-11-01', sex: 'male' });
    expect(await entriesOf(a)).toEqual([{ kind: 'hire', refusal: null }]);
    expect(await imports()).toBe(before + 1);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'teachers.importStaff')).orderBy(asc(auditLog.id));
    expect(audit!.after).toMatchObject({ file: '教职工信息.xlsx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), rows: 2, hires: 2 });

    // The same file again: both people are in post at those schools — nothing changes; a new title is an update.
    expect(await county.teachers.files.import(upload(file, true))).toMatchObject({ errorCount: 0, hires: 0, unchanged: 2 });
    const retitled = await nationalFile([
      { name: '周敏', idNumber: a, school: hengnan[0]!.code, title: '一级教师', queried: '', result: '' },
    ]);
    expect(await county.teachers.files.import(upload(retitled, false))).toMatchObject({ imported: 1, updates: 1 });
    expect((await staffOf(a))[0]).toMatchObject({ title: '一级教师', version: 2, joinedOn: '2022-11-28' });
    expect(await entriesOf(a)).toHaveLength(1);
  });

  it('refuses by row a person blacklisted in another county (the reason only for the entitled) and writes nothing of the file', async () => {
    const listed = id('43042219800808304');
    const idIndex = blindIndex(database.keys.indexKey, listed);
    const [ethicsCase] = await database.db
      .insert(teacherEthicsCases)
      .values({
        schoolId: hengnan[2]!.id,
        unitCode: '430422',
        name: '赵某',
        idIndex,
        idCipher: encryptField(database.keys.dataKey, listed, `teacher_ethics_case:${idIndex}`),
        privateSchool: false,
        clause: 7,
        source: 'complaint',
        clue: '群众举报',
        status: 'executing',
        handling: 'expulsion',
        effectiveOn: '2021-06-01',
        certificate: 'lost',
        createdBy: 'test',
        createdAt: new Date(),
      })
      .returning({ id: teacherEthicsCases.id });
    await database.db.insert(teacherBlacklist).values({
      idIndex,
      name: '赵某',
      caseId: ethicsCase!.id,
      unitCode: '430422',
      fromDate: '2021-06-01',
      createdBy: 'test',
      createdAt: new Date(),
    });
    const clean = id('43048119910101405');
    const file = await nationalFile([
      { name: '孙丽', idNumber: clean, school: leiyang[0]!.code },
      { name: '赵某', idNumber: listed, school: leiyang[1]!.code },
    ]);
    const county = await as('leiyang');
    const dry = await county.teachers.files.import(upload(file, true));
    expect(dry).toMatchObject({ imported: 0, errorCount: 1, errors: ['第4行 身份证件号 不符合准入条件'] });
    expect(await entriesOf(listed)).toEqual([]); // a dry run records no entry…
    const denied = await database.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'teachers.files.import'), eq(auditLog.result, 'denied'), eq(auditLog.actor, 'leiyang')));
    expect(denied.at(-1)?.after).toMatchObject({ dryRun: true, refused: [{ refusal: 'blacklisted' }] }); // …but is audited
    expect(await county.teachers.files.import(upload(file, false))).toMatchObject({ imported: 0, errorCount: 1 });
    expect(await staffOf(clean)).toEqual([]);
    expect(await entriesOf(listed)).toEqual([{ kind: 'hire', refusal: 'blacklisted' }]);
    // the city 科室 reads the reason
    expect((await (await as('teachers')).teachers.files.import(upload(file, true))).errors).toEqual([
      '第4行 身份证件号 该人员在师德失范黑名单期限内，不得录用',
    ]);
  });

  it('refuses a hire without a 准入查询, or with a stale one, by row; the file’s sex and birth date are checked against the ID number', async () => {
    const county = await as('hengnan');
    const none = id('43042219930303506');
    const stale = id('43042219930303607');
    const wrongSex = id('43042219930303708');
    const file = await nationalFile([
      { name: '钱一', idNumber: none, school: hengnan[0]!.code, queried: '', result: '' },
      { name: '钱二', idNumber: stale, school: hengnan[0]!.code, queried: '2022-06-01' },
      { name: '钱三', idNumber: wrongSex, school: hengnan[0]!.code, sex: '男' },
    ]);
    expect((await county.teachers.files.import(upload(file, false))).errors).toEqual([
      '第3行 准入查询日期 未进行教职员工准入查询（性侵违法犯罪信息查询），不得录用',
      '第4行 准入查询日期 准入查询距入职已超过90天，请重新查询',
      '第5行 性别 性别与身份证号不符',
    ]);
    // Without the query columns at all (a plain national export), every new person is refused the same way.
    const bare = await nationalFile([{ name: '钱四', idNumber: id('43042219930303809'), school: hengnan[0]!.code }], NATIONAL, [12, 13]);
    expect((await county.teachers.files.import(upload(bare, true))).errors).toEqual([
      '第3行 准入查询日期 未进行教职员工准入查询（性侵违法犯罪信息查询），不得录用',
    ]);
    expect(await staffOf(none)).toEqual([]);
  });

  it('a person in post elsewhere is a transfer through the gate; a county moves only its own people, the city across counties', async () => {
    const county = await as('hengnan');
    const mover = id('43042219920202910');
    await county.teachers.files.import(
      upload(
        await nationalFile([{ name: '郑老师', idNumber: mover, school: hengnan[0]!.code, joined: '2022-11-01', queried: '2022-10-25' }]),
        false,
      ),
    );
    const move = await nationalFile([{ name: '郑老师', idNumber: mover, school: hengnan[1]!.code, joined: '2022-11-29' }]);
    expect(await county.teachers.files.import(upload(move, false))).toMatchObject({ imported: 1, transfers: 1 });
    const rows = await staffOf(mover);
    expect(rows.map((r) => [r.schoolId, r.leftOn])).toEqual([
      [hengnan[0]!.id, '2022-11-29'],
      [hengnan[1]!.id, null],
    ]);
    expect(await entriesOf(mover)).toEqual([
      { kind: 'hire', refusal: null },
      { kind: 'transfer', refusal: null },
    ]);
    // 耒阳市 cannot take a 衡南县 teacher by file; the city can, and a transfer dated before the current post is refused.
    const across = await nationalFile([{ name: '郑老师', idNumber: mover, school: leiyang[0]!.code, joined: '2022-11-30' }]);
    expect((await (await as('leiyang')).teachers.files.import(upload(across, true))).errors).toEqual([
      '第3行 身份证件号 该人员在本县市区以外的学校在岗，跨县市区调动由市教育局办理',
    ]);
    const early = await nationalFile([{ name: '郑老师', idNumber: mover, school: leiyang[0]!.code, joined: '2022-11-20' }]);
    expect((await (await as('teachers')).teachers.files.import(upload(early, true))).errors).toEqual([
      '第3行 进本校年月 该人员在其他学校在岗：调入日期应晚于在现任职学校的入职日期',
    ]);
    expect(await (await as('teachers')).teachers.files.import(upload(across, false))).toMatchObject({ transfers: 1 });
    expect((await staffOf(mover)).filter((r) => r.leftOn === null).map((r) => r.schoolId)).toEqual([leiyang[0]!.id]);
  });

  it('reads renamed headers once the 科室 maps them; only the city sets the mapping, audited', async () => {
    const city = await as('teachers');
    const county = await as('hengnan');
    const renamed = [
      '教职工姓名',
      '公民身份号码',
      '性别',
      '出生日期',
      '学校代码',
      '编制类别',
      '岗位类别',
      '专业技术职务',
      '教师资格证号码',
      '任教学科',
      '入职时间',
      '教师编号',
      '准入查询日期',
      '准入查询结果',
    ];
    const who = id('43042219950505111');
    const file = await nationalFile([{ name: '冯老师', idNumber: who, school: hengnan[2]!.code }], renamed);
    expect(await failure(county.teachers.files.import(upload(file, true)))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('文件中没有包含以下各列的工作表：姓名、身份证件号、学校标识码'),
    });
    const mapping = {
      name: ['姓名', '教职工姓名'],
      idNumber: ['身份证件号', '公民身份号码'],
      employment: ['用工性质', '编制类别'],
      joinedOn: ['进本校年月', '入职时间'],
    };
    expect(await failure(county.teachers.settings.saveMapping({ mapping, expectedVersion: 0 }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(city.teachers.settings.saveMapping({ mapping: { subject: ['职称'] }, expectedVersion: 0 }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await city.teachers.settings.saveMapping({ mapping, expectedVersion: 0 })).toEqual({ version: 1 });
    expect(await failure(city.teachers.settings.saveMapping({ mapping, expectedVersion: 0 }))).toMatchObject({ code: 'CONFLICT' });
    const settings = await county.teachers.settings.get();
    expect(settings).toMatchObject({ version: 1, canConfigure: false });
    expect(settings.fields.find((f) => f.key === 'name')).toMatchObject({
      headers: ['姓名', '教职工姓名'],
      changed: true,
      owner: 'national',
    });
    expect(await county.teachers.files.import(upload(file, false))).toMatchObject({ imported: 1, hires: 1 });
    // an error names the column by the file's own header
    const bad = await nationalFile([{ name: '冯老师二', idNumber: '430422199505051113', school: hengnan[2]!.code }], renamed);
    expect((await county.teachers.files.import(upload(bad, true))).errors).toEqual(['第3行 公民身份号码 身份证号校验位错误']);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'teachers.settings.saveMapping'), eq(auditLog.result, 'ok')));
    expect(audit).toMatchObject({ actor: 'teachers', result: 'ok', after: { importMapping: { name: ['姓名', '教职工姓名'] } } });
    await city.teachers.settings.saveMapping({ mapping: {}, expectedVersion: 1 });
  });

  it('refuses hostile files before parsing, another county’s school by row, and a school account altogether', async () => {
    const county = await as('hengnan');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000)]).toString('base64');
    expect(await failure(county.teachers.files.import({ fileName: '教职工.xlsx', base64: exe, dryRun: true }))).toEqual({
      code: 'BAD_REQUEST',
      message: '文件内容不是 Excel 工作簿（扩展名可能被修改过）',
    });
    const bomb = zipWith('xl/workbook.xml', Buffer.alloc(200 * 1024 * 1024)).toString('base64');
    expect((await failure(county.teachers.files.import({ fileName: 'bomb.xlsx', base64: bomb, dryRun: true })))?.message).toContain(
      '疑似压缩炸弹',
    );
    const good = id('43042219960606112');
    const mixed = await nationalFile([
      { name: '陈老师', idNumber: good, school: hengnan[0]!.code },
      { name: '林老师', idNumber: id('43048119960606213'), school: leiyang[0]!.code },
    ]);
    const answer = await county.teachers.files.import(upload(mixed, false));
    expect(answer).toMatchObject({ imported: 0, errors: ['第4行 学校标识码 学校不存在或不在您的数据范围内'] });
    expect(await staffOf(good)).toEqual([]);
    expect(await failure((await as('school')).teachers.files.import(upload(mixed, true)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('exports the lists: staff with the ID number masked, entries with query and outcome; cases and 黑名单 only for the ethics role', async () => {
    const county = await as('hengnan');
    const sheet = async (base64: string, name?: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
      const out: string[][] = [];
      (name ? wb.getWorksheet(name)! : wb.worksheets[0]!).eachRow((r) =>
        out.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))),
      );
      return out;
    };
    const staff = await county.teachers.files.exportStaff({ q: '周敏' });
    const rows = await sheet(staff.base64);
    expect(rows[1]).toContain('身份证号');
    expect(rows[2]).toEqual(expect.arrayContaining(['周敏', `4304**********${id('43042219900512102').slice(-4)}`, '合同制', '专任教师']));
    expect(JSON.stringify(rows)).not.toContain('19900512');
    const refused = await sheet((await (await as('leiyang')).teachers.files.exportEntries({ refused: true })).base64);
    expect(refused.slice(2).map((r) => r.at(-3))).toContain('未准入：不符合准入条件');
    expect(refused.slice(2).flat()).not.toContain('—'); // a refused entry names the person it refused, masked
    const moved = await sheet((await county.teachers.files.exportEntries({ kind: 'transfer' })).base64);
    expect(moved[2]).toEqual(expect.arrayContaining(['调动', '郑老师', '无相关记录', '准入']));
    const cases = await county.teachers.files.exportEthicsCases({});
    expect(cases.rows).toBeGreaterThan(0);
    const listed = await sheet((await county.teachers.files.exportBlacklist({})).base64);
    expect(listed[2]).toEqual(expect.arrayContaining(['赵某', '永久', '在黑名单期限内']));
    expect(await failure((await as('leiyang')).teachers.files.exportBlacklist({}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure((await as('leiyang')).teachers.files.exportEthicsCases({}))).toMatchObject({ code: 'FORBIDDEN' });
    const exported = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'export'), eq(auditLog.actor, 'hengnan')));
    expect(exported.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'teachers.files.exportStaff',
        'teachers.files.exportEntries',
        'teachers.files.exportEthicsCases',
        'teachers.files.exportBlacklist',
      ]),
    );
    const template = await county.teachers.files.template();
    expect((await sheet(template.base64, '教职工信息'))[0]).toEqual(expect.arrayContaining(['姓名', '身份证件号', '准入查询日期']));
  });
});
