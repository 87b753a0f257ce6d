import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { RecordId, SCHOOL_LEVEL_LABELS } from '@hyedu/domain';
import { InspectionOpinionInput, INSPECTION_WORKFLOW as wf } from '@hyedu/domain/private-edu';
import { auditChange } from '../../audit-change.ts';
import { sessionProcedure } from '../../trpc.ts';
import { askedInspection, lockInspection, opinionsOf, TARGET } from './inspection-access.ts';

const { privateInspections: r, privateInspectionOpinions: o, schools, orgUnits } = tables;

/**
 * The 科室's side of 联审, mounted in the platform's 待办 router (`inbox.opinions`) so the portal reaches it without naming a
 * module: any signed-in account may call these, and `askedInspection` lets through only a 科室 the
 * inspection asked (everyone else: NOT_FOUND, audited). They show only what the 科室 needs to judge — the school, the
 * materials and the 初审 findings — and take its one opinion; nothing else of the module opens to the 科室.
 */
export const inspectionOpinionRouter = {
  /** What an asked 科室 sees of an inspection: the school, its materials, the 初审 findings, and the 科室's own answer. */
  view: sessionProcedure()
    .input(z.object({ id: RecordId }).strict())
    .query(async ({ ctx, input }) => {
      const mine = await askedInspection(ctx, input.id);
      const [row] = await ctx.db
        .select({
          id: r.id,
          year: r.year,
          status: r.status,
          materials: r.materials,
          siteVisit: r.siteVisit,
          schoolName: schools.name,
          level: schools.level,
          unitName: orgUnits.name,
        })
        .from(r)
        .innerJoin(schools, eq(schools.id, r.schoolId))
        .innerJoin(orgUnits, eq(orgUnits.code, r.unitCode))
        .where(eq(r.id, input.id));
      const opinions = (await opinionsOf(ctx.db, input.id)).filter((x) => mine.includes(x.dept));
      return {
        ...row!,
        levelLabel: SCHOOL_LEVEL_LABELS[row!.level],
        opinions: opinions.map((x) => ({ ...x, answeredAt: x.answeredAt?.toISOString() ?? null })),
        canAnswer: row!.status === 'joint_review' && opinions.some((x) => x.verdict === null),
      };
    }),

  /** 提出联审意见: 同意 or 有意见 with its text, once per 科室, while the inspection is at 联审. */
  give: sessionProcedure()
    .input(InspectionOpinionInput)
    .mutation(async ({ ctx, input }) => {
      const mine = await askedInspection(ctx, input.id);
      return ctx.db.transaction(async (tx) => {
        const row = await lockInspection(tx, input.id);
        if (row.status !== 'joint_review')
          throw new TRPCError({ code: 'CONFLICT', message: `年检当前为“${wf.stateLabels[row.status].zh}”，不能提出联审意见` });
        const [pending] = await tx
          .select({ dept: o.dept })
          .from(o)
          .where(and(eq(o.inspectionId, row.id), inArray(o.dept, mine), isNull(o.verdict)))
          .orderBy(o.dept)
          .limit(1);
        if (!pending) throw new TRPCError({ code: 'CONFLICT', message: '本科室已提出联审意见，不能重复提出' });
        await tx
          .update(o)
          .set({ verdict: input.verdict, comment: input.comment, answeredBy: ctx.identity.username, answeredAt: ctx.now })
          .where(and(eq(o.inspectionId, row.id), eq(o.dept, pending.dept)));
        // The inspection moves on: whoever closes 联审 on what they saw before this opinion gets the CONFLICT.
        const [updated] = await tx
          .update(r)
          .set({ version: row.version + 1 })
          .where(eq(r.id, row.id))
          .returning({ id: r.id, version: r.version });
        await auditChange(tx, ctx, {
          action: 'privateEdu.inspection.opinion',
          targetType: TARGET,
          targetId: row.id,
          after: { dept: pending.dept, verdict: input.verdict, comment: input.comment },
        });
        return updated!;
      });
    }),
} satisfies TRPCRouterRecord;
