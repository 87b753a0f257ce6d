import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { aidCipherId, decryptField, runAidMatching, tables, type Db } from '@hyedu/db';
import { RecordId } from '@hyedu/domain';
import { AidFollowUpStep, AidSemester, semesterLabel, semesterOf, AID_FOLLOW_UP_WORKFLOW as wf } from '@hyedu/domain/funding';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { recordHistory } from '../../../history.ts';
import { listUnits } from '../../../queries.ts';
import { actorLevel, recordScope } from '../../../record-scope.ts';
import { scoped } from '../../../scoped.ts';
import { readProcedure, viewProcedure } from '../../../trpc.ts';
import { applyStep } from '../../../workflow-step.ts';
import { aidChecksRouter } from './checks.ts';
import { aidFilesRouter } from './files.ts';
import { aidFundsRouter } from './funds.ts';
import { aidImportsRouter } from './imports.ts';
import { aidPaymentsRouter } from './payments.ts';
import { aidWrite } from './procedures.ts';
import { FollowUpFilter, followUpWhere, hasAidRole, MatchFilter, matchWhere, person } from './query.ts';
import { aidRecordImportsRouter } from './record-imports.ts';
import { aidSettings, aidSettingsRouter } from './settings.ts';

const {
  fundingAidFollowUps: f,
  fundingAidMatches: m,
  fundingAidRuns: runs,
  fundingAidPayments: p,
  fundingAidStudents: st,
  schools,
} = tables;
export const FOLLOW_UP_TARGET = 'funding_aid_follow_up';

type Scoped = AuthedContext & { scope: Parameters<typeof recordScope>[0] };
/** A follow-up in the caller's scope, or the one NOT_FOUND. */
export const visibleFollowUp = (ctx: Pick<Scoped, 'db' | 'scope'>, id: number) =>
  scoped(
    FOLLOW_UP_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(f)
          .where(and(eq(f.id, id), recordScope(ctx.scope, f)))
      )[0],
  );

const actorOf = (ctx: Scoped) => ({ level: actorLevel(ctx.scope), username: ctx.identity.username });
const semesterIn = (ctx: { today: string }, s?: string) => s ?? semesterOf(ctx.today);

/** The school names of a page's rows, in one query. */
async function schoolNames(db: Db, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!wanted.length) return new Map<number, string>();
  const rows = await db
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(
      sql`${schools.id} in (${sql.join(
        wanted.map((i) => sql`${i}`),
        sql`, `,
      )})`,
    );
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const aidRouter = {
  ...aidSettingsRouter,
  ...aidPaymentsRouter,
  ...aidFilesRouter,
  ...aidImportsRouter,
  ...aidRecordImportsRouter,
  ...aidFundsRouter,
  ...aidChecksRouter,

  /**
   * Counts per unit of the caller's scope for a semester (everyone with the module, leadership included): listed
   * children, matched, unmatched, in the 100% target and aided among them (coverage), 应助未助 still open; the latest run.
   */
  summary: readProcedure('funding')
    .input(z.object({ semester: AidSemester.optional() }).strict().optional())
    .query(async ({ ctx, input }) => {
      const semester = semesterIn(ctx, input?.semester);
      const [matches, open, [run]] = await Promise.all([
        ctx.db
          .select({
            unitCode: m.unitCode,
            listed: sql<number>`count(*)::int`,
            unmatched: sql<number>`count(*) filter (where ${m.outcome} = 'unmatched')::int`,
            eligible: sql<number>`count(*) filter (where ${m.inTarget})::int`,
            eligibleAided: sql<number>`count(*) filter (where ${m.inTarget} and ${m.outcome} = 'aided')::int`,
          })
          .from(m)
          .where(and(eq(m.semester, semester), recordScope(ctx.scope, m)))
          .groupBy(m.unitCode),
        ctx.db
          .select({
            unitCode: f.unitCode,
            open: sql<number>`count(*) filter (where ${f.status} in ('open', 'recognised'))::int`,
            openInTarget: sql<number>`count(*) filter (where ${f.status} in ('open', 'recognised') and ${f.inTarget})::int`,
          })
          .from(f)
          .where(and(eq(f.semester, semester), recordScope(ctx.scope, f)))
          .groupBy(f.unitCode),
        ctx.db
          .select({ id: runs.id, runAt: runs.runAt, runBy: runs.runBy, millis: runs.millis })
          .from(runs)
          .where(eq(runs.semester, semester))
          .orderBy(desc(runs.id))
          .limit(1),
      ]);
      const units = (await listUnits(ctx.db, ctx.scope)).map((u) => {
        const c = matches.find((r) => r.unitCode === u.code);
        const o = open.find((r) => r.unitCode === u.code);
        const eligible = c?.eligible ?? 0;
        const aided = c?.eligibleAided ?? 0;
        return {
          code: u.code,
          name: u.name,
          listed: c?.listed ?? 0,
          unmatched: c?.unmatched ?? 0,
          eligible,
          eligibleAided: aided,
          coverage: eligible ? aided / eligible : null,
          open: o?.open ?? 0,
          openInTarget: o?.openInTarget ?? 0,
        };
      });
      const sum = (k: 'listed' | 'unmatched' | 'eligible' | 'eligibleAided' | 'open' | 'openInTarget') =>
        units.reduce((a, u) => a + u[k], 0);
      const eligible = sum('eligible');
      return {
        semester,
        semesterLabel: semesterLabel(semester),
        today: ctx.today,
        units,
        total: {
          listed: sum('listed'),
          unmatched: sum('unmatched'),
          eligible,
          eligibleAided: sum('eligibleAided'),
          coverage: eligible ? sum('eligibleAided') / eligible : null,
          open: sum('open'),
          openInTarget: sum('openInTarget'),
        },
        run: run ? { id: run.id, runAt: run.runAt.toISOString(), runBy: run.runBy, millis: run.millis } : null,
        aidRole: await hasAidRole(ctx),
        level: actorLevel(ctx.scope),
      };
    }),

  /**
   * 应助未助: the semester's follow-ups (by default the open ones) in the caller's scope, newest unit order by id. Every
   * view is audited; without the aid role names are masked and categories left out.
   */
  unaided: viewProcedure('funding')
    .input(FollowUpFilter)
    .query(async ({ ctx, input }) => {
      const semester = semesterIn(ctx, input.semester);
      const where = followUpWhere(ctx.db, ctx.scope, semester, input);
      const [rows, [total]] = await Promise.all([
        ctx.db
          .select()
          .from(f)
          .where(where)
          .orderBy(asc(f.unitCode), asc(f.schoolId), asc(f.id))
          .limit(input.pageSize)
          .offset((input.page - 1) * input.pageSize),
        ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(f)
          .where(where),
      ]);
      const aid = await hasAidRole(ctx);
      const names = await schoolNames(
        ctx.db,
        rows.map((r) => r.schoolId),
      );
      const actor = actorOf(ctx);
      return {
        semester,
        total: total?.n ?? 0,
        aidRole: aid,
        rows: rows.map((r) =>
          person(
            {
              id: r.id,
              name: r.name,
              idMasked: r.idMasked,
              categories: r.categories,
              schoolId: r.schoolId,
              schoolName: names.get(r.schoolId) ?? '',
              unitCode: r.unitCode,
              stage: r.stage,
              grade: r.grade,
              inTarget: r.inTarget,
              status: r.status,
              openedOn: r.openedOn,
              version: r.version,
              allowed: aid ? wf.allowed({ state: r.status }, actor).filter((a) => a !== 'settle') : [],
            },
            aid,
          ),
        ),
      };
    }),

  /** Listed children with no 学籍 record (or any outcome given): the semester's match result in scope, audited, masked without the aid role. */
  unmatched: viewProcedure('funding')
    .input(MatchFilter)
    .query(async ({ ctx, input }) => {
      const semester = semesterIn(ctx, input.semester);
      const where = matchWhere(ctx.scope, semester, input);
      const [rows, [total]] = await Promise.all([
        ctx.db
          .select()
          .from(m)
          .where(where)
          .orderBy(asc(m.unitCode), asc(m.id))
          .limit(input.pageSize)
          .offset((input.page - 1) * input.pageSize),
        ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(m)
          .where(where),
      ]);
      const aid = await hasAidRole(ctx);
      const names = await schoolNames(
        ctx.db,
        rows.map((r) => r.schoolId),
      );
      return {
        semester,
        total: total?.n ?? 0,
        aidRole: aid,
        /** The 学籍 extract's import (the aid centres, not schools). */
        canImport: aid && actorLevel(ctx.scope) !== 'school',
        rows: rows.map((r) =>
          person(
            {
              id: r.id,
              name: r.name,
              idMasked: r.idMasked,
              categories: r.categories,
              listKinds: aid ? r.listKinds : [],
              unitCode: r.unitCode,
              schoolName: r.schoolId ? (names.get(r.schoolId) ?? '') : '',
              stage: r.stage,
              grade: r.grade,
              outcome: r.outcome,
              inTarget: r.inTarget,
            },
            aid,
          ),
        ),
      };
    }),

  /** One follow-up (the aid role only; audited): the student, its payments this semester, the steps the caller may take. */
  followUp: viewProcedure('funding:aid')
    .input(z.object({ id: RecordId }).strict())
    .query(async ({ ctx, input }) => {
      const r = await visibleFollowUp(ctx, input.id);
      const [school] = await ctx.db.select({ name: schools.name }).from(schools).where(eq(schools.id, r.schoolId));
      const [student] = await ctx.db
        .select({ boarding: st.boarding, idIndex: st.idIndex, idCipher: st.idCipher })
        .from(st)
        .where(eq(st.id, r.studentId));
      const paid = await ctx.db
        .select({ id: p.id, item: p.item, kind: p.kind, amount: p.amount, paidOn: p.paidOn, reason: p.reason })
        .from(p)
        .where(and(eq(p.idIndex, r.idIndex), eq(p.semester, r.semester)))
        .orderBy(asc(p.id));
      const actor = actorOf(ctx);
      const { idIndex: _i, ...shown } = r;
      return {
        ...shown,
        schoolName: school?.name ?? '',
        boarding: student?.boarding ?? false,
        // The aid staff verify and pay by the full number; the view is audited (viewProcedure).
        idNumber: student ? decryptField(ctx.keys.dataKey, student.idCipher, aidCipherId(student.idIndex)) : r.idMasked,
        today: ctx.today,
        semesterLabel: semesterLabel(r.semester),
        payments: paid,
        allowed: wf.allowed({ state: r.status }, actor).filter((a) => a !== 'settle'),
        corrections: wf.corrections({ state: r.status }, actor),
        canPay: actor.level !== 'school' && (r.status === 'open' || r.status === 'recognised'),
      };
    }),

  /** A follow-up step by hand (认定, 退回, 核销, 恢复): the workflow's rule under a row lock, versioned, audited. */
  step: aidWrite.input(AidFollowUpStep).mutation(async ({ ctx, input }) => {
    await visibleFollowUp(ctx, input.id);
    const out = await applyStep(ctx, {
      wf,
      table: f,
      stateKey: 'status',
      id: input.id,
      expectedVersion: input.expectedVersion,
      action: input.action,
      actor: actorOf(ctx),
      reason: input.reason ?? null,
      caseOf: (row) => ({ state: row.status }),
      changes: (_row, to) => ({
        updatedBy: ctx.identity.username,
        updatedAt: ctx.now,
        ...(to === 'recognised' ? { recognisedBy: ctx.identity.username } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
      }),
      audit: { targetType: FOLLOW_UP_TARGET },
    });
    return out;
  }),

  /** A follow-up's 操作记录 (the aid role only). */
  history: viewProcedure('funding:aid')
    .input(z.object({ id: RecordId }).strict())
    .query(async ({ ctx, input }) => {
      await visibleFollowUp(ctx, input.id);
      return recordHistory(ctx.db, FOLLOW_UP_TARGET, input.id);
    }),

  /**
   * The matching run of a semester (the city aid centre): set-based in one transaction, replacing the semester's result;
   * new 应助未助 students get their follow-up, those now aided are settled. One audit record with the counts.
   */
  run: aidWrite.input(z.object({ semester: AidSemester }).strict()).mutation(async ({ ctx, input }) => {
    if (actorLevel(ctx.scope) !== 'city') throw new TRPCError({ code: 'FORBIDDEN', message: '比对由市学生资助管理中心统一运行' });
    const { target } = await aidSettings(ctx.db);
    return ctx.db.transaction(async (tx) => {
      const run = await runAidMatching(tx, {
        semester: input.semester,
        target,
        runBy: ctx.identity.username,
        now: ctx.now,
        today: ctx.today,
      });
      await auditChange(tx, ctx, {
        action: 'funding.aid.run',
        targetType: 'funding_aid_run',
        targetId: run.runId,
        after: { semester: input.semester, ...run.counts, opened: run.opened, settled: run.settled, millis: run.millis },
      });
      return run;
    });
  }),
} satisfies TRPCRouterRecord;
