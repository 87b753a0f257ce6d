import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { IsoDate, MAX_RECORD_ID } from '@hyedu/domain';
import { DEFAULT_PLATFORM_MAPPING, DEFAULT_REDUCTION_BASE_DATE, PlatformMapping, resolvePlatformMapping } from '@hyedu/domain/private-edu';
import { auditChange } from '../../../audit-change.ts';
import { fieldError } from '../../../field-error.ts';
import { actorLevel } from '../../../record-scope.ts';
import { conflict } from '../../../workflow-step.ts';
import { read, write } from '../procedures.ts';

const { privateTrainingSettings: s } = tables;

/** The training register's settings now: the reduction's base date and the platform list's headers (defaults until set). */
export async function trainingSettings(db: Db) {
  const [row] = await db.select().from(s).where(eq(s.id, 1));
  return {
    baseDate: row?.baseDate ?? DEFAULT_REDUCTION_BASE_DATE,
    mapping: resolvePlatformMapping(row?.mapping as PlatformMapping | undefined),
    override: (row?.mapping ?? {}) as PlatformMapping,
    version: row?.version ?? 0,
    updatedBy: row?.updatedBy ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, n) => x === b[n]);

/** 培训机构设置 (the city's 民办教育科): the base date of 学科类压减率 and the headers of the national platform's list. */
export const settingsRouter = {
  get: read.query(async ({ ctx }) => ({
    ...(await trainingSettings(ctx.db)),
    defaults: { baseDate: DEFAULT_REDUCTION_BASE_DATE, mapping: DEFAULT_PLATFORM_MAPPING },
    canEdit: actorLevel(ctx.scope) === 'city',
  })),

  save: write
    .input(z.object({ baseDate: IsoDate, mapping: PlatformMapping, expectedVersion: z.number().int().min(0).max(MAX_RECORD_ID) }).strict())
    .mutation(async ({ ctx, input }) => {
      if (actorLevel(ctx.scope) !== 'city')
        throw new TRPCError({ code: 'FORBIDDEN', message: '只有市教育局民办教育科可以修改培训机构设置' });
      if (input.baseDate > ctx.today) throw fieldError('baseDate', '基数日期不能晚于今天');
      const mapping = Object.fromEntries(
        Object.entries(input.mapping).filter(
          ([k, v]) => v && !same(v, DEFAULT_PLATFORM_MAPPING[k as keyof typeof DEFAULT_PLATFORM_MAPPING]),
        ),
      ) as Record<string, string[]>;
      return ctx.db.transaction(async (tx) => {
        const [row] = await tx.select().from(s).where(eq(s.id, 1)).for('update');
        if ((row?.version ?? 0) !== input.expectedVersion) throw conflict();
        const values = {
          baseDate: input.baseDate,
          mapping,
          updatedBy: ctx.identity.username,
          updatedAt: ctx.now,
          version: input.expectedVersion + 1,
        };
        if (row) await tx.update(s).set(values).where(eq(s.id, 1));
        else await tx.insert(s).values({ id: 1, ...values });
        await auditChange(tx, ctx, {
          action: 'privateEdu.training.settings.save',
          targetType: 'private_training_settings',
          targetId: '1',
          before: {
            baseDate: row?.baseDate ?? DEFAULT_REDUCTION_BASE_DATE,
            mapping: resolvePlatformMapping(row?.mapping as PlatformMapping | undefined),
          },
          after: { baseDate: input.baseDate, mapping: resolvePlatformMapping(mapping) },
        });
        return { version: values.version };
      });
    }),
} satisfies TRPCRouterRecord;
