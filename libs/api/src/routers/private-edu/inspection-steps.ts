import type { TRPCRouterRecord } from '@trpc/server';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { RecordId, RecordVersion, textField } from '@hyedu/domain';
import {
  enrolmentStoppedYear,
  gradeOf,
  INSPECTION_GRADE_SCALES,
  inspectionCase,
  InspectionConclusionInput,
  InspectionMaterialsInput,
  InspectionNoticeInput,
  InspectionOpinionRequest,
  InspectionPlainAction,
  InspectionReportInput,
  opinionsComplete,
  INSPECTION_WORKFLOW as wf,
  type InspectionAction,
} from '@hyedu/domain/private-edu';
import type { AuthedContext } from '../../context.ts';
import { fieldError } from '../../field-error.ts';
import { actorLevel } from '../../record-scope.ts';
import { applyStep } from '../../workflow-step.ts';
import { actsAsAuthority, opinionsOf, TARGET, visibleInspection } from './inspection-access.ts';
import { write } from './procedures.ts';
import { currentSettings } from './settings.ts';

const { privateInspections: r, privateInspectionOpinions: o, departments } = tables;
type Row = typeof r.$inferSelect;
type Changes = Partial<Row>;

/**
 * One step of an inspection through `applyStep`: scope first (NOT_FOUND), then the approving-authority rule for a
 * bureau level, then the workflow under the row lock. `given` overlays what the step's own input fills (the workflow
 * checks what the step needs against it).
 */
async function take(
  ctx: AuthedContext & { scope: Parameters<typeof visibleInspection>[0]['scope'] },
  input: { id: number; expectedVersion: number; reason?: string },
  action: InspectionAction,
  changes: (row: Row) => Changes,
  given: Partial<Pick<Row, 'materials' | 'siteVisit'>> = {},
  also?: Parameters<typeof applyStep>[1]['also'],
) {
  const row = await visibleInspection(ctx, input.id);
  if (actorLevel(ctx.scope) !== 'school') actsAsAuthority(ctx.scope, row.authority);
  // Read before the lock: an opinion given meanwhile moves the inspection's version, so a stale count is a CONFLICT.
  const complete = opinionsComplete(await opinionsOf(ctx.db, input.id));
  return applyStep(ctx, {
    wf,
    table: r,
    stateKey: 'status',
    id: input.id,
    expectedVersion: input.expectedVersion,
    action,
    reason: input.reason,
    actor: { level: actorLevel(ctx.scope), username: ctx.identity.username },
    caseOf: (x) => inspectionCase({ ...x, ...given, opinionsComplete: complete }),
    changes,
    also,
    audit: { targetType: TARGET },
  });
}
const Versioned = { id: RecordId, expectedVersion: RecordVersion };

export const inspectionStepRouter = {
  /** 提交年检材料 (the school): its 自查报告. */
  submit: write.input(InspectionMaterialsInput).mutation(({ ctx, input }) =>
    take(
      ctx,
      input,
      'submit',
      () => ({
        materials: input.materials,
        submittedBy: ctx.identity.username,
        submittedAt: ctx.now,
        returnReason: null,
      }),
      { materials: input.materials },
    ),
  ),

  /** 初审 + 实地查看, then 提请联审: the findings and the 科室 asked for their opinions (the bureau's departments). */
  requestOpinions: write.input(InspectionOpinionRequest).mutation(async ({ ctx, input }) => {
    const known = await ctx.db.select({ key: departments.key }).from(departments).where(inArray(departments.key, input.departments));
    const unknown = input.departments.filter((d) => !known.some((k) => k.key === d));
    if (unknown.length) throw fieldError('departments', `联审科室不存在：${unknown.join('、')}`);
    return take(
      ctx,
      input,
      'request_opinions',
      () => ({ siteVisit: input.siteVisit }),
      { siteVisit: input.siteVisit },
      async (tx) => {
        await tx
          .insert(o)
          .values(input.departments.map((dept) => ({ inspectionId: input.id, dept })))
          .onConflictDoNothing();
      },
    );
  }),

  /** 下达整改通知: the notice with its deadline (not before today), once every asked 科室 has answered. */
  issueNotice: write.input(InspectionNoticeInput).mutation(({ ctx, input }) => {
    if (input.rectifyBy < ctx.today) throw fieldError('rectifyBy', '整改期限不能早于今天');
    return take(ctx, input, 'issue_notice', () => ({ notice: input.notice, rectifyBy: input.rectifyBy }));
  }),

  /** 提交整改报告 (the school). */
  submitReport: write.input(InspectionReportInput).mutation(({ ctx, input }) =>
    take(ctx, input, 'submit_report', () => ({
      report: input.report,
      submittedBy: ctx.identity.username,
      submittedAt: ctx.now,
      returnReason: null,
    })),
  ),

  /** 年检结论: a grade of the scale; a failing grade stops the school's enrolment the next year. */
  conclude: write.input(InspectionConclusionInput).mutation(async ({ ctx, input }) => {
    const scale = INSPECTION_GRADE_SCALES[(await currentSettings(ctx.db)).inspectionGradeScale];
    if (!gradeOf(input.grade, scale)) throw fieldError('grade', `年检结论应为：${scale.map((g) => g.zh).join('、')}`);
    return take(ctx, input, 'conclude', (row) => ({
      grade: input.grade,
      conclusion: input.conclusion || null,
      enrolmentStoppedYear: enrolmentStoppedYear(input.grade, row.year, scale),
    }));
  }),

  /** 退回补充材料 / 退回继续整改 (with a reason) and 公示结论. */
  step: write
    .input(z.object({ ...Versioned, action: InspectionPlainAction, reason: textField(500, '原因').optional() }).strict())
    .mutation(({ ctx, input }) =>
      take(ctx, input, input.action, () => (input.action === 'publish' ? { publishedOn: ctx.today } : { returnReason: input.reason! })),
    ),
} satisfies TRPCRouterRecord;
