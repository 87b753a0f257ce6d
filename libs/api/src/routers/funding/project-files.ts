import { type TRPCRouterRecord } from '@trpc/server';
import { and, eq, like } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { RecordId } from '@hyedu/domain';
import {
  Milestone,
  MILESTONE_LABELS,
  milestonesOf,
  PROJECT_KIND_LABELS,
  SCHEDULE_LABELS,
  SEAT_AREA_LABELS,
  SEAT_SECTOR_LABELS,
  SHORTFALL_LABELS,
} from '@hyedu/domain/funding';
import { storeUpload } from '../../attach.ts';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../exports.ts';
import { fieldError } from '../../field-error.ts';
import { describeFile, FILE_COLUMNS } from '../../file-meta.ts';
import { Upload } from '../../inputs.ts';
import { scoped } from '../../scoped.ts';
import { exportProcedure, readProcedure, writeProcedure } from '../../trpc.ts';
import { unitRecordScope } from './access.ts';
import { PROJECT_TARGET, ProjectFilter, projectRows, projectWhere, rowSchedule, visibleProject } from './project-query.ts';

const { attachments, fundingSeatProjects: p } = tables;
const read = readProcedure('funding');
const write = writeProcedure('funding');
const exporter = exportProcedure('funding');

/** A project's evidence and photos per milestone, and the list as Excel. */
export const projectFilesRouter = {
  /** Adds a photo or document to one of the project's milestones (each file judged by its whole content). */
  attach: write.input(Upload.extend({ id: RecordId, milestone: Milestone }).strict()).mutation(async ({ ctx, input }) => {
    const row = await visibleProject(ctx, input.id);
    if (!milestonesOf(row.kind).includes(input.milestone)) throw fieldError('milestone', '该项目没有这个节点');
    return storeUpload(ctx, {
      upload: input,
      ownerType: `${PROJECT_TARGET}:${input.milestone}`,
      ownerId: row.id,
      full: (max) => `${MILESTONE_LABELS[input.milestone].zh}最多 ${max} 个附件`,
      audit: {
        action: 'funding.projects.attach',
        targetType: PROJECT_TARGET,
        targetId: String(row.id),
        after: { milestone: input.milestone },
      },
    });
  }),

  /** A project's file, for whoever may see the project (its bytes come from GET /api/files/funding/:id, which calls this first). */
  file: read.input(z.object({ id: RecordId }).strict()).query(async ({ ctx, input }) => {
    const file = await scoped('attachment', input.id, async () => {
      const [row] = await ctx.db
        .select(FILE_COLUMNS)
        .from(attachments)
        .where(and(eq(attachments.id, input.id), like(attachments.ownerType, `${PROJECT_TARGET}:%`)));
      if (!row) return null;
      const [project] = await ctx.db
        .select({ id: p.id })
        .from(p)
        .where(and(eq(p.id, row.ownerId), unitRecordScope(ctx.scope, p.unitCode)));
      return project && row;
    });
    return describeFile(file);
  }),

  export: exporter.input(ProjectFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await projectRows(ctx.db, projectWhere(ctx, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '学位建设项目',
      [
        { key: 'id', header: '编号', width: 8 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'name', header: '项目名称', width: 30 },
        { key: 'schoolName', header: '学校', width: 24 },
        { key: 'kind', header: '建设方式', width: 10 },
        { key: 'sector', header: '学校类别', width: 11 },
        { key: 'area', header: '城乡', width: 6 },
        { key: 'plannedSeats', header: '计划学位数', width: 11 },
        { key: 'investment', header: '计划总投资（万元）', width: 16 },
        { key: 'flags', header: '补齐短板', width: 24 },
        { key: 'stage', header: '当前节点', width: 10 },
        { key: 'schedule', header: '进度', width: 12 },
        { key: 'lateDays', header: '滞后天数', width: 9 },
        { key: 'inUseOn', header: '投入使用日期', width: 12 },
        { key: 'deliveredSeats', header: '实际新增学位数', width: 13 },
      ],
      rows.map((r) => {
        const s = rowSchedule(r, ctx.today);
        return {
          id: r.id,
          unitName: r.unitName,
          name: r.name,
          schoolName: r.schoolName ?? '',
          kind: PROJECT_KIND_LABELS[r.kind].zh,
          sector: SEAT_SECTOR_LABELS[r.sector].zh,
          area: SEAT_AREA_LABELS[r.area].zh,
          plannedSeats: r.plannedSeats,
          investment: (r.investment / 1_000_000).toFixed(2),
          flags: r.flags.map((f) => SHORTFALL_LABELS[f].zh).join('、'),
          stage: r.stage ? MILESTONE_LABELS[r.stage].zh : '未立项',
          schedule: SCHEDULE_LABELS[s.state].zh,
          lateDays: s.state === 'late' ? s.lateDays : '',
          inUseOn: r.inUseOn ?? '',
          deliveredSeats: r.deliveredSeats ?? '',
        };
      }),
    );
  }),
} satisfies TRPCRouterRecord;
