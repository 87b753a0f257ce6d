import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerAs, failure } from '../../testing.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

describe.each(testEngines())('report attachments on %s', (engine) => {
  let database: Database;
  let taskId = 0;
  beforeAll(async () => {
    database = await openTestDatabase(engine, { scale: 0.02 });
    taskId = (await database.db.select({ id: tables.planTasks.id }).from(tables.planTasks).where(and(eq(tables.planTasks.year, 2022), eq(tables.planTasks.code, '5.1'))))[0]!.id;
  });
  afterAll(() => database?.close());

  it('the reporting county attaches evidence; its content decides its type; only those who may see the report download it', async () => {
    const hengnan = await callerAs(database, 'hengnan');
    const { id: reportId } = await hengnan.plan.submitReport({ taskId, report: { period: '2022-06', status: 'done', narrative: '全部“公参民”学校已转为公办，见附件。' } });
    const { id } = await hengnan.plan.attach({ reportId, fileName: '../转公办批复.pdf', base64: PDF.toString('base64') });
    expect(await failure(hengnan.plan.attach({ reportId, fileName: '照片.jpg', base64: Buffer.from('MZ\x90\x00').toString('base64') }))).toEqual({ code: 'BAD_REQUEST', message: '只能上传 PDF、JPG、PNG、Word（.docx）或 Excel（.xlsx）文件' });
    expect(await failure(hengnan.plan.attach({ reportId, fileName: '批复.png', base64: PDF.toString('base64') }))).toEqual({ code: 'BAD_REQUEST', message: '文件内容是PDF，与扩展名“.png”不符' });

    const report = (await (await callerAs(database, 'privedu')).plan.task({ taskId })).reports.find((r) => r.id === reportId)!;
    expect(report.attachments).toEqual([{ id, fileName: '转公办批复.pdf', size: PDF.length }]);
    const file = await (await callerAs(database, 'leader')).plan.attachment({ id });
    expect(Buffer.from(file.base64, 'base64').equals(PDF)).toBe(true);
    expect(file).toMatchObject({ filename: '转公办批复.pdf', mime: 'application/pdf' });

    expect(await failure((await callerAs(database, 'leiyang')).plan.attachment({ id }))).toEqual({ code: 'NOT_FOUND', message: '附件不存在或不在您的数据范围内' });
    expect(await failure((await callerAs(database, 'leiyang')).plan.attach({ reportId, fileName: 'x.pdf', base64: PDF.toString('base64') }))).toEqual({ code: 'NOT_FOUND', message: '报告不存在或不在您的数据范围内' });
    const [audit] = await database.db.select().from(tables.auditLog).where(eq(tables.auditLog.action, 'plan.attach'));
    expect(audit?.after).toMatchObject({ fileName: '转公办批复.pdf', mime: 'application/pdf' });
  });
});
