import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { EXE, openWithJavaScript, realDocx, realPdf, realPng } from '@hyedu/files/testing';
import { openFile } from '../../downloads.ts';
import { callerAs, contextWithCookie, failure, signIn } from '../../testing.ts';

const PDF = await realPdf();

describe.each(testEngines())('report attachments on %s', (engine) => {
  let database: Database;
  let taskId = 0;
  beforeAll(async () => {
    database = await openTestDatabase(engine, { scale: 0.02 });
    taskId = (
      await database.db
        .select({ id: tables.planTasks.id })
        .from(tables.planTasks)
        .where(and(eq(tables.planTasks.year, 2022), eq(tables.planTasks.code, '5.1')))
    )[0]!.id;
  });
  afterAll(() => database?.close());

  it('the reporting county attaches evidence; its content decides its type; only those who may see the report download it', async () => {
    const hengnan = await callerAs(database, 'hengnan');
    const { id: reportId } = await hengnan.plan.reports.submit({
      taskId,
      report: { period: '2022-06', status: 'done', narrative: '全部“公参民”学校已转为公办，见附件。' },
    });
    const { id } = await hengnan.plan.reports.attach({ reportId, fileName: '../转公办批复.pdf', base64: PDF.toString('base64') });
    expect(
      await failure(hengnan.plan.reports.attach({ reportId, fileName: '照片.jpg', base64: Buffer.from('MZ\x90\x00').toString('base64') })),
    ).toEqual({ code: 'BAD_REQUEST', message: '只能上传 PDF、JPG、PNG、Word（.docx）或 Excel（.xlsx）文件' });
    expect(await failure(hengnan.plan.reports.attach({ reportId, fileName: '批复.png', base64: PDF.toString('base64') }))).toEqual({
      code: 'BAD_REQUEST',
      message: '文件内容是PDF，与扩展名“.png”不符',
    });

    const report = (await (await callerAs(database, 'privedu')).plan.tasks.byId({ taskId })).reports.find((r) => r.id === reportId)!;
    expect(report.attachments).toEqual([{ id, fileName: '转公办批复.pdf', size: PDF.length }]);
    // The procedure describes the file (never its bytes); the download route streams the bytes after calling it.
    expect(await (await callerAs(database, 'leader')).plan.reports.file({ id })).toEqual({
      id,
      filename: '转公办批复.pdf',
      mime: 'application/pdf',
      size: PDF.length,
      inline: false,
    });
    const file = await openFile(await contextWithCookie(database, await signIn(database, 'leader')), 'plan', id);
    expect(file.content.equals(PDF)).toBe(true);

    expect(await failure((await callerAs(database, 'leiyang')).plan.reports.file({ id }))).toEqual({
      code: 'NOT_FOUND',
      message: '附件不存在或不在您的数据范围内',
    });
    expect(
      await failure(
        (await callerAs(database, 'leiyang')).plan.reports.attach({ reportId, fileName: 'x.pdf', base64: PDF.toString('base64') }),
      ),
    ).toEqual({ code: 'NOT_FOUND', message: '报告不存在或不在您的数据范围内' });
    expect(await failure(openFile(await contextWithCookie(database, await signIn(database, 'leiyang')), 'plan', id))).toEqual({
      code: 'NOT_FOUND',
      message: '附件不存在或不在您的数据范围内',
    });
    expect(await failure(openFile(await contextWithCookie(database, undefined), 'plan', id))).toEqual({
      code: 'UNAUTHORIZED',
      message: '请先登录',
    });
    const [audit] = await database.db.select().from(tables.auditLog).where(eq(tables.auditLog.action, 'plan.attach'));
    expect(audit?.after).toMatchObject({ fileName: '转公办批复.pdf', mime: 'application/pdf' });
  });

  it('a file is judged by its whole content: a PNG that is a web page, a PDF with a script, a Word file carrying a program are refused and nothing is stored', async () => {
    const hengnan = await callerAs(database, 'hengnan');
    const { id: reportId } = await hengnan.plan.reports.submit({
      taskId,
      report: { period: '2022-07', status: 'in_progress', narrative: '推进中，附现场照片。' },
    });
    const attach = (fileName: string, bytes: Buffer) =>
      hengnan.plan.reports.attach({ reportId, fileName, base64: bytes.toString('base64') });
    const html = Buffer.concat([
      realPng().subarray(0, 8),
      Buffer.from('<html><script>fetch("/api/trpc/auth.logoutOthers",{method:"POST"})</script></html>'),
    ]);
    expect(await failure(attach('现场.png', html))).toEqual({
      code: 'BAD_REQUEST',
      message: '图片无法解码（文件已损坏或不是真正的 PNG 图片）；请用画图或截图工具另存为新图片后再上传',
    });
    expect(await failure(attach('批复.pdf', await realPdf(openWithJavaScript)))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('PDF 含有脚本'),
    });
    expect(await failure(attach('说明.docx', realDocx({ 'word/embeddings/setup.exe': EXE })))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('“setup.exe”'),
    });
    const stored = await database.db
      .select()
      .from(tables.attachments)
      .where(and(eq(tables.attachments.ownerType, 'progress_report'), eq(tables.attachments.ownerId, reportId)));
    expect(stored).toEqual([]);
    await attach('现场.png', realPng());
    await attach('说明.docx', realDocx());
  });
});
