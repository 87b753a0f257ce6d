import { TRPCError } from '@trpc/server';
import { refusalAbout } from './refusals.ts';

/** Records as users name them, by their audit target type. */
const NAMES = {
  org_unit: '单位',
  school: '学校',
  attachment: '附件',
  plan_task: '任务',
  plan_milestone: '时间节点',
  plan_instruction: '批示',
  progress_report: '报告',
  safety_profile: '记录',
  safety_hazard: '隐患',
  safety_incident: '事件',
  private_conversion: '公参民治理案',
  private_conversion_teacher: '教师',
  private_inspection: '年检',
  funding_project: '建设项目',
  funding_spending_return: '决算填报',
  // 校外培训执法案件
  private_enforcement_case: '执法案件',
  // 校外培训机构
  private_training_institution: '培训机构',
  // 五项管理
  private_five_items_return: '五项管理报表',
  // 教师培训与信息技术应用能力提升工程2.0
  teacher_training_project: '培训项目',
  teacher_training_record: '培训记录',
  // 县管校聘交流轮岗
  teacher_exchange_plan: '交流轮岗计划',
  // 教师工资保障
  teacher_pay_return: '教师工资保障情况表',
  teacher_pay_rectification: '督查整改',
  // 年度考核与教师资格定期注册
  teacher_appraisal: '考核记录',
  // 支教与表彰
  teacher_support_need: '支教需求',
  teacher_support_dispatch: '支教派遣',
  teacher_honour_round: '表彰评选',
  teacher_nomination: '表彰推荐',
  // 控辍保学与随迁子女
  funding_dropout_case: '控辍保学台账',
  funding_dropout_return: '控辍保学报告',
  // 学生资助
  funding_aid_follow_up: '应助未助跟进',
  funding_aid_student: '学生',
  funding_aid_check: '资助抽查',
} as const;
/** A record type named above, or another (a generated record type) that is called 记录 until it is named here. */
export type RecordType = keyof typeof NAMES | (string & {});

/**
 * The one answer for a record the caller may not see: a record that does not exist and one outside the caller's
 * scope get the same code and message (no existence oracle), and the refusal's audit record names it.
 */
export const notFound = (type: RecordType, id: number | string) =>
  refusalAbout(
    new TRPCError({ code: 'NOT_FOUND', message: `${(NAMES as Record<string, string>)[type] ?? '记录'}不存在或不在您的数据范围内` }),
    type,
    id,
  );

/**
 * Loads a record in the caller's scope, or throws the one NOT_FOUND. `lookup` answers nothing (undefined, null or
 * false) both when the record does not exist and when the caller may not see it; it must not throw for either.
 */
export async function scoped<T>(type: RecordType, id: number | string, lookup: () => Promise<T | undefined | null | false>): Promise<T> {
  const row = await lookup();
  if (row === undefined || row === null || row === false) throw notFound(type, id);
  return row;
}
