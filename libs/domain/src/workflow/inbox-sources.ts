// 学生资助
import { AID_FOLLOW_UP_WORKFLOW } from '../funding/aid-workflow.ts';
// 控辍保学与随迁子女
import { DROPOUT_RETURN_REMINDER, DROPOUT_WORKFLOW } from '../funding/dropout-workflow.ts';
import { SPENDING_WORKFLOW } from '../funding/spending-workflow.ts';
import { REPORT_REVIEW } from '../plan/progress-workflow.ts';
import { CONVERSION_WORKFLOW } from '../private-edu/conversion-workflow.ts';
import { ENFORCEMENT_WORKFLOW } from '../private-edu/enforcement-workflow.ts';
import { FIVE_ITEMS_WORKFLOW } from '../private-edu/five-items-workflow.ts';
import { INSPECTION_OPINION_WORKFLOW, INSPECTION_WORKFLOW } from '../private-edu/inspection-workflow.ts';
import { LICENCE_WORKFLOW } from '../private-edu/licence-workflow.ts';
import { PUHUI_WORKFLOW } from '../private-edu/puhui-workflow.ts';
import { PROFILE_REVIEW } from '../safety/compliance-workflow.ts';
import { HAZARD_WORKFLOW } from '../safety/hazards.ts';
import { INCIDENT_CHAIN } from '../safety/incidents.ts';
// 县管校聘交流轮岗
import { EXCHANGE_PLAN_WORKFLOW } from '../teachers/exchange-workflow.ts';
// 支教与表彰
import { NOMINATION_WORKFLOW } from '../teachers/honours-workflow.ts';
// 教师工资保障
import { PAY_RECTIFICATION_WORKFLOW } from '../teachers/pay-rectification-workflow.ts';
import { PAY_RETURN_WORKFLOW } from '../teachers/pay-workflow.ts';
// 年度考核与教师资格定期注册
import { REGISTRATION_REMINDER } from '../teachers/registration-workflow.ts';
import { SUPPORT_NEED_WORKFLOW } from '../teachers/support-workflow.ts';
import type { Words } from './workflow.ts';

/**
 * The 待办 inbox's sources: each a workflow whose declaration says whose turn a record is (`inboxRules`), in the
 * area whose write permission lets a caller act on it. The server queries each source in the caller's scope. A source
 * without an area (a 科室's 联审 opinions) is open to every signed-in account and decides by the account's departments.
 */
export const INBOX_SOURCES = {
  hazard: { workflow: HAZARD_WORKFLOW, area: 'safety', label: { zh: '隐患整改', en: 'Hazards' } },
  incident: { workflow: INCIDENT_CHAIN, area: 'safety', label: { zh: '安全事件报送', en: 'Incident reporting' } },
  profile: { workflow: PROFILE_REVIEW, area: 'safety', label: { zh: '4个100%核实', en: 'Security standard records' } },
  report: { workflow: REPORT_REVIEW, area: 'plan', label: { zh: '工作要点进展报告', en: 'Work plan progress reports' } },
  conversion: { workflow: CONVERSION_WORKFLOW, area: 'private-edu', label: { zh: '公参民治理', en: 'Conversion cases' } },
  inspection: { workflow: INSPECTION_WORKFLOW, area: 'private-edu', label: { zh: '民办学校年检', en: 'Annual inspections' } },
  inspectionOpinion: { workflow: INSPECTION_OPINION_WORKFLOW, area: null, label: { zh: '年检联审意见', en: 'Inspection opinions' } },
  licence: { workflow: LICENCE_WORKFLOW, area: 'private-edu', label: { zh: '办学许可事项', en: 'Licence cases' } },
  puhui: { workflow: PUHUI_WORKFLOW, area: 'private-edu', label: { zh: '普惠性民办园认定', en: 'Inclusive kindergarten recognition' } },
  spending: { workflow: SPENDING_WORKFLOW, area: 'funding', label: { zh: '教育经费决算填报', en: 'Spending returns' } },
  // 校外培训执法案件
  enforcement: {
    workflow: ENFORCEMENT_WORKFLOW,
    area: 'private-edu',
    label: { zh: '校外培训执法案件', en: 'Off-campus training enforcement cases' },
  },
  // 五项管理
  fiveItems: { workflow: FIVE_ITEMS_WORKFLOW, area: 'private-edu', label: { zh: '五项管理情况', en: 'Five-items returns' } },
  // 县管校聘交流轮岗
  exchange: { workflow: EXCHANGE_PLAN_WORKFLOW, area: 'teachers', label: { zh: '交流轮岗计划', en: 'Teacher exchange plans' } },
  // 教师工资保障
  payReturn: { workflow: PAY_RETURN_WORKFLOW, area: 'teachers', label: { zh: '教师工资保障情况表', en: 'Teacher pay returns' } },
  payRectification: {
    workflow: PAY_RECTIFICATION_WORKFLOW,
    area: 'teachers',
    label: { zh: '工资保障督查整改', en: 'Pay rectification cases' },
  },
  // 年度考核与教师资格定期注册
  registration: {
    workflow: REGISTRATION_REMINDER,
    area: 'teachers',
    label: { zh: '教师资格定期注册', en: 'Certificate registration' },
  },
  // 支教与表彰
  supportNeed: {
    workflow: SUPPORT_NEED_WORKFLOW,
    area: 'teachers',
    label: { zh: '支教需求待派遣', en: 'Support needs awaiting teachers' },
  },
  nomination: { workflow: NOMINATION_WORKFLOW, area: 'teachers', label: { zh: '表彰推荐待审核', en: 'Nominations to review' } },
  // 控辍保学与随迁子女
  dropout: { workflow: DROPOUT_WORKFLOW, area: 'funding', label: { zh: '控辍保学台账', en: 'Dropout cases' } },
  dropoutReturn: { workflow: DROPOUT_RETURN_REMINDER, area: 'funding', label: { zh: '控辍保学报告', en: 'Dropout returns' } },
  // 学生资助
  aidFollowUp: { workflow: AID_FOLLOW_UP_WORKFLOW, area: 'funding:aid', label: { zh: '应助未助跟进', en: 'Aid follow-ups' } },
} as const satisfies Record<string, { workflow: unknown; area: string | null; label: Words }>;
export type InboxKind = keyof typeof INBOX_SOURCES;
export const INBOX_KINDS = Object.keys(INBOX_SOURCES) as InboxKind[];
