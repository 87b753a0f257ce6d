import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, count, eq, gt, ilike, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { blindIndex, decryptField, encryptField, tables, type Db } from '@hyedu/db';
import { authorize, maskIdCard, parseIdCard, textField } from '@hyedu/domain';
import {
  ArrivalInput,
  arrivalRefusal,
  DEFAULT_TARGETED_COUNTIES,
  DepartureInput,
  departureRefusal,
  listFullRefusal,
  PROGRAMME_SCHOOL_LEVELS,
  programmeCountyRefusal,
  ProgrammePersonInput,
  PROGRAMMES,
  programmeSchoolRefusal,
  QuotaInput,
  serviceEndsOn,
  TargetedInput,
  untargetRefusal,
} from '@hyedu/domain/teachers';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { fieldError } from '../../../field-error.ts';
import { contains, listUnits, scopeCondition } from '../../../queries.ts';
import { actorLevel, recordScope, schoolInScope } from '../../../record-scope.ts';
import { scoped } from '../../../scoped.ts';
import { conflict } from '../../../workflow-step.ts';
import { cityCode } from '../../plan/access.ts';
import { programmeFilesRouter } from './files.ts';
import { read, write } from './procedures.ts';
import { personCipherId, PersonFilter, personRows, personWhere, programmeSummary, standingOf, SummaryFilter, yearOf } from './query.ts';

const { teacherProgrammeQuotas: q, teacherProgrammePersons: p, teacherProgrammeSettings: ps, teacherStaff: st, schools } = tables;
export const PROGRAMME_PERSON_TARGET = 'teacher_programme_person';
export const PROGRAMME_QUOTA_TARGET = 'teacher_programme_quota';

type Ctx = Pick<AuthedContext, 'db' | 'scope'>;

/** The 定向县 in force: the city's setting, else the domain's default (none). */
export async function targetedCounties(db: Db) {
  const [row] = await db.select().from(ps).where(eq(ps.id, 1));
  return { counties: row?.targetedCounties ?? [...DEFAULT_TARGETED_COUNTIES], version: row?.version ?? 0 };
}

const canWrite = (ctx: AuthedContext) => authorize(ctx.identity.grants, { area: 'teachers', action: 'write' }).allowed;

/** A programme person in the caller's scope, or the one NOT_FOUND. */
const visible = (ctx: Ctx, id: number) =>
  scoped(
    PROGRAMME_PERSON_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(p)
          .where(and(eq(p.id, id), recordScope(ctx.scope, p)))
      )[0],
  );

/** The programme people are the bureaus' to record (the county its own, the city any): a school reads its own. */
const bureauOnly = (ctx: Ctx) => {
  if (actorLevel(ctx.scope) === 'school') throw new TRPCError({ code: 'FORBIDDEN', message: '计划人员由县市区教育局登记' });
};

/** The person's staff row in post at the school, when the registry has them there (hired through the entry gate). */
const staffAt = async (db: Db, idIndex: string, schoolId: number) =>
  (
    await db
      .select({ id: st.id })
      .from(st)
      .where(and(eq(st.idIndex, idIndex), eq(st.schoolId, schoolId), isNull(st.leftOn)))
  )[0]?.id ?? null;

/**
 * Teacher supply programmes (优师计划, 公费师范生, 特岗教师, 银龄讲学计划): the city's quotas per county, the people
 * allocated and their arrival, early departures, the summary per county, the 定向县 setting and the exports.
 */
export const programmesRouter = {
  /** Per county (in scope): planned vs arrived per programme, 到岗率, obligations ending this year, breaches. */
  summary: read.input(SummaryFilter).query(async ({ ctx, input }) => {
    const level = actorLevel(ctx.scope);
    const year = yearOf(input, ctx.today);
    const [rows, targeted, years] = await Promise.all([
      programmeSummary(ctx.db, ctx.scope, year, ctx.today, input.unitCode),
      targetedCounties(ctx.db),
      ctx.db.selectDistinct({ year: q.year }).from(q),
    ]);
    return {
      year,
      years: [...new Set([...years.map((y) => y.year), Number(ctx.today.slice(0, 4)), year])].sort((a, b) => b - a),
      total: rows.length,
      rows,
      targeted: targeted.counties,
      canSetQuotas: canWrite(ctx) && level === 'city',
      canRecord: canWrite(ctx) && level !== 'school',
    };
  }),

  /** Sets one county's planned number for a programme and year (the city only); version 0: never set. */
  saveQuota: write.input(QuotaInput).mutation(async ({ ctx, input }) => {
    if (actorLevel(ctx.scope) !== 'city') throw new TRPCError({ code: 'FORBIDDEN', message: '计划人数由市教育局下达' });
    if (!(await listUnits(ctx.db, ctx.scope)).some((u) => u.code === input.unitCode)) throw fieldError('unitCode', '没有这个县市区');
    const { counties } = await targetedCounties(ctx.db);
    const refusal = input.planned > 0 ? programmeCountyRefusal(input.programme, input.unitCode, counties) : null;
    if (refusal) throw fieldError('planned', refusal);
    return ctx.db.transaction(async (tx) => {
      const key = and(eq(q.unitCode, input.unitCode), eq(q.year, input.year), eq(q.programme, input.programme));
      const [row] = await tx.select().from(q).where(key).for('update');
      if ((row?.version ?? 0) !== input.expectedVersion) throw conflict();
      const values = { planned: input.planned, updatedBy: ctx.identity.username, updatedAt: ctx.now, version: input.expectedVersion + 1 };
      if (row) await tx.update(q).set(values).where(key);
      else
        await tx
          .insert(q)
          .values({ unitCode: input.unitCode, year: input.year, programme: input.programme, ...values })
          .onConflictDoNothing();
      const [saved] = await tx.select({ id: q.id, version: q.version }).from(q).where(key);
      if (!saved || saved.version !== values.version) throw conflict();
      await auditChange(tx, ctx, {
        action: 'teachers.programmes.saveQuota',
        targetType: PROGRAMME_QUOTA_TARGET,
        targetId: saved.id,
        before: { planned: row?.planned ?? null },
        after: { unitCode: input.unitCode, year: input.year, programme: input.programme, planned: input.planned },
      });
      return { version: values.version };
    });
  }),

  /** The programme people in scope, with the obligation's end and standing today. */
  persons: read.input(PersonFilter).query(async ({ ctx, input }) => {
    const where = personWhere(ctx.scope, input, ctx.today);
    const [rows, [total]] = await Promise.all([
      personRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(p).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      canRecord: canWrite(ctx) && actorLevel(ctx.scope) !== 'school',
      /** The business date (the forms' default year and date limits). */
      today: ctx.today,
      rows: rows.map(({ idIndex, idCipher, ...r }) => ({
        ...r,
        idNumber: maskIdCard(decryptField(ctx.keys.dataKey, idCipher, personCipherId(idIndex))),
        standing: standingOf(r, ctx.today),
      })),
    };
  }),

  /** The schools a programme person may be allocated to (the caller's 中小学), by name. */
  schools: read.input(z.object({ q: textField(40, '搜索词').optional() }).strict()).query(({ ctx, input }) =>
    ctx.db
      .select({ id: schools.id, name: schools.name, unitCode: schools.unitCode })
      .from(schools)
      .where(
        and(
          scopeCondition(ctx.scope),
          inArray(schools.level, [...PROGRAMME_SCHOOL_LEVELS]),
          input.q ? ilike(schools.name, contains(input.q)) : undefined,
        ),
      )
      .orderBy(schools.code)
      .limit(20),
  ),

  /**
   * Puts a person on a programme's list for a year, allocated to a school of the caller's county (未到岗). The ID
   * number is kept encrypted beside its blind index, as the registry does; one entry per person and programme.
   */
  addPerson: write.input(ProgrammePersonInput).mutation(async ({ ctx, input }) => {
    bureauOnly(ctx);
    const school = await schoolInScope(ctx, input.schoolId);
    const { counties } = await targetedCounties(ctx.db);
    const refusal = programmeCountyRefusal(input.programme, school.unitCode, counties);
    if (refusal) throw fieldError('programme', refusal);
    const wrongSchool = programmeSchoolRefusal(school.level);
    if (wrongSchool) throw fieldError('schoolId', wrongSchool);
    const id = parseIdCard(input.idNumber, { today: ctx.today });
    if (!id.ok) throw fieldError('idNumber', id.message);
    const [[quota], [listed]] = await Promise.all([
      ctx.db
        .select({ planned: q.planned })
        .from(q)
        .where(and(eq(q.unitCode, school.unitCode), eq(q.year, input.year), eq(q.programme, input.programme))),
      ctx.db
        .select({ n: count() })
        .from(p)
        .where(and(eq(p.unitCode, school.unitCode), eq(p.year, input.year), eq(p.programme, input.programme))),
    ]);
    const full = listFullRefusal(input.programme, input.year, listed?.n ?? 0, quota?.planned ?? 0);
    if (full) throw fieldError('year', full);
    const idIndex = blindIndex(ctx.keys.indexKey, id.value.number);
    const dup = () => fieldError('idNumber', `该人员已在${PROGRAMMES[input.programme].zh}名单中`);
    const staffId = await staffAt(ctx.db, idIndex, school.id);
    const row = await ctx.db.transaction(async (tx) => {
      const [made] = await tx
        .insert(p)
        .values({
          programme: input.programme,
          year: input.year,
          schoolId: school.id,
          unitCode: school.unitCode,
          staffId,
          name: input.name,
          idIndex,
          idCipher: encryptField(ctx.keys.dataKey, id.value.number, personCipherId(idIndex)),
          birthDate: id.value.birthDate,
          status: 'pending',
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
          updatedBy: ctx.identity.username,
          updatedAt: ctx.now,
        })
        .onConflictDoNothing()
        .returning({ id: p.id, version: p.version });
      if (!made) return null;
      await auditChange(tx, ctx, {
        action: 'teachers.programmes.addPerson',
        targetType: PROGRAMME_PERSON_TARGET,
        targetId: made.id,
        after: {
          programme: input.programme,
          year: input.year,
          school: school.code,
          name: input.name,
          idNumber: maskIdCard(id.value.number),
        },
      });
      return made;
    });
    if (!row) throw dup();
    return row;
  }),

  /**
   * 到岗: the day the person arrived, which starts the service; the obligation's end follows from the programme. When
   * the registry has the person in post at the school (hired through the entry gate) the record links to that row;
   * otherwise only the programme record changes — the hire itself goes through 教职员工 and its gate.
   */
  arrive: write.input(ArrivalInput).mutation(async ({ ctx, input }) => {
    bureauOnly(ctx);
    const seen = await visible(ctx, input.id);
    const refusal = arrivalRefusal(seen, input.arrivedOn, ctx.today);
    if (refusal) throw fieldError(refusal.field, refusal.message);
    const staffId = (await staffAt(ctx.db, seen.idIndex, seen.schoolId)) ?? seen.staffId;
    const ends = serviceEndsOn(input.arrivedOn, seen.programme);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(p)
        .set({
          status: 'arrived',
          arrivedOn: input.arrivedOn,
          serviceStartOn: input.arrivedOn,
          obligationEndsOn: ends,
          staffId,
          updatedBy: ctx.identity.username,
          updatedAt: ctx.now,
          version: input.expectedVersion + 1,
        })
        .where(and(eq(p.id, seen.id), eq(p.version, input.expectedVersion), eq(p.status, 'pending')))
        .returning({ id: p.id, version: p.version });
      if (!row) throw conflict();
      await auditChange(tx, ctx, {
        action: 'teachers.programmes.arrive',
        targetType: PROGRAMME_PERSON_TARGET,
        targetId: row.id,
        before: { status: seen.status },
        after: { status: 'arrived', arrivedOn: input.arrivedOn, obligationEndsOn: ends, staffId },
      });
      return { ...row, obligationEndsOn: ends, inRegistry: staffId !== null };
    });
  }),

  /** 提前离岗: the day and the reason, before the obligation's end (a breach of the agreement). */
  depart: write.input(DepartureInput).mutation(async ({ ctx, input }) => {
    bureauOnly(ctx);
    const seen = await visible(ctx, input.id);
    const refusal = departureRefusal(seen, input.leftOn, ctx.today);
    if (refusal) throw fieldError(refusal.field, refusal.message);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(p)
        .set({
          status: 'left',
          leftOn: input.leftOn,
          leftReason: input.leftReason,
          updatedBy: ctx.identity.username,
          updatedAt: ctx.now,
          version: input.expectedVersion + 1,
        })
        .where(and(eq(p.id, seen.id), eq(p.version, input.expectedVersion), eq(p.status, 'arrived')))
        .returning({ id: p.id, version: p.version });
      if (!row) throw conflict();
      await auditChange(tx, ctx, {
        action: 'teachers.programmes.depart',
        targetType: PROGRAMME_PERSON_TARGET,
        targetId: row.id,
        before: { status: seen.status },
        after: { status: 'left', leftOn: input.leftOn, leftReason: input.leftReason },
      });
      return row;
    });
  }),

  /** The 定向县 of the 优师计划 (the city's setting; none by default). */
  settings: read.query(async ({ ctx }) => {
    const [t, city] = await Promise.all([targetedCounties(ctx.db), cityCode(ctx.db)]);
    return { ...t, canEdit: canWrite(ctx) && actorLevel(ctx.scope) === 'city', city };
  }),

  /** Sets the 定向县 (the city only). */
  saveTargeted: write.input(TargetedInput).mutation(async ({ ctx, input }) => {
    if (actorLevel(ctx.scope) !== 'city') throw new TRPCError({ code: 'FORBIDDEN', message: '定向县由市教育局设置' });
    const units = await listUnits(ctx.db, ctx.scope);
    const city = await cityCode(ctx.db);
    const wrong = input.counties.find((c) => c === city || !units.some((u) => u.code === c));
    if (wrong) throw fieldError('counties', `没有这个县市区：${wrong}`);
    const counties = [...new Set(input.counties)].sort();
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(ps).where(eq(ps.id, 1)).for('update');
      if ((row?.version ?? 0) !== input.expectedVersion) throw conflict();
      const removed = (row?.targetedCounties ?? [...DEFAULT_TARGETED_COUNTIES]).filter((c) => !counties.includes(c));
      if (removed.length) {
        const [planned, placed] = await Promise.all([
          tx
            .selectDistinct({ unitCode: q.unitCode })
            .from(q)
            .where(and(eq(q.programme, 'excellent'), gt(q.planned, 0), inArray(q.unitCode, removed))),
          tx
            .selectDistinct({ unitCode: p.unitCode })
            .from(p)
            .where(and(eq(p.programme, 'excellent'), inArray(p.unitCode, removed))),
        ]);
        const inUse = new Set([...planned, ...placed].map((r) => r.unitCode));
        const refusal = untargetRefusal(removed, inUse, (c) => units.find((u) => u.code === c)?.name ?? c);
        if (refusal) throw fieldError('counties', refusal);
      }
      const values = {
        targetedCounties: counties,
        updatedBy: ctx.identity.username,
        updatedAt: ctx.now,
        version: input.expectedVersion + 1,
      };
      if (row) await tx.update(ps).set(values).where(eq(ps.id, 1));
      else await tx.insert(ps).values({ id: 1, ...values });
      await auditChange(tx, ctx, {
        action: 'teachers.programmes.saveTargeted',
        targetType: 'teacher_programme_settings',
        targetId: '1',
        before: { targetedCounties: row?.targetedCounties ?? [...DEFAULT_TARGETED_COUNTIES] },
        after: { targetedCounties: counties },
      });
      return { version: values.version };
    });
  }),

  ...programmeFilesRouter,
} satisfies TRPCRouterRecord;
