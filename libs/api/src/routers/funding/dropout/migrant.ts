import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import type { DataScope } from '@hyedu/domain';
import { MigrantInput, migrantRefusal, migrantShare, schoolYearOn } from '@hyedu/domain/funding';
import { HENGYANG_KPI_TARGETS_2022 } from '@hyedu/domain/hengyang';
import { SchoolYear } from '@hyedu/domain/private-edu';
import { auditChange } from '../../../audit-change.ts';
import { exportBook } from '../../../exports.ts';
import { fieldError } from '../../../field-error.ts';
import { actorLevel } from '../../../record-scope.ts';
import { notFound } from '../../../scoped.ts';
import { exportProcedure, readProcedure, writeProcedure } from '../../../trpc.ts';
import { conflict } from '../../../workflow-step.ts';
import { cityCode } from '../../plan/access.ts';
import { unitInScope } from '../access.ts';
import { MIGRANT_TARGET, seesPersons } from './access.ts';

const { fundingMigrantFigures: m, orgUnits } = tables;
const read = readProcedure('funding');
const write = writeProcedure('funding');
const exporter = exportProcedure('funding');
export const MIGRANT_KPIS = ['funding.migrant-public-share'] as const;
const YearFilter = z.object({ schoolYear: SchoolYear.optional() }).strict();

/**
 * The county-level units of the scope (the city's own code apart: 随迁子女 are counted per county) with one 学年's
 * figures, or none entered.
 */
export async function migrantRows(db: Db, scope: DataScope, schoolYear: string) {
  const city = await cityCode(db);
  if (scope.kind === 'school') return [];
  const units = await db
    .select({ code: orgUnits.code, name: orgUnits.name })
    .from(orgUnits)
    .where(and(ne(orgUnits.code, city), scope.kind === 'units' ? inArray(orgUnits.code, scope.unitCodes) : undefined))
    .orderBy(asc(orgUnits.sortOrder));
  const figures = await db
    .select()
    .from(m)
    .where(
      and(
        eq(m.schoolYear, schoolYear),
        inArray(
          m.unitCode,
          units.map((u) => u.code),
        ),
      ),
    );
  return units.map((u) => {
    const f = figures.find((x) => x.unitCode === u.code);
    return {
      unitCode: u.code,
      unitName: u.name,
      total: f?.total ?? null,
      publicSchools: f?.publicSchools ?? null,
      purchased: f?.purchased ?? null,
      share: f ? migrantShare(f) : null,
      note: f?.note ?? null,
      updatedBy: f?.updatedBy ?? null,
      updatedAt: f?.updatedAt.toISOString() ?? null,
      version: f?.version ?? 0,
    };
  });
}

/** 随迁子女 per county and 学年: the figures of the caller's counties, saving a county's (versioned), the export. */
export const migrantRouter = {
  list: read.input(YearFilter).query(async ({ ctx, input }) => {
    const schoolYear = input.schoolYear ?? schoolYearOn(ctx.today);
    const rows = await migrantRows(ctx.db, ctx.scope, schoolYear);
    const sum = (k: 'total' | 'publicSchools' | 'purchased') => rows.reduce((a, r) => a + (r[k] ?? 0), 0);
    const entered = rows.filter((r) => r.total !== null);
    const total = { total: sum('total'), publicSchools: sum('publicSchools'), purchased: sum('purchased') };
    return {
      schoolYear,
      current: schoolYearOn(ctx.today),
      /** The KPI's target (两为主; the bureau's own figure, docs/domain/funding.md). */
      target: HENGYANG_KPI_TARGETS_2022['funding.migrant-public-share'].target,
      canSave: actorLevel(ctx.scope) !== 'school' && seesPersons(ctx),
      rows,
      entered: entered.length,
      total: { ...total, share: migrantShare(total) },
    };
  }),

  /** A county's figures for a 学年: the county for itself, the city for any county; 0 = none yet, else the version seen. */
  save: write.input(MigrantInput).mutation(async ({ ctx, input }) => {
    if (!unitInScope(ctx.scope, input.unitCode)) throw notFound('org_unit', input.unitCode);
    const [unit] = await ctx.db
      .select({ code: orgUnits.code, kind: orgUnits.kind })
      .from(orgUnits)
      .where(eq(orgUnits.code, input.unitCode));
    if (!unit || unit.kind === 'city') throw fieldError('unitCode', '随迁子女按县市区填报');
    if (actorLevel(ctx.scope) === 'school') throw new TRPCError({ code: 'FORBIDDEN', message: '随迁子女情况由县市区教育局填报' });
    const refusal = migrantRefusal(input);
    if (refusal) throw fieldError(refusal.field, refusal.message);
    const values = { total: input.total, publicSchools: input.publicSchools, purchased: input.purchased, note: input.note || null };
    const result = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(m)
        .where(and(eq(m.unitCode, input.unitCode), eq(m.schoolYear, input.schoolYear)))
        .for('update');
      if ((row?.version ?? 0) !== input.expectedVersion) throw conflict();
      const stamp = { updatedBy: ctx.identity.username, updatedAt: ctx.now };
      const [saved] = row
        ? await tx
            .update(m)
            .set({ ...values, ...stamp, version: row.version + 1 })
            .where(eq(m.id, row.id))
            .returning({ id: m.id, version: m.version })
        : await tx
            .insert(m)
            .values({ unitCode: input.unitCode, schoolYear: input.schoolYear, ...values, ...stamp })
            .onConflictDoNothing()
            .returning({ id: m.id, version: m.version });
      if (!saved) throw conflict();
      await auditChange(tx, ctx, {
        action: 'funding.migrant.save',
        targetType: MIGRANT_TARGET,
        targetId: saved.id,
        before: row ? { total: row.total, publicSchools: row.publicSchools, purchased: row.purchased, note: row.note } : undefined,
        after: { unit: input.unitCode, schoolYear: input.schoolYear, ...values },
      });
      return saved;
    });
    return result;
  }),

  export: exporter.input(YearFilter).query(async ({ ctx, input }) => {
    const schoolYear = input.schoolYear ?? schoolYearOn(ctx.today);
    const rows = await migrantRows(ctx.db, ctx.scope, schoolYear);
    return exportBook(
      ctx,
      `随迁子女就读情况${schoolYear}学年`,
      [
        { key: 'unitName', header: '县市区', width: 12 },
        { key: 'total', header: '义务教育随迁子女总数', width: 18 },
        { key: 'publicSchools', header: '公办学校就读', width: 14 },
        { key: 'purchased', header: '政府购买学位就读', width: 16 },
        { key: 'share', header: '公办（含购买学位）就读比例', width: 22 },
        { key: 'note', header: '说明', width: 30 },
      ],
      rows.map((r) => ({
        unitName: r.unitName,
        total: r.total ?? '未填报',
        publicSchools: r.publicSchools ?? '—',
        purchased: r.purchased ?? '—',
        share: r.share === null ? '—' : `${(r.share * 100).toFixed(1)}%`,
        note: r.note ?? '',
      })),
    );
  }),
} satisfies TRPCRouterRecord;
