import type { TRPCRouterRecord } from '@trpc/server';
import { and, count, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, verifyAuditChain } from '@hyedu/db';
import { IsoDate, textField } from '@hyedu/domain';
import { AUDIT_CSV_HEADER, describeAudit } from '@hyedu/domain/audit';
import { Page } from '../inputs.ts';
import { contains } from '../queries.ts';
import { exportProcedure, readProcedure } from '../trpc.ts';

const { auditLog } = tables;
const read = readProcedure('audit');

const AuditFilter = Page.extend({
  actor: textField(64, '操作人').optional(),
  action: textField(80, '操作').optional(),
  result: z.enum(['ok', 'denied', 'error']).optional(),
  /** Days in China time (+08:00), inclusive. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
}).strict();
type AuditFilter = z.infer<typeof AuditFilter>;

const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

function where(f: AuditFilter): SQL | undefined {
  const end = f.to ? dayStart(f.to) : undefined;
  end?.setUTCDate(end.getUTCDate() + 1);
  return and(
    f.actor ? ilike(auditLog.actor, contains(f.actor)) : undefined,
    f.action ? ilike(auditLog.action, contains(f.action)) : undefined,
    f.result ? eq(auditLog.result, f.result) : undefined,
    f.from ? gte(auditLog.at, dayStart(f.from)) : undefined,
    end ? lt(auditLog.at, end) : undefined,
  );
}

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actor: auditLog.actor,
  realActor: auditLog.realActor,
  action: auditLog.action,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  result: auditLog.result,
  source: auditLog.source,
  before: auditLog.before,
  after: auditLog.after,
};

/** A spreadsheet cannot run a cell as a formula: prefix = + - @ tab and CR with ' (ASVS 1.2.10). */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const chinaTime = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19) + ' +08:00';

/** The audit trail, for the 审计管理员 only (三员: the other administrators cannot read it). */
export const auditRouter = {
  search: read.input(AuditFilter).query(async ({ ctx, input }) => {
    const w = where(input);
    const [rows, [total]] = await Promise.all([
      ctx.db
        .select(columns)
        .from(auditLog)
        .where(w)
        .orderBy(desc(auditLog.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(auditLog).where(w),
    ]);
    return { total: total?.n ?? 0, page: input.page, pageSize: input.pageSize, rows: rows.map((r) => ({ ...r, at: chinaTime(r.at) })) };
  }),

  /** Recomputes the hash chain and names the first broken record. */
  verify: read.query(({ ctx }) => verifyAuditChain(ctx.db, ctx.auditKey)),

  /**
   * CSV of the filtered trail (at most 50,000 rows) in the screen's words (`describeAudit`: action, record and
   * field-level changes in Chinese); the export itself is recorded (as every export is).
   */
  export: exportProcedure('audit')
    .input(AuditFilter.omit({ page: true, pageSize: true }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db
        .select(columns)
        .from(auditLog)
        .where(where({ ...input, page: 1, pageSize: 1 }))
        .orderBy(desc(auditLog.id))
        .limit(50_000);
      const lines = rows.map((r) => {
        const d = describeAudit(r);
        return [r.id, chinaTime(r.at), r.actor, r.realActor, d.action, d.target, d.result, r.source, d.changes].map(csvCell).join(',');
      });
      // BOM so that Excel opens the Chinese text as UTF-8.
      return {
        filename: `审计记录-${chinaTime(ctx.now).slice(0, 10)}.csv`,
        csv: `\uFEFF${[AUDIT_CSV_HEADER.join(','), ...lines].join('\r\n')}\r\n`,
        rows: rows.length,
      };
    }),
} satisfies TRPCRouterRecord;
