import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { decryptField, tables, type Db } from '@hyedu/db';
import { authorize, DivisionCode, maskIdCard, RecordId, SchoolRef, textField } from '@hyedu/domain';
import {
  hoursInPeriod,
  REGISTRATION_OUTCOME_LABELS,
  REGISTRATION_STANDING_LABELS,
  registrationDecision,
  registrationHoursPeriod,
  RegistrationInput,
  registrationStanding,
  RegistrationStanding,
  registrationYears,
  type RegistrationRules,
} from '@hyedu/domain/teachers';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../../exports.ts';
import { fieldError } from '../../../field-error.ts';
import { Page } from '../../../inputs.ts';
import { afterKey, Cursor, nextCursor, readCursor, type KeyPart } from '../../../keyset.ts';
import { containsText } from '../../../queries.ts';
import { actorLevel, recordScope } from '../../../record-scope.ts';
import { conflict } from '../../../workflow-step.ts';
import { staffInScope } from '../appraisal/index.ts';
import { staffCipherId } from '../gate.ts';
import { hoursOnRecord, trainingRecordsOf } from './hours.ts';
import { exporter, list, read, write } from './procedures.ts';
import { registrationSettingsRouter } from './settings.ts';
import { registrationRules, standingSql, subjectWhere } from './standing.ts';

const { teacherRegistrations: rg, teacherStaff: st, teacherAppraisals: ap, schools, orgUnits } = tables;
export const REGISTRATION_TARGET = 'teacher_registration';

export const RegistrationFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  schoolId: SchoolRef.optional(),
  registrationStanding: RegistrationStanding.optional(),
  q: textField(20, '姓名').optional(),
  after: Cursor.optional(),
}).strict();
type Filter = Omit<z.infer<typeof RegistrationFilter>, 'page' | 'pageSize' | 'after'>;

/** The list's order and keyset: the staff registry's (`teacher_staff_unit_idx`). */
const KEY: KeyPart[] = [
  { column: st.unitCode, desc: false, kind: 'string' },
  { column: st.schoolId, desc: false, kind: 'number' },
  { column: st.id, desc: false, kind: 'number' },
];

const registrationWhere = (ctx: Pick<AuthedContext, 'scope' | 'today'>, f: Filter, rules: RegistrationRules) =>
  and(
    subjectWhere(),
    recordScope(ctx.scope, st),
    f.unitCode ? eq(st.unitCode, f.unitCode) : undefined,
    f.schoolId ? eq(st.schoolId, f.schoolId) : undefined,
    f.registrationStanding ? standingSql(f.registrationStanding, ctx.today, rules) : undefined,
    f.q ? containsText(st.name, f.q) : undefined,
  );

const rowsOf = (db: Db, where: SQL | undefined) =>
  db
    .select({
      staffId: st.id,
      name: st.name,
      idIndex: st.idIndex,
      idCipher: st.idCipher,
      certificateNo: st.certificateNo,
      schoolId: st.schoolId,
      schoolName: schools.name,
      unitCode: st.unitCode,
      unitName: orgUnits.name,
      registeredOn: rg.registeredOn,
      validUntil: rg.validUntil,
      outcome: rg.outcome,
      decidedOn: rg.decidedOn,
      hours: rg.hours,
      version: rg.version,
    })
    .from(st)
    .leftJoin(rg, eq(rg.idIndex, st.idIndex))
    .innerJoin(schools, eq(schools.id, st.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, st.unitCode))
    .where(where)
    .orderBy(asc(st.unitCode), asc(st.schoolId), asc(st.id));

type Row = Awaited<ReturnType<typeof rowsOf>>[number];
const standingOf = (r: Pick<Row, 'outcome' | 'validUntil'>, today: string, rules: RegistrationRules) =>
  registrationStanding(r.outcome && r.validUntil ? { outcome: r.outcome, validUntil: r.validUntil } : null, today, rules);

/** Registration is the bureaus' (the county for its schools, the city for any); a school applies. */
const mayRegister = (ctx: AuthedContext) =>
  authorize(ctx.identity.grants, { area: 'teachers', action: 'write' }).allowed && actorLevel(ctx.scope) !== 'school';

const recordOf = async (db: Db, idIndex: string) => (await db.select().from(rg).where(eq(rg.idIndex, idIndex)))[0];

/**
 * 教师资格定期注册: the 专任教师 in post with their standing (keyset list; filters standing, county, school, name),
 * one teacher's record with the appraisals a registration reads, 办理定期注册 (the county / city; the rules decide),
 * the export, and the rules (`settings.ts`).
 */
export const registrationRouter = {
  list: list.input(RegistrationFilter).query(async ({ ctx, input }) => {
    const rules = await registrationRules(ctx.db);
    const where = registrationWhere(ctx, input, rules);
    const after = readCursor(input.after, KEY);
    const [rows, [total]] = await Promise.all([
      after
        ? rowsOf(ctx.db, and(where, afterKey(KEY, after))).limit(input.pageSize)
        : rowsOf(ctx.db, where)
            .limit(input.pageSize)
            .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(st).leftJoin(rg, eq(rg.idIndex, st.idIndex)).where(where),
    ]);
    const hours = await hoursOnRecord(ctx.db, rows, ctx.today, rules);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      today: ctx.today,
      next: nextCursor(rows, input.pageSize, (r) => [r.unitCode, r.schoolId, r.staffId]),
      canRegister: mayRegister(ctx),
      rules,
      rows: rows.map(({ idIndex, idCipher, ...r }) => ({
        ...r,
        idNumber: maskIdCard(decryptField(ctx.keys.dataKey, idCipher, staffCipherId(idIndex))),
        standing: standingOf(r, ctx.today, rules),
        /** The 培训学时 on record in the period a registration today would read (null: no registration record). */
        hoursOnRecord: hours.get(idIndex) ?? null,
      })),
    };
  }),

  /**
   * One teacher in post: the registration record, the appraisals by year, the years a registration today reads, and the
   * training records of the period it reads with their hours (from 培训记录; nothing is declared).
   */
  byStaff: read.input(z.object({ staffId: RecordId }).strict()).query(async ({ ctx, input }) => {
    const person = await staffInScope(ctx, input.staffId);
    const rules = await registrationRules(ctx.db);
    const [record, appraisals, records] = await Promise.all([
      recordOf(ctx.db, person.idIndex),
      ctx.db
        .select({ year: ap.year, result: ap.result, ethics: ap.ethics })
        .from(ap)
        .where(eq(ap.idIndex, person.idIndex))
        .orderBy(desc(ap.year)),
      trainingRecordsOf(ctx.db, person.idIndex, ctx.today, rules),
    ]);
    const period = record ? registrationHoursPeriod(record.registeredOn, ctx.today, rules) : null;
    const counted = period ? records.filter((r) => r.recordedOn >= period.from) : [];
    // the domain's sum (hoursInPeriod) over the records shown: the page adds up to what `register` checks
    return {
      staffId: person.id,
      name: person.name,
      record: record
        ? {
            registeredOn: record.registeredOn,
            validUntil: record.validUntil,
            outcome: record.outcome,
            decidedOn: record.decidedOn,
            hours: record.hours,
            version: record.version,
          }
        : null,
      standing: standingOf(record ?? { outcome: null, validUntil: null }, ctx.today, rules),
      years: record ? registrationYears(record.registeredOn, ctx.today, rules) : [],
      appraisals,
      training: period ? { ...period, hours: hoursInPeriod(counted, period), records: counted } : null,
      rules,
      canRegister: mayRegister(ctx),
    };
  }),

  /**
   * 办理定期注册 (the county for its schools, the city for any): the rules decide on the appraisals and the 培训学时 on
   * record in the period (the person's training records, all projects) — an incomplete application is refused on its
   * field and nothing is written; otherwise 注册合格, 暂缓注册 or 不予注册 is recorded with the hours it counted.
   */
  register: write.input(RegistrationInput).mutation(async ({ ctx, input }) => {
    const person = await staffInScope(ctx, input.staffId);
    if (!mayRegister(ctx)) throw new TRPCError({ code: 'FORBIDDEN', message: '定期注册由县市区教育局办理，学校请提交申请材料' });
    if (person.post !== 'teacher') throw fieldError('staffId', '只有专任教师办理教师资格定期注册');
    const rules = await registrationRules(ctx.db);
    return ctx.db.transaction(async (tx) => {
      const [current] = await tx.select().from(rg).where(eq(rg.idIndex, person.idIndex)).for('update');
      if ((current?.version ?? 0) !== input.expectedVersion) throw conflict();
      const appraisals = await tx
        .select({ year: ap.year, result: ap.result, ethics: ap.ethics })
        .from(ap)
        .where(eq(ap.idIndex, person.idIndex));
      const records = await trainingRecordsOf(tx, person.idIndex, input.registeredOn, rules);
      const decision = registrationDecision(
        { current: current ?? null, registeredOn: input.registeredOn, records, appraisals },
        ctx.today,
        rules,
      );
      if (!decision.ok) throw fieldError(decision.refusal.field, decision.refusal.message);
      const granted = decision.outcome === 'registered';
      const values = {
        staffId: person.id,
        registeredOn: granted ? input.registeredOn : current!.registeredOn,
        validUntil: decision.validUntil,
        outcome: decision.outcome,
        decidedOn: input.registeredOn,
        hours: decision.hours,
        updatedBy: ctx.identity.username,
        updatedAt: ctx.now,
        version: input.expectedVersion + 1,
      };
      await tx.update(rg).set(values).where(eq(rg.id, current!.id));
      await auditChange(tx, ctx, {
        action: 'teachers.registration.register',
        targetType: REGISTRATION_TARGET,
        targetId: current!.id,
        before: { registeredOn: current!.registeredOn, validUntil: current!.validUntil, outcome: current!.outcome },
        after: {
          registeredOn: values.registeredOn,
          validUntil: values.validUntil,
          outcome: values.outcome,
          hours: decision.hours,
          reasons: decision.reasons,
        },
      });
      return { outcome: decision.outcome, validUntil: decision.validUntil, reasons: decision.reasons, version: values.version };
    });
  }),

  export: exporter.input(RegistrationFilter.omit(NO_PAGE).omit({ after: true })).query(async ({ ctx, input }) => {
    const rules = await registrationRules(ctx.db);
    const rows = await rowsOf(ctx.db, registrationWhere(ctx, input, rules)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '教师资格定期注册',
      [
        { key: 'unitName', header: '县市区', width: 12 },
        { key: 'schoolName', header: '学校', width: 28 },
        { key: 'name', header: '姓名', width: 10 },
        { key: 'idNumber', header: '身份证号', width: 20 },
        { key: 'certificateNo', header: '教师资格证号', width: 20 },
        { key: 'registeredOn', header: '上次注册（认定）日期', width: 14 },
        { key: 'validUntil', header: '注册有效期至', width: 14 },
        { key: 'outcome', header: '最近结论', width: 10 },
        { key: 'standing', header: '注册状态', width: 12 },
      ],
      rows.map((r) => ({
        unitName: r.unitName,
        schoolName: r.schoolName,
        name: r.name,
        idNumber: maskIdCard(decryptField(ctx.keys.dataKey, r.idCipher, staffCipherId(r.idIndex))),
        certificateNo: r.certificateNo ?? '',
        registeredOn: r.registeredOn ?? '',
        validUntil: r.validUntil ?? '',
        outcome: r.outcome ? REGISTRATION_OUTCOME_LABELS[r.outcome].zh : '',
        standing: REGISTRATION_STANDING_LABELS[standingOf(r, ctx.today, rules)].zh,
      })),
    );
  }),

  ...registrationSettingsRouter,
} satisfies TRPCRouterRecord;
