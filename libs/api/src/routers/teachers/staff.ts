import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, count, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { blindIndex, decryptField, encryptField, refreshItStanding, tables, type Db } from '@hyedu/db';
import { DivisionCode, IsoDate, maskIdCard, parseIdCard, RecordId, RecordVersion, SchoolRef, textField } from '@hyedu/domain';
import { AdmissionQuery, HireInput, hireRefusal, PostCategory, StaffingStatus } from '@hyedu/domain/teachers';
import { auditChange } from '../../audit-change.ts';
import type { AuthedContext } from '../../context.ts';
import { fieldError } from '../../field-error.ts';
import { Page } from '../../inputs.ts';
import { Cursor, keyedPage, nextCursor, type KeyPart } from '../../keyset.ts';
import { containsText } from '../../queries.ts';
import { actorLevel, recordScope, schoolInScope } from '../../record-scope.ts';
import { scoped } from '../../scoped.ts';
import { listProcedure, passes, writeProcedure } from '../../trpc.ts';
import { conflict } from '../../workflow-step.ts';
import { passGate, recordEntry, STAFF_TARGET, staffCipherId } from './gate.ts';

const { teacherStaff: st, schools, orgUnits } = tables;
export { STAFF_TARGET, staffCipherId };

const list = listProcedure('teachers');
const write = writeProcedure('teachers');

export const StaffFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  schoolId: SchoolRef.optional(),
  employment: StaffingStatus.optional(),
  post: PostCategory.optional(),
  q: textField(20, '姓名').optional(),
  /** The next page after this key (the previous page's last row); without it the page is found by offset. */
  after: Cursor.optional(),
}).strict();

/** The registry's order, by unit and school: also the key its pages go by (about 100,000 people at full scale). */
const STAFF_KEY: KeyPart[] = [
  { column: st.unitCode, desc: false, kind: 'string' },
  { column: st.schoolId, desc: false, kind: 'number' },
  { column: st.id, desc: false, kind: 'number' },
];

export const TransferInput = z
  .object({
    id: RecordId,
    expectedVersion: RecordVersion,
    toSchoolId: SchoolRef,
    entersOn: IsoDate,
    query: AdmissionQuery,
  })
  .strict();

/** The list's filter as SQL: people in post in the caller's scope (the list and its export). */
export const staffWhere = (
  ctx: { scope: Parameters<typeof recordScope>[0] },
  input: Omit<z.infer<typeof StaffFilter>, 'page' | 'pageSize'>,
) =>
  and(
    isNull(st.leftOn),
    recordScope(ctx.scope, st),
    input.unitCode ? eq(st.unitCode, input.unitCode) : undefined,
    input.schoolId ? eq(st.schoolId, input.schoolId) : undefined,
    input.employment ? eq(st.status, input.employment) : undefined,
    input.post ? eq(st.post, input.post) : undefined,
    input.q ? containsText(st.name, input.q) : undefined,
  );

/** A person in post in the caller's scope, or the one NOT_FOUND. */
const visible = (ctx: Pick<AuthedContext, 'db'> & { scope: Parameters<typeof recordScope>[0] }, id: number) =>
  scoped(
    STAFF_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(st)
          .where(and(eq(st.id, id), isNull(st.leftOn), recordScope(ctx.scope, st)))
      )[0],
  );

/** Where the person is in post now, if anywhere (any county: a person is in post at one school at a time). */
const inPost = async (db: Db, idIndex: string) =>
  (
    await db
      .select({ id: st.id, schoolName: schools.name })
      .from(st)
      .innerJoin(schools, eq(schools.id, st.schoolId))
      .where(and(eq(st.idIndex, idIndex), isNull(st.leftOn)))
  )[0];

/**
 * What the caller may do from the list: hire (a school too) and import (the bureaus: the 科室 and the counties).
 */
async function listRights(ctx: AuthedContext) {
  const canCreate = await passes(ctx, { access: 'area', area: 'teachers', action: 'write' });
  return {
    canCreate,
    canImport: canCreate && actorLevel(ctx.scope) !== 'school',
  };
}

/** The staff registry: the list, a hire and a transfer — both through the one entry gate. */
export const staffRouter = {
  list: list.input(StaffFilter).query(async ({ ctx, input }) => {
    const where = staffWhere(ctx, input);
    const at = keyedPage(STAFF_KEY, input);
    const [rows, [total]] = await Promise.all([
      ctx.db
        .select({
          id: st.id,
          unitCode: st.unitCode,
          schoolId: st.schoolId,
          name: st.name,
          idIndex: st.idIndex,
          idCipher: st.idCipher,
          sex: st.sex,
          birthDate: st.birthDate,
          schoolName: schools.name,
          unitName: orgUnits.name,
          employment: st.status,
          post: st.post,
          title: st.title,
          subject: st.subject,
          joinedOn: st.joinedOn,
          version: st.version,
        })
        .from(st)
        .innerJoin(schools, eq(schools.id, st.schoolId))
        .innerJoin(orgUnits, eq(orgUnits.code, st.unitCode))
        .where(and(where, at.after))
        .orderBy(...at.orderBy)
        .limit(input.pageSize)
        .offset(at.offset),
      ctx.db.select({ n: count() }).from(st).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      next: nextCursor(rows, input.pageSize, (r) => [r.unitCode, r.schoolId, r.id]),
      page: input.page,
      pageSize: input.pageSize,
      ...(await listRights(ctx)),
      rows: rows.map(({ idIndex, idCipher, ...r }) => ({
        ...r,
        idNumber: maskIdCard(decryptField(ctx.keys.dataKey, idCipher, staffCipherId(idIndex))),
      })),
    };
  }),

  /** 入职: the person's fields, the school (in the caller's scope), the 准入查询; the gate decides. */
  hire: write.input(HireInput).mutation(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    const refusal = hireRefusal(input, ctx.today);
    if (refusal) throw fieldError(refusal.field, refusal.message);
    const id = parseIdCard(input.idNumber, { today: ctx.today });
    if (!id.ok) throw fieldError('idNumber', id.message);
    const idIndex = blindIndex(ctx.keys.indexKey, id.value.number);
    const already = await inPost(ctx.db, idIndex);
    if (already) throw fieldError('idNumber', `该人员现在${already.schoolName}在岗，请办理调动`);
    const entry = {
      kind: 'hire' as const,
      name: input.name,
      idNumber: id.value.number,
      idIndex,
      schoolId: school.id,
      unitCode: school.unitCode,
      entersOn: input.joinedOn,
      query: input.query ?? null,
    };
    await passGate(ctx, entry);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(st)
        .values({
          schoolId: school.id,
          unitCode: school.unitCode,
          name: input.name,
          idIndex,
          idCipher: encryptField(ctx.keys.dataKey, id.value.number, staffCipherId(idIndex)),
          birthDate: id.value.birthDate,
          sex: id.value.gender,
          status: input.employment,
          post: input.post,
          title: input.title || null,
          certificateNo: input.certificateNo || null,
          subject: input.subject || null,
          joinedOn: input.joinedOn,
          nationalId: input.nationalId || null,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .onConflictDoNothing()
        .returning({ id: st.id, version: st.version });
      // Another hire of the same person landed first: the unique in-post index refused this one.
      if (!row) throw new TRPCError({ code: 'CONFLICT', message: '该人员已在其他学校在岗，请刷新后办理调动' });
      // A person back in post keeps the IT 2.0 hours of an earlier stint (a transfer copies the rollup with the row).
      await refreshItStanding(tx, [idIndex]);
      await recordEntry(tx, ctx, entry, row.id);
      const { idNumber: _, ...rest } = input;
      await auditChange(tx, ctx, {
        action: 'teachers.staff.hire',
        targetType: STAFF_TARGET,
        targetId: row.id,
        after: { ...rest, idNumber: maskIdCard(id.value.number) },
      });
      return row;
    });
  }),

  /**
   * 调动: the person leaves their school on the day and enters the new one, through the gate. A county moves people
   * between its own schools; a move across counties is the city's.
   */
  transfer: write.input(TransferInput).mutation(async ({ ctx, input }) => {
    const to = await schoolInScope(ctx, input.toSchoolId);
    const person = await visible(ctx, input.id);
    if (actorLevel(ctx.scope) === 'school') throw new TRPCError({ code: 'FORBIDDEN', message: '调动由县区教育局或市教育局办理' });
    if (to.id === person.schoolId) throw fieldError('toSchoolId', '调入学校与现任职学校相同');
    if (input.entersOn <= person.joinedOn) throw fieldError('entersOn', '调入日期应晚于在现任职学校的入职日期');
    const idNumber = decryptField(ctx.keys.dataKey, person.idCipher, staffCipherId(person.idIndex));
    const entry = {
      kind: 'transfer' as const,
      name: person.name,
      idNumber,
      idIndex: person.idIndex,
      fromSchoolId: person.schoolId,
      schoolId: to.id,
      unitCode: to.unitCode,
      entersOn: input.entersOn,
      query: input.query,
    };
    await passGate(ctx, entry);
    return ctx.db.transaction(async (tx) => {
      const [left] = await tx
        .update(st)
        .set({ leftOn: input.entersOn, version: person.version + 1 })
        .where(and(eq(st.id, person.id), eq(st.version, input.expectedVersion), isNull(st.leftOn)))
        .returning({ id: st.id });
      if (!left) throw conflict();
      const { id: _, createdAt: __, leftOn: ___, version: ____, ...kept } = person;
      const [row] = await tx
        .insert(st)
        .values({
          ...kept,
          schoolId: to.id,
          unitCode: to.unitCode,
          joinedOn: input.entersOn,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .returning({ id: st.id, version: st.version });
      await recordEntry(tx, ctx, entry, row!.id);
      await auditChange(tx, ctx, {
        action: 'teachers.staff.transfer',
        targetType: STAFF_TARGET,
        targetId: row!.id,
        before: { staffId: person.id, schoolId: person.schoolId },
        after: { schoolId: to.id, entersOn: input.entersOn, query: input.query },
      });
      return row!;
    });
  }),
} satisfies TRPCRouterRecord;
