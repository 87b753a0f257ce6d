import type { TRPCRouterRecord } from '@trpc/server';
import { and, count, desc, eq, exists, inArray, not, sql, type SQL } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import type { DataScope } from '@hyedu/domain';
import { FEE_SUPERVISION_LABELS, SUPERVISED_FEE_MODES, TRAINING_CATEGORY_LABELS } from '@hyedu/domain/private-edu';
import { exportBook, MAX_EXPORT } from '../../../exports.ts';
import { Page } from '../../../inputs.ts';
import { actorLevel } from '../../../record-scope.ts';
import { exportProcedure } from '../../../trpc.ts';
import { unitRecordScope } from '../../funding/access.ts';
import { canWrite } from '../inspection-access.ts';
import { read } from '../procedures.ts';
import { platformFilesRouter } from './platform-files.ts';
import { onPlatformSql } from './query.ts';

const { privateTrainingInstitutions: i, privateTrainingPlatform: p, orgUnits } = tables;

/** Whether a platform row matches an institution of the register: by the national id, else by USCC. */
const matchedSql = () =>
  exists(sql`(select 1 from ${i} where ${i.platformId} = ${p.platformId} union all select 1 from ${i} where ${i.uscc} = ${p.uscc})`);

const unmatchedWhere = (scope: DataScope) => and(unitRecordScope(scope, p.unitCode), not(matchedSql()));
const unmatchedRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: p.id,
      platformId: p.platformId,
      name: p.name,
      uscc: p.uscc,
      category: p.category,
      unitName: orgUnits.name,
      feeSupervision: p.feeSupervision,
    })
    .from(p)
    .innerJoin(orgUnits, eq(orgUnits.code, p.unitCode))
    .where(where)
    .orderBy(desc(p.id));

/** The national platform's list as last imported, and how it meets the register (unmatched rows both ways). */
export const platformRouter = {
  summary: read.query(async ({ ctx }) => {
    const [[list], [register], [last]] = await Promise.all([
      ctx.db
        .select({
          listed: sql<number>`count(*)::int`,
          supervised: sql<number>`(count(*) filter (where ${inArray(p.feeSupervision, [...SUPERVISED_FEE_MODES])}))::int`,
          unmatched: sql<number>`(count(*) filter (where not ${matchedSql()}))::int`,
        })
        .from(p)
        .where(unitRecordScope(ctx.scope, p.unitCode)),
      ctx.db
        .select({ approved: sql<number>`count(*)::int`, missing: sql<number>`(count(*) filter (where not ${onPlatformSql()}))::int` })
        .from(i)
        .where(and(unitRecordScope(ctx.scope, i.unitCode), sql`${i.status} <> 'deregistered'`)),
      ctx.db.select({ at: sql<Date | null>`max(${p.importedAt})` }).from(p),
    ]);
    return {
      listed: list?.listed ?? 0,
      supervised: list?.supervised ?? 0,
      unmatched: list?.unmatched ?? 0,
      approved: register?.approved ?? 0,
      missing: register?.missing ?? 0,
      importedAt: last?.at ? new Date(last.at).toISOString() : null,
      /** Whether the caller may import the platform's list (the city any county, a county its own). */
      canImport: canWrite(ctx.identity.grants) && actorLevel(ctx.scope) !== 'school',
    };
  }),

  /** The platform's rows that match no institution of the register (by national id, else USCC). */
  unmatched: read.input(Page.strict()).query(async ({ ctx, input }) => {
    const where = unmatchedWhere(ctx.scope);
    const [rows, [total]] = await Promise.all([
      unmatchedRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(p).where(where),
    ]);
    return { total: total?.n ?? 0, page: input.page, pageSize: input.pageSize, rows };
  }),

  /** Those rows as Excel, for the counties to follow up (institutions the platform lists that the register lacks). */
  exportUnmatched: exportProcedure('private-edu').query(async ({ ctx }) => {
    const rows = await unmatchedRows(ctx.db, unmatchedWhere(ctx.scope)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '全国平台名单中本地名册没有的机构',
      [
        { key: 'platformId', header: '全国平台机构编号', width: 18 },
        { key: 'name', header: '机构名称', width: 28 },
        { key: 'uscc', header: '统一社会信用代码', width: 20 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'category', header: '培训类别', width: 10 },
        { key: 'feeSupervision', header: '预收费监管', width: 10 },
      ],
      rows.map((r) => ({
        platformId: r.platformId,
        name: r.name,
        uscc: r.uscc ?? '',
        unitName: r.unitName,
        category: r.category ? TRAINING_CATEGORY_LABELS[r.category] : '',
        feeSupervision: FEE_SUPERVISION_LABELS[r.feeSupervision],
      })),
    );
  }),

  ...platformFilesRouter,
} satisfies TRPCRouterRecord;
