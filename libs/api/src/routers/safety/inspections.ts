import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import {
  beijingDate,
  DivisionCode,
  HazardCategory,
  InspectionLevel,
  IsoDate,
  RecordId,
  SchoolRef,
  textField,
  type DataScope,
} from '@hyedu/domain';
import { auditChange } from '../../audit-change.ts';
import { Page } from '../../inputs.ts';
import { contains } from '../../queries.ts';
import { readProcedure, writeProcedure } from '../../trpc.ts';
import { recordScope, safetyLevel, schoolInScope } from './access.ts';

const { safetyInspections: s, safetyHazards: h, schools, orgUnits } = tables;

/** 排查 levels (自查/县查/市查/督导) and who may record each. */
const LEVELS_BY_ACTOR = { school: ['self'], county: ['self', 'county'], city: ['self', 'county', 'city', 'supervision'] } as const;

export const InspectionInput = z
  .object({
    schoolId: SchoolRef,
    inspectedOn: IsoDate,
    level: InspectionLevel,
    categories: z.array(HazardCategory).min(1, { message: '请至少选择一项检查内容' }).max(13),
    inspectors: textField(100, '检查人员').pipe(z.string().min(2, { message: '请填写检查人员' })),
    summary: textField(2000, '检查情况').pipe(z.string().min(5, { message: '检查情况至少写5个字' })),
  })
  .strict();

export const InspectionFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  schoolId: RecordId.optional(),
  level: InspectionLevel.optional(),
  q: textField(40, '搜索词').optional(),
}).strict();

export function inspectionWhere(scope: DataScope, f: Partial<z.infer<typeof InspectionFilter>>): SQL | undefined {
  return and(
    recordScope(scope, s),
    f.unitCode ? eq(s.unitCode, f.unitCode) : undefined,
    f.schoolId ? eq(s.schoolId, f.schoolId) : undefined,
    f.level ? eq(s.level, f.level) : undefined,
    f.q ? ilike(schools.name, contains(f.q)) : undefined,
  );
}
export const inspectionRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: s.id,
      schoolId: s.schoolId,
      schoolName: schools.name,
      unitCode: s.unitCode,
      unitName: orgUnits.name,
      inspectedOn: s.inspectedOn,
      level: s.level,
      categories: s.categories,
      inspectors: s.inspectors,
      summary: s.summary,
      hazards: db.$count(h, eq(h.inspectionId, s.id)),
    })
    .from(s)
    .innerJoin(schools, eq(schools.id, s.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, s.unitCode))
    .where(where)
    .orderBy(desc(s.inspectedOn), desc(s.id));

export const inspectionsRouter = {
  list: readProcedure('safety')
    .input(InspectionFilter)
    .query(async ({ ctx, input }) => {
      const where = inspectionWhere(ctx.scope, input);
      const [rows, [total]] = await Promise.all([
        inspectionRows(ctx.db, where)
          .limit(input.pageSize)
          .offset((input.page - 1) * input.pageSize),
        ctx.db.select({ n: count() }).from(s).innerJoin(schools, eq(schools.id, s.schoolId)).where(where),
      ]);
      return { total: total?.n ?? 0, page: input.page, pageSize: input.pageSize, rows };
    }),

  /** Records an inspection of a school; the hazards it found are then reported with its id. */
  create: writeProcedure('safety')
    .input(InspectionInput)
    .mutation(async ({ ctx, input }) => {
      const school = await schoolInScope(ctx, input.schoolId);
      if (!(LEVELS_BY_ACTOR[safetyLevel(ctx.scope)] as readonly string[]).includes(input.level))
        throw new TRPCError({ code: 'FORBIDDEN', message: '您不能登记该层级的检查' });
      if (input.inspectedOn > beijingDate(ctx.now)) throw new TRPCError({ code: 'BAD_REQUEST', message: '检查日期不能晚于今天' });
      const who = ctx.identity.username;
      return ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(s)
          .values({ ...input, unitCode: school.unitCode, createdBy: who, createdAt: ctx.now })
          .returning({ id: s.id });
        await auditChange(tx, ctx, {
          action: 'safety.addInspection',
          targetType: 'safety_inspection',
          targetId: String(row!.id),
          after: { school: school.code, ...input },
        });
        return row!;
      });
    }),
} satisfies TRPCRouterRecord;
