import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, eq, ilike, isNull, not, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import {
  authorize,
  beijingDate,
  ExpectedVersion,
  indicatorsMet,
  MAX_RECORD_ID,
  previousTerm,
  PROFILE_REVIEW,
  ProfileInput,
  Reason,
  RecordId,
  requiredGuards,
  SafetySettings,
  stepEnum,
  termOf,
  type DataScope,
  type SafetyProfile,
} from '@hyedu/domain';
import { auditChange } from '../../audit-change.ts';
import { BulkItems, takeMany } from '../../bulk-step.ts';
import { recordHistory } from '../../history.ts';
import { contains, scopeCondition } from '../../queries.ts';
import { scoped } from '../../scoped.ts';
import { readProcedure, writeProcedure } from '../../trpc.ts';
import { applyStep } from '../../workflow-step.ts';
import { conflict, loadSettings, recordScope, safetyLevel, schoolInScope } from './access.ts';
import { allMetSql } from './compliance.ts';
import { Id, ProfileFilter } from './inputs.ts';

const { safetyProfiles: p, safetySettings, schools, orgUnits } = tables;
const read = readProcedure('safety');
const write = writeProcedure('safety');
const TARGET = 'safety_profile';
export const COMPLIANCE_KPIS = ['safety.compliance', 'safety.guards', 'safety.closed', 'safety.alarm', 'safety.fourth'];

/**
 * Schools joined with their profile for a term (a school without one still appears: 未填报). A profile fails when
 * any applicable indicator fails; the guard check follows the configured norm, so it is computed in SQL here from
 * the same numbers as the domain's requiredGuards.
 */
function profileJoin(db: Db, term: string) {
  return db
    .select({
      schoolId: schools.id,
      schoolCode: schools.code,
      schoolName: schools.name,
      unitCode: schools.unitCode,
      unitName: orgUnits.name,
      level: schools.level,
      isBoarding: schools.isBoarding,
      profile: p,
    })
    .from(schools)
    .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
    .leftJoin(p, and(eq(p.schoolId, schools.id), eq(p.term, term)));
}

function profileWhere(ctx: { scope: DataScope }, f: Partial<z.infer<typeof ProfileFilter>>, settings: SafetySettings): SQL | undefined {
  const pattern = f.q ? contains(f.q) : undefined;
  return and(
    scopeCondition(ctx.scope),
    f.unitCode ? eq(schools.unitCode, f.unitCode) : undefined,
    f.schoolId ? eq(schools.id, f.schoolId) : undefined,
    pattern ? ilike(schools.name, pattern) : undefined,
    f.show === 'missing'
      ? isNull(p.id)
      : f.show === 'noncompliant'
        ? or(isNull(p.id), not(allMetSql(settings)))
        : f.show === 'submitted'
          ? eq(p.review, 'submitted')
          : undefined,
  );
}

const shape = (settings: SafetySettings) => (r: Awaited<ReturnType<ReturnType<typeof profileJoin>['execute']>>[number]) => {
  const prof = r.profile;
  const facts: SafetyProfile | null = prof
    ? {
        students: prof.students,
        staff: prof.staff,
        isBoarding: r.isBoarding,
        fulltimeGuards: prof.fulltimeGuards,
        closedManagement: prof.closedManagement,
        alarmLinked110: prof.alarmLinked110,
        videoLinkedPolice: prof.videoLinkedPolice,
        guardPost: prof.guardPost,
        antiRam: prof.antiRam,
      }
    : null;
  return {
    schoolId: r.schoolId,
    schoolCode: r.schoolCode,
    schoolName: r.schoolName,
    unitCode: r.unitCode,
    unitName: r.unitName,
    level: r.level,
    isBoarding: r.isBoarding,
    profile: prof ? { ...prof, submittedAt: prof.submittedAt.toISOString(), reviewedAt: prof.reviewedAt?.toISOString() ?? null } : null,
    requiredGuards: facts ? requiredGuards(facts, settings.norm) : null,
    met: facts ? indicatorsMet(facts, settings.fourth, settings.norm) : null,
  };
};

export async function profileRows(db: Db, ctx: { scope: DataScope }, f: z.infer<typeof ProfileFilter>, limit: number, offset = 0) {
  const settings = await loadSettings(db);
  const where = profileWhere(ctx, f, settings);
  const [rows, [total]] = await Promise.all([
    profileJoin(db, f.term).where(where).orderBy(asc(orgUnits.sortOrder), asc(schools.code)).limit(limit).offset(offset),
    db
      .select({ n: count() })
      .from(schools)
      .leftJoin(p, and(eq(p.schoolId, schools.id), eq(p.term, f.term)))
      .where(where),
  ]);
  return { settings, total: total?.n ?? 0, rows: rows.map(shape(settings)) };
}

/** A school's term status the caller may see, or the one NOT_FOUND. */
const visibleProfile = (ctx: { db: Db; scope: DataScope }, id: number) =>
  scoped(
    TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select({ id: p.id })
          .from(p)
          .where(and(eq(p.id, id), recordScope(ctx.scope, p)))
      )[0],
  );

/** The city's 4个100% configuration. */
export const settingsRouter = {
  /** The city's 4个100% configuration. */
  get: read.query(async ({ ctx }) => {
    const s = await loadSettings(ctx.db);
    return { ...s, updatedAt: s.updatedAt?.toISOString() ?? null };
  }),

  /** 安全稳定科 chooses the fourth indicator and the guard norm (city level only). */
  save: write
    .input(SafetySettings.extend({ expectedVersion: z.number().int().min(0).max(MAX_RECORD_ID) }).strict())
    .mutation(async ({ ctx, input }) => {
      if (safetyLevel(ctx.scope) !== 'city') throw new TRPCError({ code: 'FORBIDDEN', message: '只有市教育局安全管理科室可以设置指标' });
      const { expectedVersion, ...settings } = input;
      const who = ctx.identity.username;
      const out = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.select().from(safetySettings).where(eq(safetySettings.id, 1)).for('update');
        if ((row?.version ?? 0) !== expectedVersion) throw conflict();
        const values = { fourth: settings.fourth, norm: settings.norm, updatedBy: who, updatedAt: ctx.now, version: expectedVersion + 1 };
        if (row) await tx.update(safetySettings).set(values).where(eq(safetySettings.id, 1));
        else await tx.insert(safetySettings).values({ id: 1, ...values });
        await auditChange(tx, ctx, {
          action: 'safety.saveSettings',
          targetType: 'safety_settings',
          targetId: '1',
          before: row ? { fourth: row.fourth, norm: row.norm } : undefined,
          after: settings,
        });
        return { version: values.version };
      });
      return out;
    }),
} satisfies TRPCRouterRecord;

export const termsRouter = {
  /** The terms to choose from: this term and the three before it. */
  terms: read.query(({ ctx }) => {
    const out = [termOf(beijingDate(ctx.now))];
    while (out.length < 4) out.push(previousTerm(out.at(-1)!));
    return out;
  }),
} satisfies TRPCRouterRecord;

export const profilesRouter = {
  /** Schools with their 4个100% status for a term (未填报 included), paged; filter by missing / non-compliant / awaiting review. */
  list: read.input(ProfileFilter).query(async ({ ctx, input }) => {
    const { total, rows } = await profileRows(ctx.db, ctx, input, input.pageSize, (input.page - 1) * input.pageSize);
    // What the caller may do on each school's status now, by the workflow (填报, 核实, 退回).
    const canWrite = authorize(ctx.identity.grants, { area: 'safety', action: 'write' }).allowed;
    const actor = { level: safetyLevel(ctx.scope), username: ctx.identity.username };
    const allowedOn = (r: (typeof rows)[number]) =>
      canWrite ? PROFILE_REVIEW.allowed(r.profile ? { state: r.profile.review, submittedBy: r.profile.submittedBy } : null, actor) : [];
    return { total, page: input.page, pageSize: input.pageSize, rows: rows.map((r) => ({ ...r, allowed: allowedOn(r) })) };
  }),

  /** Enters (or, before verification or after a return, corrects) a school's status for a term. */
  submit: write.input(ProfileInput).mutation(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    if (input.evidenceDate > beijingDate(ctx.now)) throw new TRPCError({ code: 'BAD_REQUEST', message: '核查日期不能晚于今天' });
    if (input.term > termOf(beijingDate(ctx.now))) throw new TRPCError({ code: 'BAD_REQUEST', message: '不能填报尚未开始的学期' });
    const who = ctx.identity.username;
    const out = await ctx.db.transaction(async (tx) => {
      const [existing] = await tx
        .select()
        .from(p)
        .where(and(eq(p.schoolId, school.id), eq(p.term, input.term)))
        .for('update');
      // Before review a school may correct its own entry; after verification only a return reopens it.
      const refusal = PROFILE_REVIEW.refusal(existing ? { state: existing.review } : null, 'submit', {
        level: safetyLevel(ctx.scope),
        username: who,
      });
      if (refusal) throw new TRPCError({ code: 'CONFLICT', message: refusal });
      const values = {
        ...input,
        unitCode: school.unitCode,
        review: 'submitted' as const,
        returnReason: null,
        submittedBy: who,
        submittedAt: ctx.now,
        reviewedBy: null,
        reviewedAt: null,
      };
      const [row] = existing
        ? await tx
            .update(p)
            .set({ ...values, version: existing.version + 1 })
            .where(eq(p.id, existing.id))
            .returning({ id: p.id, version: p.version })
        : await tx.insert(p).values(values).returning({ id: p.id, version: p.version });
      await auditChange(tx, ctx, {
        action: existing ? 'safety.updateProfile' : 'safety.submitProfile',
        targetType: TARGET,
        targetId: String(row!.id),
        before: existing ? { ...existing, submittedAt: undefined } : undefined,
        after: { school: school.code, ...input },
      });
      return row!;
    });
    return out;
  }),

  /** The county (or the city) verifies a submitted status, or returns it with a reason. */
  review: write
    .input(
      z
        .object({ id: RecordId, expectedVersion: ExpectedVersion, action: stepEnum(PROFILE_REVIEW, ['submit']), reason: Reason.optional() })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => ({
      version: (await decide(ctx, input.id, input.expectedVersion, input.action, input.reason)).version,
    })),

  /** 批量核实: verifies several submitted statuses at once, each on its own (see takeMany). */
  reviewMany: write
    .input(z.object({ action: stepEnum(PROFILE_REVIEW, ['submit', 'return']), items: BulkItems }).strict())
    .mutation(({ ctx, input, path }) =>
      takeMany(ctx, path, PROFILE_REVIEW, input.action, input.items, (item) => decide(ctx, item.id, item.expectedVersion, input.action)),
    ),

  /** 「操作记录」 of a school's term status. */
  history: read.input(Id).query(async ({ ctx, input }) => {
    await visibleProfile(ctx, input.id);
    return recordHistory(ctx.db, TARGET, input.id);
  }),
} satisfies TRPCRouterRecord;

type WriteCtx = Parameters<Parameters<typeof write.mutation>[0]>[0]['ctx'];

/** One review step on one school's status: verify, or return with a reason (the workflow decides, applyStep applies). */
async function decide(ctx: WriteCtx, id: number, expectedVersion: number, action: 'review' | 'return', reason?: string) {
  await visibleProfile(ctx, id);
  const who = ctx.identity.username;
  const out = await applyStep(ctx, {
    wf: PROFILE_REVIEW,
    table: p,
    stateKey: 'review',
    id,
    expectedVersion,
    action,
    reason,
    actor: { level: safetyLevel(ctx.scope), username: who },
    caseOf: (row) => ({ state: row.review, submittedBy: row.submittedBy }),
    changes: () => ({ returnReason: reason ?? null, reviewedBy: who, reviewedAt: ctx.now }),
    audit: {
      targetType: TARGET,
      action: action === 'review' ? 'safety.verifyProfile' : 'safety.returnProfile',
      before: (row) => ({ review: row.review }),
      after: (_row, review) => ({ review, ...(reason ? { reason } : {}) }),
    },
  });
  return out;
}
