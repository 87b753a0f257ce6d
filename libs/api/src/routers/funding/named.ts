import type { TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, eq, inArray, isNotNull, like } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, fenToYuanString, RecordId, type DataScope } from '@hyedu/domain';
import {
  MILESTONE_LABELS,
  milestoneDelay,
  milestonesOf,
  projectSchedule,
  SCHEDULE_LABELS,
  type Milestone,
  type ScheduleState,
} from '@hyedu/domain/funding';
import { exportBook } from '../../exports.ts';
import { describeFile, FILE_COLUMNS } from '../../file-meta.ts';
import { scoped } from '../../scoped.ts';
import { exportProcedure, readProcedure } from '../../trpc.ts';
import { unitRecordScope } from './access.ts';

const { fundingSeatProjects: p, fundingProjectMilestones: pm, attachments, orgUnits, schools } = tables;
const read = readProcedure('funding');
/** Attachments of a project are owned by `funding_project:<milestone>` and the project's id. */
export const PROJECT_FILES = 'funding_project';
const TARGET = 'funding_project';

export const NamedFilter = z
  .object({
    schedule: z.enum(['done', 'on_schedule', 'late'], { message: '请选择推进状态' }).optional(),
    /** One unit's projects (the KPI's drill-down: 市本级 430400, 衡南县 430422). */
    unitCode: DivisionCode.optional(),
  })
  .strict();
const Id = z.object({ id: RecordId }).strict();

export type MilestoneState = 'done' | 'late' | 'upcoming';

/** The named projects in the caller's scope with their milestones, schedule on `today` and photo counts, by item and id. */
export async function namedProjects(db: Db, scope: DataScope, today: string, unitCode?: string) {
  const rows = await db
    .select({
      id: p.id,
      key: p.namedKey,
      name: p.name,
      itemNo: p.itemNo,
      unitCode: p.unitCode,
      unitName: orgUnits.name,
      schoolName: schools.name,
      kind: p.kind,
      sector: p.sector,
      area: p.area,
      stage: p.stage,
      plannedSeats: p.plannedSeats,
      deliveredSeats: p.deliveredSeats,
      investment: p.investment,
    })
    .from(p)
    .innerJoin(orgUnits, eq(orgUnits.code, p.unitCode))
    .leftJoin(schools, eq(schools.id, p.schoolId))
    .where(and(isNotNull(p.namedKey), unitRecordScope(scope, p.unitCode), unitCode ? eq(p.unitCode, unitCode) : undefined))
    .orderBy(asc(p.itemNo), asc(p.id));
  const ids = rows.map((r) => r.id);
  const [steps, photos] = ids.length
    ? await Promise.all([
        db.select().from(pm).where(inArray(pm.projectId, ids)),
        db
          .select({ ownerId: attachments.ownerId, ownerType: attachments.ownerType, n: count() })
          .from(attachments)
          .where(and(inArray(attachments.ownerId, ids), like(attachments.ownerType, `${PROJECT_FILES}:%`)))
          .groupBy(attachments.ownerId, attachments.ownerType),
      ])
    : [[], []];
  return rows.map((r) => {
    const mine = steps.filter((s) => s.projectId === r.id);
    const planned: Partial<Record<Milestone, string>> = {};
    const reached: Partial<Record<Milestone, string>> = {};
    for (const s of mine) {
      planned[s.milestone] = s.plannedOn;
      if (s.reachedOn) reached[s.milestone] = s.reachedOn;
    }
    const photoCount = (m: Milestone) => photos.find((x) => x.ownerId === r.id && x.ownerType === `${PROJECT_FILES}:${m}`)?.n ?? 0;
    const schedule = projectSchedule(r.kind, planned, reached, today);
    const milestones = milestonesOf(r.kind).map((m) => {
      const state: MilestoneState = reached[m] ? 'done' : planned[m] && planned[m] < today ? 'late' : 'upcoming';
      return {
        milestone: m,
        plannedOn: planned[m] ?? null,
        reachedOn: reached[m] ?? null,
        /** Days reached after the plan (done), or days overdue so far (late); 0 otherwise. */
        delay: state === 'done' ? (milestoneDelay(planned[m], reached[m]) ?? 0) : state === 'late' ? schedule.lateDays : 0,
        state,
        photos: photoCount(m),
      };
    });
    const next = milestones.find((m) => !m.reachedOn);
    return {
      ...r,
      key: r.key!,
      schedule,
      next: next ? { milestone: next.milestone, plannedOn: next.plannedOn } : null,
      milestones,
      photos: milestones.reduce((a, m) => a + m.photos, 0),
    };
  });
}
export type NamedProjectRow = Awaited<ReturnType<typeof namedProjects>>[number];

/** The strip above the cards: how many are on schedule, in use and late. */
export function namedSummary(rows: readonly { schedule: { state: ScheduleState } }[]) {
  const n = (s: ScheduleState) => rows.filter((r) => r.schedule.state === s).length;
  return { total: rows.length, onSchedule: n('on_schedule'), inUse: n('done'), late: n('late') };
}

/** A project in the caller's scope (any of the module's projects: its files are the project's), or the one NOT_FOUND. */
export const visibleProject = (ctx: { db: Db; scope: DataScope }, id: number) =>
  scoped(TARGET, id, async () => {
    const [row] = await ctx.db
      .select({ id: p.id, name: p.name })
      .from(p)
      .where(and(eq(p.id, id), unitRecordScope(ctx.scope, p.unitCode)));
    return row;
  });

const yuan = (fen: number) => fenToYuanString(fen);

export const namedRouter = {
  /** The named projects (第9项, 第12项) of the caller's scope (or of one unit in it), their schedule on the business date and the overall strip. */
  list: read.input(NamedFilter).query(async ({ ctx, input }) => {
    const all = await namedProjects(ctx.db, ctx.scope, ctx.today, input.unitCode);
    const rows = input.schedule ? all.filter((r) => r.schedule.state === input.schedule) : all;
    return { today: ctx.today, summary: namedSummary(all), rows };
  }),

  /** One project's photos and evidence, by milestone, for thumbnails (the bytes come from GET /api/files/funding/:id). */
  photos: read.input(Id).query(async ({ ctx, input }) => {
    await visibleProject(ctx, input.id);
    const files = await ctx.db
      .select(FILE_COLUMNS)
      .from(attachments)
      .where(and(eq(attachments.ownerId, input.id), like(attachments.ownerType, `${PROJECT_FILES}:%`)))
      .orderBy(asc(attachments.id));
    return files.map((f) => ({ ...describeFile(f), milestone: f.ownerType.slice(PROJECT_FILES.length + 1) as Milestone }));
  }),

  /** The named projects as Excel: one row per project with its schedule on the business date. */
  export: exportProcedure('funding')
    .input(NamedFilter)
    .query(async ({ ctx, input }) => {
      const all = await namedProjects(ctx.db, ctx.scope, ctx.today, input.unitCode);
      const rows = input.schedule ? all.filter((r) => r.schedule.state === input.schedule) : all;
      const date = (r: NamedProjectRow, m: Milestone, which: 'plannedOn' | 'reachedOn') =>
        r.milestones.find((x) => x.milestone === m)?.[which] ?? '';
      return exportBook(
        ctx,
        '重点项目推进情况',
        [
          { key: 'itemNo', header: '工作要点', width: 9 },
          { key: 'name', header: '项目', width: 28 },
          { key: 'unitName', header: '单位', width: 10 },
          { key: 'school', header: '学校', width: 20 },
          { key: 'stage', header: '当前节点', width: 10 },
          { key: 'schedule', header: '推进状态', width: 11 },
          { key: 'lateDays', header: '滞后天数', width: 9 },
          { key: 'next', header: '下一节点', width: 10 },
          { key: 'nextDue', header: '计划日期', width: 11 },
          { key: 'plannedSeats', header: '计划新增学位', width: 12 },
          { key: 'deliveredSeats', header: '已交付学位', width: 11 },
          { key: 'investment', header: '计划总投资（元）', width: 18 },
          ...(['approved', 'started', 'topped_out', 'accepted', 'in_use'] as const).flatMap((m) => [
            { key: `${m}Planned`, header: `${MILESTONE_LABELS[m].zh}计划`, width: 11 },
            { key: `${m}Reached`, header: `${MILESTONE_LABELS[m].zh}实际`, width: 11 },
          ]),
          { key: 'photos', header: '照片数', width: 8 },
        ],
        rows.map((r) => ({
          itemNo: `第${r.itemNo}项`,
          name: r.name,
          unitName: r.unitName,
          school: r.schoolName ?? '',
          stage: r.stage ? MILESTONE_LABELS[r.stage].zh : '未立项',
          schedule: SCHEDULE_LABELS[r.schedule.state].zh,
          lateDays: r.schedule.lateDays || '',
          next: r.next ? MILESTONE_LABELS[r.next.milestone].zh : '',
          nextDue: r.next?.plannedOn ?? '',
          plannedSeats: r.plannedSeats,
          deliveredSeats: r.deliveredSeats ?? '',
          investment: yuan(r.investment),
          ...Object.fromEntries(
            (['approved', 'started', 'topped_out', 'accepted', 'in_use'] as const).flatMap((m) => [
              [`${m}Planned`, date(r, m, 'plannedOn')],
              [`${m}Reached`, date(r, m, 'reachedOn')],
            ]),
          ),
          photos: r.photos,
        })),
      );
    }),
} satisfies TRPCRouterRecord;
