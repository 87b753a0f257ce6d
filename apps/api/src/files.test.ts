import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerWithCookie, signIn } from '@hyedu/api/testing';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { beijingDate } from '@hyedu/domain';
import { realPdf, realPng } from '@hyedu/files/testing';
import { buildApp } from './app.ts';
import { contentDisposition } from './files.ts';

describe.each(testEngines())('attachment downloads over HTTP on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  const cookies = new Map<string, string>();
  const PNG = realPng(32, 24);
  let photo = 0;
  let report = 0;
  const get = (url: string, user?: string) => app.inject({ url, headers: user ? { cookie: cookies.get(user)! } : {} });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildApp({ database, serveStatic: false, logLevel: 'silent' });
    for (const u of ['school', 'hengnan', 'leiyang', 'sysadmin']) cookies.set(u, await signIn(database, u));
    const school = await callerWithCookie(database, cookies.get('school')!);
    const [account] = await database.db
      .select({ grants: tables.accounts.grants })
      .from(tables.accounts)
      .where(eq(tables.accounts.username, 'school'));
    const schoolId = (account!.grants as { schoolId: number }[])[0]!.schoolId;
    const { id } = await school.safety.hazards.create({
      schoolId,
      source: 'self',
      category: 'fire',
      severity: 'ordinary',
      foundOn: beijingDate(new Date()),
      location: '食堂',
      description: '食堂灭火器过期未更换',
      responsiblePerson: '王强',
    });
    photo = (await school.safety.hazards.attach({ id, phase: 'before', fileName: '现场 照片（一）.png', base64: PNG.toString('base64') }))
      .id;
    report = (
      await school.safety.hazards.attach({ id, phase: 'before', fileName: '检查记录.pdf', base64: (await realPdf()).toString('base64') })
    ).id;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('sends the stored bytes as a download that is not sniffed, run or cached, with the Chinese name intact', async () => {
    const res = await get(`/api/files/safety/${photo}`, 'hengnan');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PNG)).toBe(true);
    expect(res.headers).toMatchObject({
      'content-type': 'image/png',
      'content-disposition': `attachment; filename="__ _____.png"; filename*=UTF-8''${encodeURIComponent('现场 照片（一）.png')}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-length': String(PNG.length),
    });
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))![1]!)).toBe('现场 照片（一）.png');
  });

  it('shows a decoded picture inline when asked; anything else, or a picture stored before the check, still downloads', async () => {
    expect((await get(`/api/files/safety/${photo}?inline=1`, 'school')).headers['content-disposition']).toMatch(/^inline; /);
    const pdf = await get(`/api/files/safety/${report}?inline=1`, 'school');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; /);
    await database.db.update(tables.attachments).set({ checked: false }).where(eq(tables.attachments.id, photo));
    expect((await get(`/api/files/safety/${photo}?inline=1`, 'school')).headers['content-disposition']).toMatch(/^attachment; /);
    await database.db.update(tables.attachments).set({ checked: true }).where(eq(tables.attachments.id, photo));
  });

  it('refuses exactly as the tRPC procedure does: signed out, another county, no right (audited), unknown file', async () => {
    const trpc = async (user: string | undefined, id: number) => {
      const res = await get(`/api/trpc/safety.hazards.file?input=${encodeURIComponent(JSON.stringify({ id }))}`, user);
      return { status: res.statusCode, message: res.json().error.message as string };
    };
    const route = async (user: string | undefined, id: number | string, area = 'safety') => {
      const res = await get(`/api/files/${area}/${id}`, user);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      return { status: res.statusCode, message: res.body };
    };
    expect(await route(undefined, photo)).toEqual({ status: 401, message: '请先登录' });
    expect(await route(undefined, photo)).toEqual(await trpc(undefined, photo));
    expect(await route('leiyang', photo)).toEqual({ status: 404, message: '附件不存在或不在您的数据范围内' });
    expect(await route('leiyang', photo)).toEqual(await trpc('leiyang', photo));
    expect(await route('hengnan', 999_999)).toEqual(await trpc('hengnan', 999_999));

    const denied = () =>
      database.db
        .select()
        .from(tables.auditLog)
        .where(
          and(
            eq(tables.auditLog.actor, 'sysadmin'),
            eq(tables.auditLog.action, 'safety.hazards.file'),
            eq(tables.auditLog.result, 'denied'),
          ),
        );
    const before = (await denied()).length;
    expect(await route('sysadmin', photo)).toMatchObject({ status: 403 });
    expect((await denied()).length).toBe(before + 1);
    expect(await route('sysadmin', photo)).toEqual(await trpc('sysadmin', photo));

    // A plan attachment's id under the safety area is not a hazard file; an unknown area names nothing.
    expect(await route('hengnan', photo, 'plan')).toMatchObject({ status: 404 });
    expect(await route('hengnan', photo, 'teachers')).toEqual({ status: 404, message: '文件不存在' });
    expect(await route(undefined, 'abc')).toEqual({ status: 401, message: '请先登录' });
    expect(await route('hengnan', 'abc')).toEqual({ status: 400, message: '文件编号无效' });
  });

  it('keeps non-ASCII, quotes and separators out of the plain filename', () => {
    expect(contentDisposition('a"b;c%.pdf', false)).toBe(`attachment; filename="a_b_c_.pdf"; filename*=UTF-8''a%22b%3Bc%25.pdf`);
    expect(contentDisposition("整改(1)'s.png", true)).toBe(
      `inline; filename="__(1)'s.png"; filename*=UTF-8''%E6%95%B4%E6%94%B9%281%29%27s.png`,
    );
  });
});
