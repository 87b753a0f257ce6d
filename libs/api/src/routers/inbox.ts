import type { TRPCRouterRecord } from '@trpc/server';
import { departmentsOf, INBOX_SOURCES, type InboxKind } from '@hyedu/domain';
import type { AuthedContext } from '../context.ts';
import { permission, sessionProcedure } from '../trpc.ts';
// 学生资助
import { aidFollowUps } from './inbox/aid.ts';
import { conversions } from './inbox/conversions.ts';
// 控辍保学与随迁子女
import { dropoutCases, dropoutReturns } from './inbox/dropout.ts';
// 校外培训执法案件
import { enforcement } from './inbox/enforcement.ts';
// 县管校聘交流轮岗
import { exchange } from './inbox/exchange.ts';
import { fiveItems } from './inbox/five-items.ts';
import { inspectionOpinions, inspections } from './inbox/inspections.ts';
import { licences } from './inbox/licences.ts';
// 教师工资保障
import { payRectifications, payReturns } from './inbox/pay.ts';
import { puhui } from './inbox/puhui.ts';
// 年度考核与教师资格定期注册
import { registration } from './inbox/registration.ts';
import { hazards, incidents, profiles, reports, type Asker, type InboxGroup } from './inbox/sources.ts';
import { spending } from './inbox/spending.ts';
// 支教与表彰
import { nominations, supportNeeds } from './inbox/teacher-support.ts';
import { inspectionOpinionRouter } from './private-edu/inspection-opinions.ts';

/** Each kind's records awaiting the asker; null when nothing of that kind can ever await the asker's level. */
const SOURCES: Record<InboxKind, (a: Asker, limit: number) => Promise<InboxGroup | null>> = {
  hazard: hazards,
  incident: incidents,
  profile: profiles,
  report: reports,
  conversion: conversions,
  inspection: inspections,
  inspectionOpinion: inspectionOpinions,
  licence: licences,
  puhui,
  spending,
  // 校外培训执法案件
  enforcement,
  // 五项管理
  fiveItems,
  // 县管校聘交流轮岗
  exchange,
  // 教师工资保障
  payReturn: payReturns,
  payRectification: payRectifications,
  // 年度考核与教师资格定期注册
  registration,
  // 支教与表彰
  supportNeed: supportNeeds,
  nomination: nominations,
  // 控辍保学与随迁子女
  dropout: dropoutCases,
  dropoutReturn: dropoutReturns,
  // 学生资助
  aidFollowUp: aidFollowUps,
};
/** Rows shown per kind; the total says how many there are. */
const SHOWN = 50;

/**
 * 我的待办: what awaits the caller's action across modules, from each workflow's declaration of whose turn a state is.
 * A source counts only where the caller may write its area, in the scope it writes it in (the modules' own scope
 * rules); an area the caller may not act in contributes nothing.
 */
async function inbox(ctx: AuthedContext, limit: number): Promise<InboxGroup[]> {
  const groups: InboxGroup[] = [];
  for (const kind of Object.keys(SOURCES) as InboxKind[]) {
    const area = INBOX_SOURCES[kind].area;
    // A source without an area decides by the account's departments alone (a 科室's 联审 opinions).
    const decision = area ? await permission(ctx, area, 'write') : { allowed: true as const, scope: { kind: 'none' as const } };
    if (!decision.allowed) continue;
    const asker: Asker = {
      db: ctx.db,
      scope: decision.scope,
      username: ctx.identity.username,
      departments: departmentsOf(ctx.identity.grants),
      today: ctx.today,
    };
    const group = await SOURCES[kind](asker, limit);
    if (group) groups.push(group);
  }
  return groups;
}

export const inboxRouter = {
  /** 联审意见 the caller's 科室 is asked for (a private school's 年检 today): what it may see, and its answer. */
  opinions: inspectionOpinionRouter,
  /** The records awaiting the caller, by kind: overdue first, then by due day (at most 50 of each, with the total). */
  list: sessionProcedure().query(({ ctx }) => inbox(ctx, SHOWN)),
  /** How many records await the caller (the header's badge), in all and by kind. */
  count: sessionProcedure().query(async ({ ctx }) => {
    const groups = await inbox(ctx, 0);
    return {
      total: groups.reduce((n, g) => n + g.total, 0),
      byKind: Object.fromEntries(groups.map((g) => [g.kind, g.total])) as Partial<Record<InboxKind, number>>,
    };
  }),
} satisfies TRPCRouterRecord;
