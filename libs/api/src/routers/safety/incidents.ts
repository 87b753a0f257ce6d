import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import {
  chainRefusal,
  ExpectedVersion,
  INCIDENT_CHAIN,
  IncidentInput,
  RecordId,
  ReportStage,
  textField,
  type DataScope,
  type ReportStage as Stage,
} from '@hyedu/domain';
import { auditChange } from '../../audit-change.ts';
import { recordHistory } from '../../history.ts';
import { contains } from '../../queries.ts';
import { scoped } from '../../scoped.ts';
import { readProcedure, writeProcedure } from '../../trpc.ts';
import { applyStep } from '../../workflow-step.ts';
import { recordScope, safetyLevel, schoolInScope } from './access.ts';
import { Id, IncidentFilter } from './inputs.ts';

const { safetyIncidents: i, safetyIncidentReports: r, schools, orgUnits } = tables;
const read = readProcedure('safety');
const write = writeProcedure('safety');
const TARGET = 'safety_incident';

export function incidentWhere(scope: DataScope, f: Partial<IncidentFilter>): SQL | undefined {
  const pattern = f.q ? contains(f.q) : undefined;
  return and(
    recordScope(scope, i),
    f.unitCode ? eq(i.unitCode, f.unitCode) : undefined,
    f.schoolId ? eq(i.schoolId, f.schoolId) : undefined,
    f.type ? eq(i.type, f.type) : undefined,
    f.status ? eq(i.status, f.status) : undefined,
    pattern ? or(ilike(schools.name, pattern), ilike(i.place, pattern), ilike(i.summary, pattern)) : undefined,
  );
}
export const incidentColumns = {
  id: i.id,
  schoolId: i.schoolId,
  schoolName: schools.name,
  unitCode: i.unitCode,
  unitName: orgUnits.name,
  type: i.type,
  occurredAt: i.occurredAt,
  place: i.place,
  deaths: i.deaths,
  injuries: i.injuries,
  publicOpinion: i.publicOpinion,
  status: i.status,
  summary: i.summary,
  version: i.version,
};
export const incidentRows = (db: Db, where: SQL | undefined) =>
  db
    .select(incidentColumns)
    .from(i)
    .innerJoin(schools, eq(schools.id, i.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, i.unitCode))
    .where(where)
    .orderBy(desc(i.occurredAt), desc(i.id));

const visibleIncident = (ctx: { db: Db; scope: DataScope }, id: number) =>
  scoped(
    TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(i)
          .where(and(eq(i.id, id), recordScope(ctx.scope, i)))
      )[0],
  );

export const incidentsRouter = {
  list: read.input(IncidentFilter).query(async ({ ctx, input }) => {
    const where = incidentWhere(ctx.scope, input);
    const [rows, [total]] = await Promise.all([
      incidentRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(i).innerJoin(schools, eq(schools.id, i.schoolId)).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      rows: rows.map((x) => ({ ...x, occurredAt: x.occurredAt.toISOString() })),
    };
  }),

  /** One incident with its reporting chain (each stage with the server's timestamp). */
  byId: read.input(Id).query(async ({ ctx, input }) => {
    const row = await visibleIncident(ctx, input.id);
    const [school] = await ctx.db.select({ name: schools.name, code: schools.code }).from(schools).where(eq(schools.id, row.schoolId));
    const chain = await ctx.db.select().from(r).where(eq(r.incidentId, row.id)).orderBy(asc(r.reportedAt), asc(r.id));
    const level = safetyLevel(ctx.scope);
    const done = chain.map((c) => c.stage as Stage);
    return {
      ...row,
      occurredAt: row.occurredAt.toISOString(),
      createdAt: row.createdAt.toISOString(),
      school: school!,
      chain: chain.map((c) => ({ ...c, reportedAt: c.reportedAt.toISOString() })),
      nextStages: ReportStage.options.filter((s) => chainRefusal(done, s, level) === null),
      chainState: row.chainState,
    };
  }),

  /** Reports an incident (学校初报, or the county/city entering it for the school); the first chain entry is written with it. */
  create: write.input(IncidentInput).mutation(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    if (new Date(input.occurredAt) > ctx.now) throw new TRPCError({ code: 'BAD_REQUEST', message: '发生时间不能晚于现在' });
    const who = ctx.identity.username;
    const out = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(i)
        .values({
          ...input,
          occurredAt: new Date(input.occurredAt),
          unitCode: school.unitCode,
          status: 'handling',
          createdBy: who,
          createdAt: ctx.now,
        })
        .returning({ id: i.id, version: i.version });
      await tx
        .insert(r)
        .values({ incidentId: row!.id, stage: 'school_report', note: '首次报告（随事件登记）', reportedBy: who, reportedAt: ctx.now });
      await auditChange(tx, ctx, {
        action: 'safety.reportIncident',
        targetType: TARGET,
        targetId: String(row!.id),
        after: { school: school.code, ...input },
      });
      return row!;
    });
    return out;
  }),

  /** Adds a stage to the reporting chain (接报, 上报, 续报, 终报); 终报 closes the incident. */
  addStage: write
    .input(
      z
        .object({
          id: RecordId,
          expectedVersion: ExpectedVersion,
          stage: ReportStage,
          note: textField(1000, '报送内容').pipe(z.string().min(2, { message: '请填写报送内容' })),
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      await visibleIncident(ctx, input.id);
      const who = ctx.identity.username;
      // 学校初报 is written with the incident; every other stage is a step of the chain's workflow.
      if (input.stage === 'school_report')
        throw new TRPCError({ code: 'CONFLICT', message: chainRefusal(['school_report'], 'school_report', 'school')! });
      const stage = input.stage;
      const out = await applyStep(ctx, {
        wf: INCIDENT_CHAIN,
        table: i,
        stateKey: 'chainState',
        id: input.id,
        expectedVersion: input.expectedVersion,
        action: stage,
        actor: { level: safetyLevel(ctx.scope), username: who },
        caseOf: (row) => ({ state: row.chainState }),
        // 处置中/已结案 follows the chain: 终报 closes the incident.
        changes: (_row, to) => ({ status: to === 'closed' ? ('closed' as const) : ('handling' as const) }),
        also: (tx, row) => tx.insert(r).values({ incidentId: row.id, stage, note: input.note, reportedBy: who, reportedAt: ctx.now }),
        audit: {
          targetType: TARGET,
          action: 'safety.incidentStage',
          before: (row) => ({ chainState: row.chainState }),
          after: (_row, to) => ({ stage, note: input.note, chainState: to }),
        },
      });
      return { version: out.version, status: out.state === 'closed' ? ('closed' as const) : ('handling' as const) };
    }),

  /** 「操作记录」 of an incident. */
  history: read.input(Id).query(async ({ ctx, input }) => {
    await visibleIncident(ctx, input.id);
    return recordHistory(ctx.db, TARGET, input.id);
  }),
} satisfies TRPCRouterRecord;
