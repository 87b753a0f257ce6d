import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { authorize, MAX_RECORD_ID } from '@hyedu/domain';
import {
  DEFAULT_IMPORT_MAPPING,
  DEFAULT_STAFFING_STANDARD,
  ImportMapping,
  resolveMapping,
  resolveStandard,
  STAFF_IMPORT_FIELDS,
  StaffImportField,
  StaffingStandard,
  type StaffingStage,
} from '@hyedu/domain/teachers';
import { auditChange } from '../../audit-change.ts';
import { actorLevel } from '../../record-scope.ts';
import { readProcedure, writeProcedure } from '../../trpc.ts';
import { conflict } from '../../workflow-step.ts';

const { teacherSettings } = tables;
const read = readProcedure('teachers');
const write = writeProcedure('teachers');
const SettingsVersion = z.number().int().min(0).max(MAX_RECORD_ID);

/** The 科室's override of the import mapping (only the fields it changed). */
const overrideOf = (stored: unknown): ImportMapping => {
  const parsed = ImportMapping.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
};

/** The import mapping in force: the 科室's override, the domain's default for the rest. */
export async function importMapping(db: Db) {
  const [row] = await db.select().from(teacherSettings).where(eq(teacherSettings.id, 1));
  return resolveMapping(overrideOf(row?.importMapping));
}

/** The staffing standard in force: the 科室's ratios over the domain's default. */
export async function staffingStandard(db: Db): Promise<StaffingStandard> {
  const [row] = await db.select({ s: teacherSettings.staffingStandard }).from(teacherSettings).where(eq(teacherSettings.id, 1));
  return resolveStandard(row?.s);
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The module's settings: the column mapping of the 全国教师管理信息系统 import. Everyone of the module reads it (the
 * import dialog says which headers it expects); the city 科室 changes it, each change audited.
 */
export const teacherSettingsRouter = {
  get: read.query(async ({ ctx }) => {
    const [row] = await ctx.db.select().from(teacherSettings).where(eq(teacherSettings.id, 1));
    const override = overrideOf(row?.importMapping);
    return {
      fields: StaffImportField.options.map((key) => ({
        key,
        ...STAFF_IMPORT_FIELDS[key],
        defaults: [...DEFAULT_IMPORT_MAPPING[key]],
        headers: [...(override[key] ?? DEFAULT_IMPORT_MAPPING[key])],
        changed: override[key] !== undefined,
      })),
      standard: resolveStandard(row?.staffingStandard),
      standardDefault: { ...DEFAULT_STAFFING_STANDARD },
      version: row?.version ?? 0,
      updatedBy: row?.updatedBy ?? null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      canConfigure: actorLevel(ctx.scope) === 'city' && authorize(ctx.identity.grants, { area: 'teachers', action: 'write' }).allowed,
    };
  }),

  /** Sets the import mapping (the city 科室 only): fields equal to the default are stored as “default”. */
  saveMapping: write.input(z.object({ mapping: ImportMapping, expectedVersion: SettingsVersion }).strict()).mutation(({ ctx, input }) => {
    if (actorLevel(ctx.scope) !== 'city') throw new TRPCError({ code: 'FORBIDDEN', message: '只有市教育局教师工作科室可以设置导入表头' });
    const override = Object.fromEntries(
      Object.entries(input.mapping).filter(([k, v]) => v && !same(v, DEFAULT_IMPORT_MAPPING[k as StaffImportField])),
    ) as ImportMapping;
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(teacherSettings).where(eq(teacherSettings.id, 1)).for('update');
      if ((row?.version ?? 0) !== input.expectedVersion) throw conflict();
      const values = { importMapping: override, updatedBy: ctx.identity.username, updatedAt: ctx.now, version: input.expectedVersion + 1 };
      if (row) await tx.update(teacherSettings).set(values).where(eq(teacherSettings.id, 1));
      else await tx.insert(teacherSettings).values({ id: 1, ...values });
      await auditChange(tx, ctx, {
        action: 'teachers.settings.saveMapping',
        targetType: 'teacher_settings',
        targetId: '1',
        before: { importMapping: resolveMapping(overrideOf(row?.importMapping)) },
        after: { importMapping: resolveMapping(override) },
      });
      return { version: values.version };
    });
  }),

  /** Sets the staffing standard (the city 科室 only); a stage equal to the default is stored as “default”. */
  saveStandard: write
    .input(z.object({ standard: StaffingStandard, expectedVersion: SettingsVersion }).strict())
    .mutation(({ ctx, input }) => {
      if (actorLevel(ctx.scope) !== 'city') throw new TRPCError({ code: 'FORBIDDEN', message: '只有市教育局教师工作科室可以设置编制标准' });
      const override = Object.fromEntries(
        (Object.keys(input.standard) as StaffingStage[])
          .filter((k) => input.standard[k] !== DEFAULT_STAFFING_STANDARD[k])
          .map((k) => [k, input.standard[k]]),
      );
      return ctx.db.transaction(async (tx) => {
        const [row] = await tx.select().from(teacherSettings).where(eq(teacherSettings.id, 1)).for('update');
        if ((row?.version ?? 0) !== input.expectedVersion) throw conflict();
        const values = {
          staffingStandard: override,
          updatedBy: ctx.identity.username,
          updatedAt: ctx.now,
          version: input.expectedVersion + 1,
        };
        if (row) await tx.update(teacherSettings).set(values).where(eq(teacherSettings.id, 1));
        else await tx.insert(teacherSettings).values({ id: 1, ...values });
        await auditChange(tx, ctx, {
          action: 'teachers.settings.saveStandard',
          targetType: 'teacher_settings',
          targetId: '1',
          before: { standard: resolveStandard(row?.staffingStandard) },
          after: { standard: resolveStandard(override) },
        });
        return { version: values.version };
      });
    }),
} satisfies TRPCRouterRecord;
