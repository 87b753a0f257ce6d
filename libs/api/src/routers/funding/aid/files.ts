// The exports of every aid list, with each list's own filter and scope; names masked without the aid role.
import type { TRPCRouterRecord } from '@trpc/server';
import { asc, eq, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { fenToYuanString } from '@hyedu/domain';
import {
  AID_CATEGORY_LABELS,
  AID_ITEM_LABELS,
  AID_LIST_LABELS,
  AID_PAYMENT_KIND_LABELS,
  AID_STAGE_LABELS,
  MATCH_OUTCOME_LABELS,
  semesterLabel,
  semesterOf,
  AID_FOLLOW_UP_WORKFLOW as wf,
  type AidCategory,
  type AidListKind,
} from '@hyedu/domain/funding';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../../exports.ts';
import { exportProcedure } from '../../../trpc.ts';
import { FollowUpFilter, followUpWhere, hasAidRole, MatchFilter, matchWhere, PaymentFilter, paymentWhere, person } from './query.ts';

const { fundingAidFollowUps: f, fundingAidMatches: m, fundingAidPayments: p, fundingAidStudents: st, schools } = tables;
const exporter = exportProcedure('funding');
const cats = (c: string[]) => c.map((x) => AID_CATEGORY_LABELS[x as AidCategory].zh).join('、');

export const aidFilesRouter = {
  /** 应助未助 as Excel (the list's filter). */
  exportUnaided: exporter.input(FollowUpFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const semester = input.semester ?? semesterOf(ctx.today);
    const aid = await hasAidRole(ctx);
    const rows = await ctx.db
      .select({ r: f, schoolName: schools.name })
      .from(f)
      .innerJoin(schools, eq(schools.id, f.schoolId))
      .where(followUpWhere(ctx.db, ctx.scope, semester, input))
      .orderBy(asc(f.unitCode), asc(f.schoolId), asc(f.id))
      .limit(MAX_EXPORT);
    return exportBook(
      ctx,
      `应助未助学生（${semesterLabel(semester)}）`,
      [
        { key: 'name', header: '姓名', width: 10 },
        { key: 'idMasked', header: '身份证号', width: 20 },
        { key: 'categories', header: '困难类别', width: 18 },
        { key: 'unitCode', header: '县市区代码', width: 10 },
        { key: 'school', header: '学校', width: 26 },
        { key: 'stage', header: '学段', width: 8 },
        { key: 'grade', header: '年级', width: 6 },
        { key: 'inTarget', header: '纳入100%目标', width: 12 },
        { key: 'status', header: '跟进状态', width: 14 },
        { key: 'openedOn', header: '发现日期', width: 12 },
      ],
      rows.map(({ r, schoolName }) => {
        const shown = person({ name: r.name, categories: r.categories }, aid);
        return {
          name: shown.name,
          idMasked: r.idMasked,
          categories: aid ? cats(shown.categories) : '（仅资助专责可见）',
          unitCode: r.unitCode,
          school: schoolName,
          stage: AID_STAGE_LABELS[r.stage].zh,
          grade: r.grade,
          inTarget: r.inTarget ? '是' : '否',
          status: wf.stateLabels[r.status].zh,
          openedOn: r.openedOn,
        };
      }),
    );
  }),

  /** The match result (by default the unmatched listed children) as Excel. */
  exportUnmatched: exporter.input(MatchFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const semester = input.semester ?? semesterOf(ctx.today);
    const aid = await hasAidRole(ctx);
    const rows = await ctx.db
      .select({ r: m, schoolName: schools.name })
      .from(m)
      .leftJoin(schools, eq(schools.id, m.schoolId))
      .where(matchWhere(ctx.scope, semester, input))
      .orderBy(asc(m.unitCode), asc(m.id))
      .limit(MAX_EXPORT);
    return exportBook(
      ctx,
      `名单比对结果（${semesterLabel(semester)}）`,
      [
        { key: 'name', header: '姓名', width: 10 },
        { key: 'idMasked', header: '身份证号', width: 20 },
        { key: 'lists', header: '所在名单', width: 24 },
        { key: 'categories', header: '困难类别', width: 18 },
        { key: 'unitCode', header: '县市区代码', width: 10 },
        { key: 'school', header: '学校', width: 26 },
        { key: 'outcome', header: '比对结果', width: 12 },
      ],
      rows.map(({ r, schoolName }) => {
        const shown = person({ name: r.name, categories: r.categories }, aid);
        return {
          name: shown.name,
          idMasked: r.idMasked,
          lists: aid ? r.listKinds.map((k) => AID_LIST_LABELS[k as AidListKind].zh).join('、') : '（仅资助专责可见）',
          categories: aid ? cats(shown.categories) : '（仅资助专责可见）',
          unitCode: r.unitCode,
          school: schoolName ?? '',
          outcome: MATCH_OUTCOME_LABELS[r.outcome].zh,
        };
      }),
    );
  }),

  /** The aid roll of a semester as Excel (the list's filter). */
  exportPayments: exporter.input(PaymentFilter.omit({ ...NO_PAGE, after: true })).query(async ({ ctx, input }) => {
    const semester = input.semester ?? semesterOf(ctx.today);
    const aid = await hasAidRole(ctx);
    const rows = await ctx.db
      .select({
        p,
        name: sql<string>`coalesce(${st.name}, '')`,
        idMasked: sql<string>`coalesce(${st.idMasked}, '')`,
      })
      .from(p)
      .leftJoin(st, eq(st.id, p.studentId))
      .where(paymentWhere(ctx.scope, semester, input))
      .orderBy(asc(p.id))
      .limit(MAX_EXPORT);
    return exportBook(
      ctx,
      `资助发放名册（${semesterLabel(semester)}）`,
      [
        { key: 'name', header: '姓名', width: 10 },
        { key: 'idMasked', header: '身份证号', width: 20 },
        { key: 'unitCode', header: '县市区代码', width: 10 },
        { key: 'item', header: '资助项目', width: 28 },
        { key: 'kind', header: '发放类型', width: 10 },
        { key: 'amount', header: '金额（元）', width: 12 },
        { key: 'paidOn', header: '发放日期', width: 12 },
        { key: 'reason', header: '补发原因', width: 30 },
      ],
      rows.map(({ p: r, name, idMasked }) => ({
        name: person({ name, categories: [] }, aid).name,
        idMasked,
        unitCode: r.unitCode,
        item: AID_ITEM_LABELS[r.item].zh,
        kind: AID_PAYMENT_KIND_LABELS[r.kind].zh,
        amount: fenToYuanString(r.amount),
        paidOn: r.paidOn,
        reason: r.reason ?? '',
      })),
    );
  }),
} satisfies TRPCRouterRecord;
