import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db, type Tx } from '@hyedu/db';
import { RecordId, RecordVersion, textField, type DataScope } from '@hyedu/domain';
import {
  approvalRefusal,
  approvingAuthority,
  LicenceApproval,
  licenceCase,
  LicenceInput,
  LicenceKind,
  LicencePlainAction,
  licenceRefusal,
  licenceStanding,
  LicenceStatus,
  registryChange,
  LICENCE_WORKFLOW as wf,
} from '@hyedu/domain/private-edu';
import { auditChange } from '../../audit-change.ts';
import type { AuthedContext } from '../../context.ts';
import { fieldError } from '../../field-error.ts';
import { recordHistory } from '../../history.ts';
import { Page } from '../../inputs.ts';
import { contains, scopeCondition } from '../../queries.ts';
import { actorLevel, recordScope, schoolInScope } from '../../record-scope.ts';
import { scoped } from '../../scoped.ts';
import { cityCode } from '../plan/access.ts';
import { authorityStep } from './authority-step.ts';
import { actsAsAuthority, canWrite } from './inspection-access.ts';
import { COMPULSORY_LEVELS } from './lever.ts';
import { read, write } from './procedures.ts';

const { privateLicenceCases: r, privateProfiles, schools, orgUnits } = tables;
const TARGET = 'private_licence_case';
const MATTER = '办学许可';
type Row = typeof r.$inferSelect;

export const LicenceFilter = Page.extend({
  kind: LicenceKind.optional(),
  status: LicenceStatus.optional(),
  q: textField(40, '搜索词').optional(),
}).strict();
const Id = z.object({ id: RecordId }).strict();

/** A licence case in the caller's scope, or the one NOT_FOUND. */
const visible = (ctx: Pick<AuthedContext, 'db'> & { scope: Parameters<typeof recordScope>[0] }, id: number) =>
  scoped(
    TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(r)
          .where(and(eq(r.id, id), recordScope(ctx.scope, r)))
      )[0],
  );

/** One step: scope (NOT_FOUND), the approving authority for a bureau level, then the workflow. */
const take = authorityStep({
  wf,
  table: r,
  stateKey: 'status',
  target: TARGET,
  matter: MATTER,
  caseOf: licenceCase,
  authorityOf: (row) => row.authority,
  visible,
});

/**
 * The school's registry entry follows an approved matter (registryChange), in the step's transaction, with its own
 * audit record; a school without an entry yet gets none (the entry is made on its own form).
 */
async function registryFollows(tx: Tx, ctx: AuthedContext, c: Row) {
  const change = registryChange(c);
  if (!change) return;
  const [entry] = await tx.select().from(privateProfiles).where(eq(privateProfiles.schoolId, c.schoolId)).for('update');
  if (!entry) return;
  await tx
    .update(privateProfiles)
    .set({ ...change, updatedBy: ctx.identity.username, updatedAt: ctx.now, version: entry.version + 1 })
    .where(eq(privateProfiles.schoolId, c.schoolId));
  await auditChange(tx, ctx, {
    action: 'privateEdu.profile.followLicence',
    targetType: 'private_profile',
    targetId: c.schoolId,
    before: { licenceNo: entry.licenceNo, forProfit: entry.forProfit },
    after: { ...change, licenceCase: c.id },
  });
}

/** The list's filter as SQL (the list and its export). */
export const licenceWhere = (ctx: { scope: DataScope }, input: Omit<z.infer<typeof LicenceFilter>, 'page' | 'pageSize'>) =>
  and(
    recordScope(ctx.scope, r),
    input.kind ? eq(r.kind, input.kind) : undefined,
    input.status ? eq(r.status, input.status) : undefined,
    input.q ? or(ilike(schools.name, contains(input.q)), ilike(r.licenceNo, contains(input.q))) : undefined,
  );

/** The cases matching `where`, newest first (the list's and the export's rows). */
export const licenceRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: r.id,
      schoolName: schools.name,
      schoolCode: schools.code,
      unitName: orgUnits.name,
      kind: r.kind,
      registration: r.registration,
      authority: r.authority,
      licenceNo: r.licenceNo,
      validUntil: r.validUntil,
      status: r.status,
      createdAt: r.createdAt,
    })
    .from(r)
    .innerJoin(schools, eq(schools.id, r.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, r.unitCode))
    .where(where)
    .orderBy(desc(r.id));

/** 办学许可事项: list, one case, the schools to apply for, expiring licences, apply, its steps and its history. */
export const licenceRouter = {
  list: read.input(LicenceFilter).query(async ({ ctx, input }) => {
    const where = licenceWhere(ctx, input);
    const [rows, [total]] = await Promise.all([
      licenceRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(r).innerJoin(schools, eq(schools.id, r.schoolId)).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      canCreate: canWrite(ctx.identity.grants) && actorLevel(ctx.scope) === 'school',
      rows: rows.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })),
    };
  }),

  /** The schools in scope whose licence is expiring or expired without a renewal under way (`licenceStanding`). */
  expiring: read.input(z.object({}).strict()).query(async ({ ctx }) => {
    const cases = await ctx.db
      .select({ id: r.id, schoolId: r.schoolId, kind: r.kind, status: r.status, validUntil: r.validUntil, licenceNo: r.licenceNo })
      .from(r)
      .where(and(recordScope(ctx.scope, r), inArray(r.kind, ['establish', 'renew', 'cancel'])))
      .orderBy(r.id);
    const bySchool = new Map<number, typeof cases>();
    for (const c of cases) bySchool.set(c.schoolId, [...(bySchool.get(c.schoolId) ?? []), c]);
    const due = [...bySchool].flatMap(([schoolId, list]) => {
      const s = licenceStanding(list, ctx.today);
      if (s?.standing !== 'expiring' && s?.standing !== 'expired') return [];
      const licenceNo = list.findLast((c) => c.kind === 'establish' && c.status === 'approved')?.licenceNo ?? null;
      return [{ schoolId, licenceNo, ...s }];
    });
    if (!due.length) return [];
    const names = await ctx.db
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(
        inArray(
          schools.id,
          due.map((d) => d.schoolId),
        ),
      );
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    return due
      .map((d) => ({ ...d, schoolName: nameOf.get(d.schoolId) ?? '' }))
      .sort((a, b) => a.validUntil.localeCompare(b.validUntil))
      .slice(0, 50);
  }),

  /** One case, with its school and the caller's steps (a bureau level only on the schools it approves). */
  byId: read.input(Id).query(async ({ ctx, input }) => {
    const row = await visible(ctx, input.id);
    const [school] = await ctx.db
      .select({ name: schools.name, code: schools.code, unitName: orgUnits.name })
      .from(schools)
      .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
      .where(eq(schools.id, row.schoolId));
    const level = actorLevel(ctx.scope);
    const acts = canWrite(ctx.identity.grants) && (level === 'school' || level === row.authority);
    return {
      ...row,
      createdAt: row.createdAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      school: school!,
      today: ctx.today,
      allowed: acts ? wf.allowed(licenceCase(row), { level, username: ctx.identity.username }) : [],
    };
  }),

  /** The private schools the caller may apply for (a school account: itself). */
  schools: read.input(z.object({ q: textField(40, '搜索词').optional() }).strict()).query(({ ctx, input }) =>
    ctx.db
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(and(scopeCondition(ctx.scope), eq(schools.ownership, 'private'), input.q ? ilike(schools.name, contains(input.q)) : undefined))
      .orderBy(schools.code)
      .limit(20),
  ),

  /** The school applies (a draft it then submits); the approving authority is fixed on the case. */
  create: write.input(LicenceInput).mutation(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    if (actorLevel(ctx.scope) !== 'school') throw new TRPCError({ code: 'FORBIDDEN', message: '办学许可事项由学校申请' });
    const [registry] = await ctx.db.select({ ownership: schools.ownership }).from(schools).where(eq(schools.id, school.id));
    if (registry?.ownership !== 'private') throw fieldError('schoolId', '只有民办学校申请办学许可事项');
    const refusal = licenceRefusal(input, (COMPULSORY_LEVELS as readonly string[]).includes(school.level));
    if (refusal) throw fieldError(refusal.field, refusal.message);
    const authority = approvingAuthority(school.level, school.unitCode === (await cityCode(ctx.db)));
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(r)
        .values({
          schoolId: school.id,
          unitCode: school.unitCode,
          kind: input.kind,
          registration: input.registration,
          authority,
          licenceNo: input.licenceNo || null,
          alteration: input.kind === 'change' ? input.alteration || null : null,
          note: input.note || null,
          status: wf.initial,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .returning({ id: r.id, version: r.version });
      await auditChange(tx, ctx, {
        action: 'privateEdu.licence.create',
        targetType: TARGET,
        targetId: row!.id,
        after: { school: school.code, ...input, schoolId: undefined, authority },
      });
      return row!;
    });
  }),

  /** 提交申请 (the school), 受理 / 退回 / 不予批准 (the approving authority). */
  step: write
    .input(
      z
        .object({ id: RecordId, expectedVersion: RecordVersion, action: LicencePlainAction, reason: textField(500, '原因').optional() })
        .strict(),
    )
    .mutation(({ ctx, input }) => {
      const who = ctx.identity.username;
      return take(ctx, input, input.action, () =>
        input.action === 'submit'
          ? { submittedBy: who, submittedAt: ctx.now, returnReason: null }
          : input.action === 'return'
            ? { returnReason: input.reason! }
            : input.action === 'refuse'
              ? { refusalReason: input.reason!, decidedBy: who, decidedAt: ctx.now }
              : {},
      );
    }),

  /** 批准 (the approving authority): for 设立 the number issued, for 设立/延续 the validity. */
  approve: write.input(LicenceApproval).mutation(async ({ ctx, input }) => {
    const row = await visible(ctx, input.id);
    if (actorLevel(ctx.scope) !== 'school') actsAsAuthority(ctx.scope, row.authority, MATTER);
    const refusal = approvalRefusal(row.kind, input, ctx.today);
    if (refusal) throw fieldError(refusal.field, refusal.message);
    return take(
      ctx,
      input,
      'approve',
      (locked) => ({
        licenceNo: input.licenceNo ?? locked.licenceNo,
        validUntil: input.validUntil ?? locked.validUntil,
        decidedBy: ctx.identity.username,
        decidedAt: ctx.now,
      }),
      (tx, locked) => registryFollows(tx, ctx, { ...locked, licenceNo: input.licenceNo ?? locked.licenceNo }),
    );
  }),

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visible(ctx, input.id);
    return recordHistory(ctx.db, TARGET, input.id);
  }),
} satisfies TRPCRouterRecord;
