import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import type { Context } from './context.ts';
import type { FileDescription } from './file-meta.ts';
import { createCaller } from './router.ts';

type Caller = ReturnType<typeof createCaller>;

/**
 * The procedure that decides who may fetch each kind of file. The HTTP route calls it through a server-side caller,
 * so a download meets the same policy, scope checks, refusals and audit as the tRPC call — no second permission check.
 */
const DOWNLOADS: Record<string, (caller: Caller, id: number) => Promise<FileDescription>> = {
  plan: (caller, id) => caller.plan.reports.file({ id }),
  safety: (caller, id) => caller.safety.hazards.file({ id }),
  funding: (caller, id) => caller.funding.projects.file({ id }),
  // 校外培训执法案件
  'private-enforcement': (caller, id) => caller.privateEdu.enforcement.file({ id }),
};
export const FILE_AREAS = Object.keys(DOWNLOADS);

/** The file `id` of `area` with its bytes, if the request's caller may see it; otherwise the procedure's own TRPCError. */
export async function openFile(ctx: Context, area: string, id: number): Promise<FileDescription & { content: Buffer }> {
  const download = Object.hasOwn(DOWNLOADS, area) ? DOWNLOADS[area] : undefined;
  if (!download) throw new TRPCError({ code: 'NOT_FOUND', message: '文件不存在' });
  const file = await download(createCaller(ctx), id);
  const [row] = await ctx.db
    .select({ content: tables.attachments.content })
    .from(tables.attachments)
    .where(eq(tables.attachments.id, file.id));
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: '文件不存在' });
  return { ...file, content: row.content };
}
