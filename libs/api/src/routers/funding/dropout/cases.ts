import type { TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, eq, ilike, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { blindIndex, decryptField, encryptField, tables, type Db } from '@hyedu/db';
import { gradeLabel, maskIdCard, parseIdCard, RecordId, textField } from '@hyedu/domain';
import {
  AttemptInput,
  attemptRefusal,
  attemptStep,
  DROPOUT_GROUP_LABELS,
  DROPOUT_OPEN_STATES,
  DROPOUT_REASON_LABELS,
  DROPOUT_SCHOOL_LEVELS,
  dropoutCase,
  DropoutInput,
  dropoutRefusal,
  DropoutStepInput,
  DROPOUT_WORKFLOW as wf,
} from '@hyedu/domain/funding';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../../exports.ts';
import { fieldError } from '../../../field-error.ts';
import { recordHistory } from '../../../history.ts';
import { contains, scopeCondition } from '../../../queries.ts';
import { actorLevel, schoolInScope } from '../../../record-scope.ts';
import { exportProcedure, readProcedure, viewProcedure, writeProcedure } from '../../../trpc.ts';
import { applyStep } from '../../../workflow-step.ts';
import { actsOn, actsOnUnit, DROPOUT_TARGET, dropoutCipherId, maskName, seesPersons, visibleCase } from './access.ts';
import { DropoutFilter, dropoutRows, dropoutWhere } from './query.ts';

const { fundingDropoutCases: c, fundingDropoutAttempts: at, schools, orgUnits } = tables;
const read = readProcedure('funding');
const view = viewProcedure('funding');
const exporter = exportProcedure('funding');
const write = writeProcedure('funding');
const Id = z.object({ id: RecordId }).strict();

/** A person as the caller may see them: the name (masked for who does not keep the ledger) and the ID number masked. */
function person(ctx: Pick<AuthedContext, 'identity' | 'keys'>, r: { name: string; idCipher: string; idIndex: string }, full = false) {
  const sees = seesPersons(ctx);
  const id = decryptField(ctx.keys.dataKey, r.idCipher, dropoutCipherId(r.idIndex));
  return { name: sees ? r.name : maskName(r.name), idNumber: sees && full ? id : maskIdCard(id) };
}

/** The schools a case may be registered at in the caller's scope: those teaching compulsory grades. */
const schoolsWhere = (ctx: Pick<AuthedContext, 'scope'>, q?: string) =>
  and(scopeCondition(ctx.scope), inArray(schools.level, [...DROPOUT_SCHOOL_LEVELS]), q ? ilike(schools.name, contains(q)) : undefined);

async function attemptsOf(db: Db, caseId: number) {
  return db
    .select({ id: at.id, on: at.on, persons: at.persons, result: at.result, note: at.note, createdBy: at.createdBy })
    .from(at)
    .where(eq(at.caseId, caseId))
    .orderBy(asc(at.on), asc(at.id));
}

/** 控辍保学台账: the ledgers, one case with its 劝返 record, registration, 劝返, the verification steps, history, export. */
export const dropoutCasesRouter = {
  list: read.input(DropoutFilter).query(async ({ ctx, input }) => {
    const where = dropoutWhere(ctx.scope, input, seesPersons(ctx));
    const [rows, [total]] = await Promise.all([
      dropoutRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(c).innerJoin(schools, eq(schools.id, c.schoolId)).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      canCreate: seesPersons(ctx),
      rows: rows.map(({ idCipher, idIndex, name, ...x }) => ({ ...x, ...person(ctx, { name, idCipher, idIndex }) })),
    };
  }),

  /** One case with its school, the child (the ID number in full for who keeps the ledger), its 劝返 record and the caller's steps. */
  byId: view.input(Id).query(async ({ ctx, input }) => {
    const row = await visibleCase(ctx, input.id);
    const [school] = await ctx.db
      .select({ name: schools.name, code: schools.code, unitName: orgUnits.name })
      .from(schools)
      .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
      .where(eq(schools.id, row.schoolId));
    const acts = seesPersons(ctx) && (await actsOnUnit(ctx.db, ctx.scope, row.unitCode));
    const actor = { level: actorLevel(ctx.scope), username: ctx.identity.username };
    const { idCipher, idIndex, name, ...rest } = row;
    return {
      ...rest,
      ...person(ctx, { name, idCipher, idIndex }, true),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      school: school!,
      gradeLabel: gradeLabel(row.grade),
      today: ctx.today,
      attempts: await attemptsOf(ctx.db, row.id),
      /** 记录劝返 opens the attempt form (`persuade`); a result 已返校复学 takes 劝返复学, which has no button of its own. */
      canPersuade: acts && wf.allowed(dropoutCase(row), actor).includes('persuade'),
      allowed: acts ? wf.allowed(dropoutCase(row), actor).filter((a) => a !== 'return') : [],
      corrections: acts ? wf.corrections(dropoutCase(row), actor) : [],
    };
  }),

  /** The schools the caller may register a case at (teaching compulsory grades), by name. */
  schools: read
    .input(z.object({ q: textField(40, '搜索词').optional() }).strict())
    .query(({ ctx, input }) =>
      ctx.db
        .select({ id: schools.id, name: schools.name, level: schools.level })
        .from(schools)
        .where(schoolsWhere(ctx, input.q))
        .orderBy(schools.code)
        .limit(20),
    ),

  /** 疑似辍学登记: the school for itself, the county for its schools, the city for 市直 schools; one open case per child. */
  create: write.input(DropoutInput).mutation(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    await actsOn(ctx, school.unitCode);
    const id = parseIdCard(input.idNumber, { today: ctx.today });
    if (!id.ok) throw fieldError('idNumber', id.message);
    const refusal = dropoutRefusal(input, school, id.value.birthDate, ctx.today);
    if (refusal) throw fieldError(refusal.field, refusal.message);
    const idIndex = blindIndex(ctx.keys.indexKey, id.value.number);
    const dup = () => fieldError('idNumber', '该学生已在控辍保学台账中，请在原记录中办理');
    const [open] = await ctx.db
      .select({ id: c.id })
      .from(c)
      .where(and(eq(c.idIndex, idIndex), inArray(c.status, [...DROPOUT_OPEN_STATES])));
    if (open) throw dup();
    const row = await ctx.db.transaction(async (tx) => {
      const [made] = await tx
        .insert(c)
        .values({
          schoolId: school.id,
          unitCode: school.unitCode,
          name: input.childName,
          idIndex,
          idCipher: encryptField(ctx.keys.dataKey, id.value.number, dropoutCipherId(idIndex)),
          birthDate: id.value.birthDate,
          grade: input.studentGrade,
          reason: input.reason,
          group: input.group,
          foundOn: input.foundOn,
          note: input.note || null,
          status: wf.initial,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .onConflictDoNothing()
        .returning({ id: c.id, version: c.version });
      if (!made) return null;
      await auditChange(tx, ctx, {
        action: 'funding.dropout.create',
        targetType: DROPOUT_TARGET,
        targetId: made.id,
        after: {
          school: school.code,
          name: input.childName,
          idNumber: maskIdCard(id.value.number),
          grade: input.studentGrade,
          reason: input.reason,
          group: input.group,
          foundOn: input.foundOn,
        },
      });
      return made;
    });
    if (!row) throw dup();
    return row;
  }),

  /**
   * One 劝返 attempt (date, persons, result), written with the step it takes under the case's row lock and version:
   * 已返校复学 is 劝返复学 (the case leaves the dropouts), anything else 记录劝返.
   */
  persuade: write.input(AttemptInput).mutation(async ({ ctx, input }) => {
    const seen = await visibleCase(ctx, input.id);
    await actsOn(ctx, seen.unitCode);
    const refusal = attemptRefusal(input.visitedOn, seen, ctx.today);
    if (refusal) throw fieldError(refusal.field, refusal.message);
    const action = attemptStep(input.result);
    const attempt = { on: input.visitedOn, persons: input.persons, result: input.result, note: input.note || null };
    return applyStep(ctx, {
      wf,
      table: c,
      stateKey: 'status',
      id: input.id,
      expectedVersion: input.expectedVersion,
      action,
      actor: { level: actorLevel(ctx.scope), username: ctx.identity.username },
      caseOf: dropoutCase,
      changes: (row) => ({
        attempts: row.attempts + 1,
        updatedAt: ctx.now,
        ...(action === 'return' ? { returnedOn: input.visitedOn } : {}),
      }),
      also: (tx, row) => tx.insert(at).values({ caseId: row.id, ...attempt, createdBy: ctx.identity.username, createdAt: ctx.now }),
      audit: { targetType: DROPOUT_TARGET, after: (_row, to) => ({ status: to, attempt }) },
    });
  }),

  /** 确认辍学, 核实排除 (a reason), 送教上门安置, 销号, 再次辍学 (a reason); each dated the business day. */
  step: write.input(DropoutStepInput).mutation(async ({ ctx, input }) => {
    const seen = await visibleCase(ctx, input.id);
    await actsOn(ctx, seen.unitCode);
    const day = ctx.today;
    return applyStep(ctx, {
      wf,
      table: c,
      stateKey: 'status',
      id: input.id,
      expectedVersion: input.expectedVersion,
      action: input.action,
      reason: input.reason,
      actor: { level: actorLevel(ctx.scope), username: ctx.identity.username },
      caseOf: dropoutCase,
      changes: () => {
        const stamp = { updatedAt: ctx.now };
        switch (input.action) {
          case 'confirm':
            return { ...stamp, confirmedOn: day };
          case 'clear':
            return { ...stamp, clearedReason: input.reason ?? null };
          case 'homeTeach':
            return { ...stamp, homeTaughtOn: day };
          case 'close':
            return { ...stamp, closedOn: day };
          default:
            return { ...stamp, returnedOn: null };
        }
      },
      audit: { targetType: DROPOUT_TARGET },
    });
  }),

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visibleCase(ctx, input.id);
    return recordHistory(ctx.db, DROPOUT_TARGET, input.id);
  }),

  /** The ledger as Excel, with the list's filters (names as the caller sees them, ID numbers masked). */
  export: exporter.input(DropoutFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await dropoutRows(ctx.db, dropoutWhere(ctx.scope, input, seesPersons(ctx))).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '控辍保学台账',
      [
        { key: 'id', header: '编号', width: 8 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolName', header: '学校', width: 26 },
        { key: 'name', header: '姓名', width: 10 },
        { key: 'idNumber', header: '身份证号', width: 20 },
        { key: 'grade', header: '年级', width: 10 },
        { key: 'reason', header: '辍学原因', width: 14 },
        { key: 'group', header: '重点群体', width: 14 },
        { key: 'foundOn', header: '发现日期', width: 12 },
        { key: 'status', header: '状态', width: 10 },
        { key: 'confirmedOn', header: '确认辍学日期', width: 12 },
        { key: 'attempts', header: '劝返次数', width: 9 },
        { key: 'returnedOn', header: '复学日期', width: 12 },
        { key: 'closedOn', header: '销号日期', width: 12 },
      ],
      rows.map((x) => ({
        id: x.id,
        unitName: x.unitName,
        schoolName: x.schoolName,
        ...person(ctx, x),
        grade: gradeLabel(x.grade),
        reason: DROPOUT_REASON_LABELS[x.reason].zh,
        group: DROPOUT_GROUP_LABELS[x.group].zh,
        foundOn: x.foundOn,
        status: wf.stateLabels[x.status].zh,
        confirmedOn: x.confirmedOn,
        attempts: x.attempts,
        returnedOn: x.returnedOn,
        closedOn: x.closedOn ?? x.homeTaughtOn,
      })),
    );
  }),
} satisfies TRPCRouterRecord;
