import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { TrainingCapacityInput } from '@hyedu/domain/private-edu';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { exportBook } from '../../../exports.ts';
import { fieldError } from '../../../field-error.ts';
import { listUnits } from '../../../queries.ts';
import { actorLevel } from '../../../record-scope.ts';
import { exportProcedure } from '../../../trpc.ts';
import { conflict } from '../../../workflow-step.ts';
import { canWrite } from '../inspection-access.ts';
import { read, write } from '../procedures.ts';

const { privateTrainingCapacity: c } = tables;
const TARGET = 'private_training_capacity';

/** Every county of the caller's scope with its entry (none yet: null, version 0). */
async function capacityRows(ctx: AuthedContext) {
  const [units, rows] = await Promise.all([listUnits(ctx.db, ctx.scope), ctx.db.select().from(c)]);
  const editable = canWrite(ctx.identity.grants) && actorLevel(ctx.scope) !== 'school';
  return units
    .filter((u) => u.kind !== 'city')
    .map((u) => {
      const r = rows.find((x) => x.unitCode === u.code);
      return {
        unitCode: u.code,
        unitName: u.name,
        hasBody: r?.hasBody ?? null,
        bodyName: r?.bodyName ?? null,
        fullTimeStaff: r?.fullTimeStaff ?? null,
        partTimeStaff: r?.partTimeStaff ?? null,
        enforcementStaff: r?.enforcementStaff ?? null,
        note: r?.note ?? null,
        version: r?.version ?? 0,
        updatedBy: r?.updatedBy ?? null,
        updatedAt: r?.updatedAt.toISOString() ?? null,
        canEdit: editable,
      };
    });
}

/** 监管力量 (seed item 6: 落实好专门机构和工作力量): per county, a dedicated supervision body, its name and staff. */
export const capacityRouter = {
  /** Every county of the caller's scope with its entry (none yet: null, version 0). */
  list: read.query(({ ctx }) => capacityRows(ctx)),

  /** The list as Excel (one row per county of the scope; no person is named). */
  export: exportProcedure('private-edu').query(async ({ ctx }) => {
    const rows = await capacityRows(ctx);
    const n = (v: number | null) => v ?? '';
    return exportBook(
      ctx,
      '校外培训监管力量',
      [
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'hasBody', header: '设立专门监管机构', width: 14 },
        { key: 'bodyName', header: '机构名称', width: 28 },
        { key: 'fullTimeStaff', header: '专职人员', width: 9 },
        { key: 'partTimeStaff', header: '兼职人员', width: 9 },
        { key: 'enforcementStaff', header: '执法人员', width: 9 },
        { key: 'note', header: '备注', width: 24 },
        { key: 'updated', header: '最近填报', width: 22 },
      ],
      rows.map((r) => ({
        unitName: r.unitName,
        hasBody: r.hasBody === null ? '未填报' : r.hasBody ? '是' : '否',
        bodyName: r.bodyName ?? '',
        fullTimeStaff: n(r.fullTimeStaff),
        partTimeStaff: n(r.partTimeStaff),
        enforcementStaff: n(r.enforcementStaff),
        note: r.note ?? '',
        updated: r.updatedAt ? `${r.updatedAt.slice(0, 10)} ${r.updatedBy ?? ''}` : '',
      })),
    );
  }),

  /** Enters or corrects one county's entry (the county for itself, the city for any county), guarded by version (0: none yet). */
  save: write.input(TrainingCapacityInput).mutation(async ({ ctx, input }) => {
    const level = actorLevel(ctx.scope);
    if (level === 'school') throw new TRPCError({ code: 'FORBIDDEN', message: '监管力量由县市区教育局填报' });
    const unit = (await listUnits(ctx.db, ctx.scope)).find((u) => u.code === input.unitCode);
    if (level === 'county' && !unit) throw new TRPCError({ code: 'FORBIDDEN', message: '只能填报本县市区的监管力量' });
    if (!unit || unit.kind === 'city') throw fieldError('unitCode', '没有这个县市区');
    const { unitCode, expectedVersion, ...fields } = input;
    const values = { ...fields, bodyName: fields.bodyName || null, note: fields.note || null };
    return ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(c).where(eq(c.unitCode, unitCode)).for('update');
      if ((before?.version ?? 0) !== expectedVersion) throw conflict();
      const who = { updatedBy: ctx.identity.username, updatedAt: ctx.now };
      const [row] = before
        ? await tx
            .update(c)
            .set({ ...values, ...who, version: before.version + 1 })
            .where(and(eq(c.unitCode, unitCode), eq(c.version, before.version)))
            .returning({ version: c.version })
        : await tx
            .insert(c)
            .values({ unitCode, ...values, ...who, version: 1 })
            .onConflictDoNothing()
            .returning({ version: c.version });
      if (!row) throw conflict();
      await auditChange(tx, ctx, {
        action: 'privateEdu.training.capacity.save',
        targetType: TARGET,
        targetId: unitCode,
        before: before
          ? {
              hasBody: before.hasBody,
              bodyName: before.bodyName,
              fullTimeStaff: before.fullTimeStaff,
              partTimeStaff: before.partTimeStaff,
              enforcementStaff: before.enforcementStaff,
              note: before.note,
            }
          : undefined,
        after: { unitCode, ...values },
      });
      return { version: row.version };
    });
  }),
} satisfies TRPCRouterRecord;
