import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerAs, failure } from '../../testing.ts';

const load = async (base64: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
};

/** Fills the downloaded template as a person would: a small 2023 plan. */
async function filled(
  template: string,
  lead = '民办教育与校外培训监管科',
  extra: { items?: ExcelJS.CellValue[][]; tasks?: ExcelJS.CellValue[][] } = {},
) {
  const wb = await load(template);
  const info = wb.getWorksheet('基本信息')!;
  for (const [k, v] of [
    ['年度', '2023'],
    ['标题', '2023年衡阳市教育局工作要点'],
    ['发文单位', '衡阳市教育局'],
    ['印发日期', '2023-03-20'],
    ['主送', '各县市区教育局'],
    ['前言', '2023年是全面贯彻落实党的二十大精神的开局之年。'],
    ['结语', '统筹做好其他工作。'],
  ])
    info.addRow([k, v]);
  const items = wb.getWorksheet('事项')!;
  items.addRow([1, '深入学习贯彻党的二十大精神', 1, '学习贯彻党的二十大精神', '把学习宣传贯彻党的二十大精神作为首要政治任务。', '']);
  items.addRow([2, '办好人民满意的教育', 2, '规范民办义务教育', '民办义务教育在校生占比持续控制在5%以内。', '民办教育']);
  for (const row of extra.items ?? []) items.addRow(row);
  // The task sheet has drop-downs on rows 3–1002: people type into those rows, from row 3 (row 2 is the example).
  const tasks = wb.getWorksheet('任务')!;
  [
    ['1.1', '开展党的二十大精神专题学习', '机关党委', '', '全部县市区', '印发学习方案', '2023-04-30', ''],
    ['2.1', '控制民办义务教育在校生占比', lead, '基础教育科', '全部县市区', '秋季招生计划核定', '2023-07-31', 'private.compulsory-share'],
    ['2.1', '控制民办义务教育在校生占比', lead, '基础教育科', '全部县市区', '占比控制在5%以内', '2023-12-31', 'private.compulsory-share'],
    ...(extra.tasks ?? []),
  ].forEach((values, i) => (tasks.getRow(3 + i).values = values));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe.each(testEngines())('plan files on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database?.close());

  it('the plan status exports to Excel with every milestone the account may see', async () => {
    const file = await (await callerAs(database, 'leader')).plan.plans.export({ year: 2022 });
    expect(file.filename).toMatch(/^2022年工作要点落实情况_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ws = (await load(file.base64)).getWorksheet('落实情况')!;
    expect(String(ws.getCell('A1').value)).toContain('数据范围：全市');
    // One row per milestone of the year: every milestone the 局领导 may see (all of them).
    const all = await database.db
      .select({ id: tables.planMilestones.id })
      .from(tables.planMilestones)
      .innerJoin(tables.planTasks, eq(tables.planTasks.id, tables.planMilestones.taskId))
      .where(eq(tables.planTasks.year, 2022));
    expect(file.rows).toBe(all.length);
    expect(ws.rowCount - 2).toBe(file.rows);
    const county = await (await callerAs(database, 'leiyang')).plan.plans.export({ year: 2022 });
    expect(county.rows).toBeLessThan(file.rows); // city-level tasks are not 耒阳市's
  });

  it('only the plan coordinator (办公室) downloads the template and imports a plan', async () => {
    expect(await failure((await callerAs(database, 'privedu')).plan.plans.template())).toMatchObject({ code: 'FORBIDDEN' });
    const { base64 } = await (await callerAs(database, 'office')).plan.plans.template();
    const wb = await load(base64);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['填写说明', '基本信息', '事项', '任务']);
  });

  it('a 2023 plan from the template: a dry run reports every error by row and column and writes nothing; fixed, it imports whole', async () => {
    const office = await callerAs(database, 'office');
    const { base64 } = await office.plan.plans.template();
    const bad = await office.plan.plans.import({
      fileName: '2023年工作要点.xlsx',
      base64: await filled(base64, '不存在科'),
      dryRun: false,
    });
    expect(bad.imported).toBe(false);
    expect(bad.errors).toEqual(['“任务”表 第4行 牵头科室 没有名为“不存在科”的科室', '“任务”表 第5行 牵头科室 没有名为“不存在科”的科室']);
    expect(await database.db.select().from(tables.workPlans).where(eq(tables.workPlans.year, 2023))).toEqual([]);

    const good = await filled(base64);
    const dry = await office.plan.plans.import({ fileName: '2023年工作要点.xlsx', base64: good, dryRun: true });
    expect(dry).toMatchObject({ imported: false, errors: [], summary: { year: 2023, sections: 2, items: 2, tasks: 2, milestones: 3 } });
    expect(await office.plan.plans.import({ fileName: '2023年工作要点.xlsx', base64: good, dryRun: false })).toMatchObject({
      imported: true,
    });
    const [audit] = await database.db.select().from(tables.auditLog).where(eq(tables.auditLog.action, 'plan.importPlan'));
    expect(audit?.after).toMatchObject({
      file: '2023年工作要点.xlsx',
      sha256: createHash('sha256').update(Buffer.from(good, 'base64')).digest('hex'),
      milestones: 3,
    });
    const tasks = await (await callerAs(database, 'leader')).plan.tasks.list({ year: 2023 });
    expect(tasks.map((t) => [t.code, t.lead, t.milestones.length])).toEqual([
      ['1.1', 'party', 1],
      ['2.1', 'private-edu', 2],
    ]);
    expect(tasks[1]?.units).toHaveLength(13);
    expect(await failure(office.plan.plans.import({ fileName: '2023年工作要点.xlsx', base64: good, dryRun: false }))).toEqual({
      code: 'CONFLICT',
      message: '2023年的工作要点已存在，不能重复导入',
    });
    const years = await (await callerAs(database, 'leader')).platform.planYears();
    expect(years.map((y) => y.year)).toEqual([2022, 2023]);
  });

  // Issue 11 §2: duplicate rows in one import file are refused with a message per row, and cells are checked like any text.
  it('a plan file with a repeated item, a repeated milestone or hidden characters is refused row by row', async () => {
    const office = await callerAs(database, 'office');
    const { base64 } = await office.plan.plans.template();
    const file = await filled(base64, '民办教育与校外培训监管科', {
      items: [[2, '办好人民满意的教育', 2, '规范民办义务教育', '重复的一行。', '']],
      tasks: [
        ['2.1', '控制民办义务教育在校生占比', '民办教育与校外培训监管科', '基础教育科', '全部县市区', '占比控制在5%以内', '2023-12-31', ''],
        ['1.1', '开展\u202E专题学习', '机关党委', '', '全部县市区', '\u200b\u200b', '2023-05-31', ''],
      ],
    });
    const result = await office.plan.plans.import({ fileName: '2024.xlsx', base64: file, dryRun: true });
    expect(result.errors).toEqual(['“任务”表 第7行 任务名称 含有不可见的控制字符或无效字符', '“任务”表 第7行 时间节点 不能为空']);
    const repeated = await filled(base64, '民办教育与校外培训监管科', {
      items: [[2, '办好人民满意的教育', 2, '规范民办义务教育', '重复的一行。', '']],
      tasks: [
        ['2.1', '控制民办义务教育在校生占比', '民办教育与校外培训监管科', '基础教育科', '全部县市区', '占比控制在5%以内', '2023-12-31', ''],
      ],
    });
    const dup = await office.plan.plans.import({ fileName: '2024.xlsx', base64: repeated, dryRun: true });
    expect(dup.errors).toEqual([
      '“事项”表 第5行 事项序号 与第4行重复（每个事项只能有一行）',
      '“任务”表 第6行 与第5行重复（同一任务的同一时间节点）',
    ]);
  });

  it('files that are not spreadsheets are refused before parsing', async () => {
    const office = await callerAs(database, 'office');
    expect(await failure(office.plan.plans.import({ fileName: 'plan.exe', base64: 'TVqQ', dryRun: true }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('只能上传 .xlsx'),
    });
    expect(
      await failure(
        office.plan.plans.import({
          fileName: 'plan.xlsx',
          base64: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]).toString('base64'),
          dryRun: true,
        }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', message: '文件内容不是 Excel 工作簿（扩展名可能被修改过）' });
  });

  it('the dashboard exports to Excel with the figures it shows', async () => {
    const leader = await callerAs(database, 'leader');
    const shown = (await leader.dashboard.kpis()).find((k) => k.id === 'private.compulsory-share')!;
    const ws = (await load((await leader.dashboard.export()).base64)).getWorksheet('指标')!;
    expect(String(ws.getCell('A1').value)).toMatch(/^领导驾驶舱指标（数据范围：全市，数据截至 \d{4}年\d{1,2}月\d{1,2}日）$/);
    const row = ws.getRows(3, ws.rowCount - 2)!.find((r) => r.getCell(2).value === shown.title)!;
    expect(row.getCell(3).value).toBe(`${(shown.value! * 100).toFixed(1)}%`);
    expect(row.getCell(4).value).toBe(shown.num);
    const early = await callerAs(database, 'leader', { asOf: '2021-06-30' });
    const none = (await early.dashboard.kpis()).find((k) => k.id === 'funding.aid-coverage')!;
    expect(none.status).toBe('no_data');
    const before = (await load((await early.dashboard.export()).base64)).getWorksheet('指标')!;
    expect(
      before
        .getRows(3, before.rowCount - 2)!
        .find((r) => r.getCell(2).value === none.title)!
        .getCell(3).value,
    ).toBe('暂无数据');
  });
});
