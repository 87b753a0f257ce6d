import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { publishStaged, tables } from '@hyedu/db';
import {
  beijingDate,
  HAZARD_CATEGORY_LABELS,
  HAZARD_LATENESS_LABELS,
  HAZARD_SOURCE_LABELS,
  HAZARD_STATUS_LABELS,
  hazardLateness,
  INCIDENT_STATUS_LABELS,
  INCIDENT_TYPE_LABELS,
  INDICATOR_LABELS,
  REVIEW_STATE_LABELS,
  SAFETY_TOPIC_LABELS,
  SCHOOL_LEVEL_LABELS,
  SEVERITY_LABELS,
  termLabel,
  type HazardCategory,
  type HazardLateness,
  type HazardSource,
  type HazardStatus,
  type IncidentStatus,
  type IncidentType,
  type SafetyTopic,
  type Severity,
} from '@hyedu/domain';
import { exportBook as book, MAX_EXPORT, NO_PAGE } from '../../exports.ts';
import { checkedAnswer, importNewRecords, parseUpload, schoolRefs, stageAndPublish, tracked, writeImportAudit } from '../../imports/run.ts';
import { exportProcedure, readProcedure, writeProcedure } from '../../trpc.ts';
import { safetyLevel } from './access.ts';
import { activityRows, activityWhere } from './activities.ts';
import { hazardRowsForExport, hazardWhere } from './hazard-query.ts';
import { hazardTemplate, profileTemplate, verifiedProfileErrors } from './import.ts';
import { incidentRows, incidentWhere } from './incidents.ts';
import { ActivityFilter, HazardFilter, ImportUpload, IncidentFilter, ProfileFilter } from './inputs.ts';
import { profileRows } from './profiles.ts';

const read = readProcedure('safety');
const write = writeProcedure('safety');

const yes = (b: boolean | null | undefined) => (b === null || b === undefined ? '' : b ? '是' : '否');
const lateLabel = (l: HazardLateness) => (l === null ? '否' : HAZARD_LATENESS_LABELS[l]);

/** The 4个100% as Excel: the template, the import, the export. */
export const profileFilesRouter = {
  template: read.query(async () => ({ filename: '4个100%情况导入模板.xlsx', base64: (await profileTemplate()).toString('base64') })),
  /**
   * Imports the 4个100% status of many schools: a dry run lists every problem; otherwise all rows or none. The file is
   * parsed in a worker, the rows are staged in short chunks and published (upserted) in one short transaction with one
   * audit record.
   */
  import: write.input(ImportUpload).mutation(({ ctx, input }) =>
    tracked(ctx, input, async (tracker, file) => {
      const today = beijingDate(ctx.now);
      const parsed = await parseUpload(tracker, input.fileName, file, 'safety.profiles', {
        today,
        schools: await schoolRefs(ctx.db, ctx.scope),
      });
      const errors = [...parsed.errors, ...(await verifiedProfileErrors(ctx.db, parsed.rows))];
      if (errors.length || input.dryRun) return checkedAnswer(parsed.rows.length, errors);
      const who = ctx.identity.username;
      const { safetyProfiles: p } = tables;
      const rows = parsed.rows.map(({ rowNumber, value: v, unitCode }) => ({
        rowNumber,
        values: {
          schoolId: v.schoolId,
          term: v.term,
          students: v.students,
          staff: v.staff,
          fulltimeGuards: v.fulltimeGuards,
          closedManagement: v.closedManagement,
          alarmLinked110: v.alarmLinked110,
          videoLinkedPolice: v.videoLinkedPolice,
          guardPost: v.guardPost,
          antiRam: v.antiRam,
          evidenceDate: v.evidenceDate,
          unitCode,
          review: 'submitted',
          returnReason: null,
          submittedBy: who,
          submittedAt: ctx.now,
          reviewedBy: null,
          reviewedAt: null,
        },
      }));
      const keys = Object.keys(rows[0]?.values ?? {});
      if (rows.length) {
        await stageAndPublish(ctx.db, tracker, {
          table: p,
          rows,
          reserveIds: false,
          publish: async (tx, job) => {
            // A term verified since the check is not overwritten: then nothing is imported.
            const set = sql.join(
              keys
                .filter((k) => k !== 'schoolId' && k !== 'term')
                .map((k) => sql`${sql.identifier(toSnakeCase(k))} = excluded.${sql.identifier(toSnakeCase(k))}`),
              sql`, `,
            );
            const written = await publishStaged<{ id: number; school_id: number; term: string }>(tx, job, p, {
              keys,
              withIds: false,
              returning: sql`id, school_id, term`,
              oneConnection: ctx.engine === 'pglite',
              onConflict: sql`on conflict (school_id, term) do update set ${set}, version = ${p}.version + 1 where ${p}.review <> 'reviewed'`,
            });
            if (written.length !== rows.length)
              throw new TRPCError({ code: 'CONFLICT', message: '有学校的该学期情况刚刚被核实，未导入任何内容。请重新检查后再导入' });
            const rowOf = new Map(rows.map((r) => [`${r.values.schoolId}|${r.values.term}`, r.rowNumber]));
            const records = written.map((w) => ({ id: Number(w.id), rowNumber: rowOf.get(`${w.school_id}|${w.term}`)! }));
            await writeImportAudit(tx, ctx, {
              action: 'safety.importProfiles',
              targetType: 'safety_profile',
              fileName: input.fileName,
              file,
              records,
            });
          },
        });
      }
      return { imported: rows.length, rows: rows.length, errors: [], errorCount: 0 };
    }),
  ),

  export: exportProcedure('safety')
    .input(ProfileFilter.omit(NO_PAGE))
    .query(async ({ ctx, input }) => {
      const { rows, settings } = await profileRows(ctx.db, ctx, { ...input, page: 1, pageSize: MAX_EXPORT }, MAX_EXPORT);
      const met = (b: boolean | null | undefined) => (b === null ? '不适用' : b === undefined ? '' : b ? '达标' : '未达标');
      return book(
        ctx,
        `4个100%情况_${termLabel(input.term)}`,
        [
          { key: 'unitName', header: '县市区', width: 10 },
          { key: 'schoolCode', header: '学校标识码', width: 13 },
          { key: 'schoolName', header: '学校', width: 24 },
          { key: 'level', header: '学段', width: 9 },
          { key: 'review', header: '填报状态', width: 9 },
          { key: 'fulltimeGuards', header: '专职保安', width: 8 },
          { key: 'requiredGuards', header: '应配保安', width: 8 },
          { key: 'guards', header: INDICATOR_LABELS.guards, width: 12 },
          { key: 'closed', header: INDICATOR_LABELS.closed, width: 10 },
          { key: 'alarm', header: INDICATOR_LABELS.alarm, width: 14 },
          { key: 'fourth', header: INDICATOR_LABELS[settings.fourth], width: 12 },
          { key: 'all', header: '全部达标', width: 9 },
          { key: 'evidenceDate', header: '核查日期', width: 11 },
          { key: 'reviewedBy', header: '核实人', width: 10 },
        ],
        rows.map((r) => ({
          unitName: r.unitName,
          schoolCode: r.schoolCode,
          schoolName: r.schoolName,
          level: SCHOOL_LEVEL_LABELS[r.level as keyof typeof SCHOOL_LEVEL_LABELS] ?? r.level,
          review: r.profile ? REVIEW_STATE_LABELS[r.profile.review].replace('审核', '核实') : '未填报',
          fulltimeGuards: r.profile?.fulltimeGuards,
          requiredGuards: r.requiredGuards,
          guards: met(r.met?.guards),
          closed: met(r.met?.closed),
          alarm: met(r.met?.alarm),
          fourth: met(r.met?.fourth),
          all: r.met ? (r.met.all ? '是' : '否') : '',
          evidenceDate: r.profile?.evidenceDate,
          reviewedBy: r.profile?.reviewedBy,
        })),
      );
    }),
} satisfies TRPCRouterRecord;

/** Hazards as Excel: the template, the import, the export. */
export const hazardFilesRouter = {
  template: read.query(async ({ ctx }) => ({
    filename: '安全隐患清单导入模板.xlsx',
    base64: (await hazardTemplate(safetyLevel(ctx.scope))).toString('base64'),
  })),

  /**
   * Imports a hazard list (each becomes 待整改): a dry run lists every problem (duplicate rows included); otherwise all
   * rows or none, staged in short chunks and published in one short transaction with one audit record.
   */
  import: write.input(ImportUpload).mutation(({ ctx, input }) =>
    tracked(ctx, input, async (tracker, file) => {
      const today = beijingDate(ctx.now);
      const parsed = await parseUpload(tracker, input.fileName, file, 'safety.hazards', {
        level: safetyLevel(ctx.scope),
        today,
        schools: await schoolRefs(ctx.db, ctx.scope),
      });
      if (parsed.errors.length || input.dryRun) return checkedAnswer(parsed.rows.length, parsed.errors);
      const who = ctx.identity.username;
      const { safetyHazards: h } = tables;
      const rows = parsed.rows.map(({ rowNumber, value: v, unitCode }) => ({
        rowNumber,
        values: {
          schoolId: v.schoolId,
          unitCode,
          source: v.source,
          category: v.category,
          severity: v.severity,
          foundOn: v.foundOn,
          location: v.location || null,
          description: v.description,
          responsiblePerson: v.responsiblePerson,
          deadline: v.deadline,
          measures: v.measures || null,
          status: 'pending',
          reportedBy: who,
          reportedAt: ctx.now,
        },
      }));
      await importNewRecords(ctx, tracker, {
        table: h,
        rows,
        action: 'safety.importHazards',
        targetType: 'safety_hazard',
        fileName: input.fileName,
        file,
      });
      return { imported: rows.length, rows: rows.length, errors: [], errorCount: 0 };
    }),
  ),

  export: exportProcedure('safety')
    .input(HazardFilter.omit({ ...NO_PAGE, after: true }))
    .query(async ({ ctx, input }) => {
      const today = ctx.today;
      const rows = await hazardRowsForExport(ctx.db, hazardWhere(ctx, input), MAX_EXPORT);
      return book(
        ctx,
        '安全隐患台账',
        [
          { key: 'id', header: '编号', width: 8 },
          { key: 'unitName', header: '县市区', width: 10 },
          { key: 'schoolCode', header: '学校标识码', width: 13 },
          { key: 'schoolName', header: '学校', width: 24 },
          { key: 'foundOn', header: '发现日期', width: 11 },
          { key: 'source', header: '来源', width: 9 },
          { key: 'category', header: '类别', width: 10 },
          { key: 'severity', header: '严重程度', width: 8 },
          { key: 'location', header: '部位', width: 14 },
          { key: 'description', header: '隐患描述', width: 36 },
          { key: 'responsiblePerson', header: '责任人', width: 9 },
          { key: 'deadline', header: '整改期限', width: 11 },
          { key: 'status', header: '状态', width: 8 },
          { key: 'overdue', header: '是否逾期', width: 8 },
          { key: 'returns', header: '退回次数', width: 8 },
          { key: 'measures', header: '整改措施', width: 30 },
        ],
        rows.map(({ submittedAt, ...r }) => ({
          ...r,
          source: HAZARD_SOURCE_LABELS[r.source as HazardSource],
          category: HAZARD_CATEGORY_LABELS[r.category as HazardCategory] ?? r.category,
          severity: SEVERITY_LABELS[r.severity as Severity],
          status: HAZARD_STATUS_LABELS[r.status as HazardStatus],
          overdue: lateLabel(
            hazardLateness(
              { status: r.status as HazardStatus, deadline: r.deadline, submittedOn: submittedAt ? beijingDate(submittedAt) : null },
              today,
            ),
          ),
          deadline: r.deadline ?? '待定',
        })),
      );
    }),
} satisfies TRPCRouterRecord;

/** Education activities as Excel. */
export const activityFilesRouter = {
  export: exportProcedure('safety')
    .input(ActivityFilter.omit({ ...NO_PAGE, after: true }))
    .query(async ({ ctx, input }) => {
      const rows = await activityRows(ctx.db, activityWhere(ctx.scope, input)).limit(MAX_EXPORT);
      return book(
        ctx,
        '专项安全教育活动',
        [
          { key: 'unitName', header: '县市区', width: 10 },
          { key: 'schoolName', header: '学校', width: 24 },
          { key: 'heldOn', header: '日期', width: 11 },
          { key: 'topic', header: '主题', width: 12 },
          { key: 'title', header: '活动名称', width: 30 },
          { key: 'participants', header: '参与人数', width: 9 },
          { key: 'note', header: '活动情况', width: 30 },
        ],
        rows.map((r) => ({ ...r, topic: SAFETY_TOPIC_LABELS[r.topic as SafetyTopic] ?? r.topic })),
      );
    }),
} satisfies TRPCRouterRecord;

/** Incidents as Excel. */
export const incidentFilesRouter = {
  export: exportProcedure('safety')
    .input(IncidentFilter.omit(NO_PAGE))
    .query(async ({ ctx, input }) => {
      const rows = await incidentRows(ctx.db, incidentWhere(ctx.scope, input)).limit(MAX_EXPORT);
      const time = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
      return book(
        ctx,
        '校园安全事件',
        [
          { key: 'id', header: '编号', width: 8 },
          { key: 'unitName', header: '县市区', width: 10 },
          { key: 'schoolName', header: '学校', width: 24 },
          { key: 'type', header: '类型', width: 10 },
          { key: 'occurredAt', header: '发生时间', width: 16 },
          { key: 'place', header: '地点', width: 16 },
          { key: 'deaths', header: '死亡', width: 6 },
          { key: 'injuries', header: '受伤', width: 6 },
          { key: 'publicOpinion', header: '引发舆情', width: 8 },
          { key: 'status', header: '状态', width: 8 },
          { key: 'summary', header: '事件经过', width: 40 },
        ],
        rows.map((r) => ({
          ...r,
          type: INCIDENT_TYPE_LABELS[r.type as IncidentType] ?? r.type,
          occurredAt: time(r.occurredAt),
          publicOpinion: yes(r.publicOpinion),
          status: INCIDENT_STATUS_LABELS[r.status as IncidentStatus],
        })),
      );
    }),
} satisfies TRPCRouterRecord;
