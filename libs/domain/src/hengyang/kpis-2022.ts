import { cityKpis } from '../kpi-catalogue.ts';
import type { CityKpiTarget, KpiDefinition, KpiId } from '../kpi.ts';
import { HENGYANG_TARGETS_2022 as T } from './targets.ts';

/**
 * What the 2022 plan says about each KPI of the catalogue (kpi-catalogue.ts): the item and phrase it measures and
 * Hengyang's target. targetSource 'seed' where the seed states the figure (“4个100%”, “全部转为公办”, “控制在5%以内”,
 * “33730个学位”, “100%享受”, “确保两个只增不减”); 'bureau' where it names the task without a figure and the target is
 * the bureau's own. Every KPI of the catalogue is configured (a missing one fails the type check).
 */
export const HENGYANG_KPI_TARGETS_2022 = {
  'safety.compliance': {
    itemNo: 4,
    phrase: '推进中小学幼儿园安全防范建设“4个100%”',
    target: T.safetyComplianceTarget,
    targetSource: 'seed',
  },
  'safety.guards': { itemNo: 4, phrase: '推进中小学幼儿园安全防范建设“4个100%”', target: T.safetyComplianceTarget, targetSource: 'seed' },
  'safety.closed': { itemNo: 4, phrase: '推进中小学幼儿园安全防范建设“4个100%”', target: T.safetyComplianceTarget, targetSource: 'seed' },
  'safety.alarm': { itemNo: 4, phrase: '推进中小学幼儿园安全防范建设“4个100%”', target: T.safetyComplianceTarget, targetSource: 'seed' },
  'safety.fourth': { itemNo: 4, phrase: '推进中小学幼儿园安全防范建设“4个100%”', target: T.safetyComplianceTarget, targetSource: 'seed' },
  'safety.hazard-closure': { itemNo: 4, phrase: '落实全省教育系统安全专项整治三年行动', target: 1, targetSource: 'bureau' },
  'safety.hazards-overdue': { itemNo: 4, phrase: '深化校园安全专项整顿', target: 0, targetSource: 'bureau' },
  'safety.acceptance-overdue': { itemNo: 4, phrase: '深化校园安全专项整顿', target: 0, targetSource: 'bureau' },
  'safety.major-hazards-open': { itemNo: 4, phrase: '深化校园安全专项整顿', target: 0, targetSource: 'bureau' },
  'safety.campaign-coverage': {
    itemNo: 4,
    phrase: '继续推进校车、消防、禁毒防艾、防溺水、防性侵、防欺凌、防暴力伤害和交通安全等专项教育',
    target: 1,
    targetSource: 'bureau',
  },
  'safety.incidents': { itemNo: 4, phrase: '维护教育系统安全稳定', target: 0, targetSource: 'bureau' },
  'private.gongcanmin-converted': { itemNo: 5, phrase: '6月底前将“公参民”学校全部转为公办', target: 1, targetSource: 'seed' },
  'private.compulsory-share': {
    itemNo: 5,
    phrase: '将市域民办义务教育在校生规模占比控制在5%以内',
    target: T.privateCompulsoryShareCap,
    targetSource: 'seed',
  },
  'private.teachers-placed': { itemNo: 5, phrase: '同时做好“公参民”学校教师安置等有关工作', target: 1, targetSource: 'bureau' },
  'private.inspection-participation': { itemNo: 5, phrase: '规范办学行为', target: 1, targetSource: 'bureau' },
  'private.inspection-pass-rate': { itemNo: 5, phrase: '规范办学行为', target: 1, targetSource: 'bureau' },
  // The bureau's own target: 80% is the national goal for 2025, not a figure of the seed.
  'private.puhui-coverage': { itemNo: 10, phrase: '进一步提升学前教育普及普惠水平', target: 0.8, targetSource: 'bureau' },
  // The bureau's own target, after the county supervision standard (《县域学前教育普及普惠督导评估办法》), not in the seed.
  'private.preschool-gross-enrolment': {
    itemNo: 10,
    phrase: '进一步提升学前教育普及普惠水平',
    target: T.preschoolGrossEnrolmentTarget,
    targetSource: 'bureau',
  },
  // 校外培训机构 — the bureau's own targets: the seed asks to 深化校外培训机构治理 and 坚决防止反弹变异 without a figure.
  'private.subject-reduction': { itemNo: 6, phrase: '深化校外培训机构治理，严格学科类培训机构审批', target: 0.9, targetSource: 'bureau' },
  'private.platform-onboarding': { itemNo: 6, phrase: '加强校外培训机构监管队伍建设', target: 1, targetSource: 'bureau' },
  'private.fee-supervision': { itemNo: 6, phrase: '深化校外培训机构治理', target: 1, targetSource: 'bureau' },
  // 五项管理: the bureau's own target (the seed names the measures, not a figure).
  'private.five-items-compliance': { itemNo: 6, phrase: '按照中央提出的“五项管理”措施', target: 1, targetSource: 'bureau' },
  'funding.seats-delivered': { itemNo: 9, phrase: '高标准完成33730个学位建设任务', target: T.seatConstructionTarget, targetSource: 'seed' },
  // The bureau's own target: the seed asks to 加快推进 and 抓好 the named projects' management, without a figure.
  'funding.named-on-schedule': {
    itemNo: 9,
    phrase: '加快推进市十七中搬迁、衡钢中学初中部新建工程的建设',
    target: 1,
    targetSource: 'bureau',
  },
  'funding.two-no-decrease': { itemNo: 9, phrase: '确保“两个只增不减”', target: 1, targetSource: 'seed' },
  'funding.aid-coverage': {
    itemNo: 11,
    phrase: '确保全市义务教育原建档立卡等家庭经济困难学生100%享受国家政策资助',
    target: T.aidCoverageTarget,
    targetSource: 'seed',
  },
  // 学生资助: 100% aided means none left 应助未助 (the figure follows from the seed's 100%).
  'funding.aid-unaided': {
    itemNo: 11,
    phrase: '确保全市义务教育原建档立卡等家庭经济困难学生100%享受国家政策资助',
    target: 0,
    targetSource: 'seed',
  },
  'funding.dropouts': { itemNo: 11, phrase: '完善控辍保学动态监测机制', target: 0, targetSource: 'bureau' },
  // 控辍保学与随迁子女: the seed names both tasks without a figure; the targets are the bureau's own (every confirmed
  // dropout brought back; 保障…公办学校就读需求 read as the whole need met, bought seats included).
  'funding.dropout-return-rate': { itemNo: 11, phrase: '完善控辍保学动态监测机制', target: 1, targetSource: 'bureau' },
  'funding.migrant-public-share': { itemNo: 11, phrase: '保障随迁子女义务教育公办学校就读需求', target: 1, targetSource: 'bureau' },
  'teachers.ethics-cases': { itemNo: 17, phrase: '严肃查处各类师德失范行为', target: 1, targetSource: 'bureau' },
  // The bureau's own figure: the 处理办法 sets no deadline for a case.
  'teachers.ethics-days': { itemNo: 17, phrase: '严肃查处各类师德失范行为', target: 90, targetSource: 'bureau' },
  'teachers.blacklist': { itemNo: 17, phrase: '对有师风污点的教师，要纳入“黑名单”进行严惩', target: 0, targetSource: 'bureau' },
  'teachers.admission-checks': { itemNo: 17, phrase: '持续加强师德师风建设', target: 1, targetSource: 'bureau' },
  'teachers.staff-completeness': { itemNo: 19, phrase: '做优教师管理服务', target: 1, targetSource: 'bureau' },
  'teachers.training-completion': { itemNo: 18, phrase: '落实国培、省培、市培计划', target: 1, targetSource: 'bureau' },
  'teachers.it-capability': { itemNo: 18, phrase: '推进中小学教师信息技术应用能力提升工程 2.0 工作', target: 1, targetSource: 'bureau' },
  'teachers.registration-overdue': { itemNo: 19, phrase: '做优教师管理服务', target: 0, targetSource: 'bureau' },
  'teachers.over-quota-schools': { itemNo: 19, phrase: '加大中小学教师编制统筹配置力度', target: 0, targetSource: 'bureau' },
  'teachers.vacancy-contract': { itemNo: 19, phrase: '加大中小学教师编制统筹配置力度', target: 0, targetSource: 'bureau' },
  // 县管校聘: ≥10% of the eligible, of whom ≥20% backbone (教师〔2014〕4号; the seed names the task).
  'teachers.exchange-rate': { itemNo: 19, phrase: '加强义务教育教师“县管校聘”', target: 0.1, targetSource: 'bureau' },
  'teachers.exchange-backbone': { itemNo: 19, phrase: '加强义务教育教师“县管校聘”', target: 0.2, targetSource: 'bureau' },
  'teachers.programme-arrival': {
    itemNo: 18,
    phrase: '统筹实施优师计划、公费师范生培养计划、特岗教师计划和银龄讲学计划',
    target: 1,
    targetSource: 'bureau',
  },
  'teachers.wage-guarantee': { itemNo: 19, phrase: '完善中小学教师工资保障情况督查机制', target: 1, targetSource: 'bureau' },
  // 校外培训执法案件: the seed names the task without a figure; the targets are the bureau's own.
  'private.enforcement-closed': { itemNo: 6, phrase: '重拳整治校外违规培训', target: 0.9, targetSource: 'bureau' },
  'private.enforcement-days': { itemNo: 6, phrase: '重拳整治校外违规培训', target: 90, targetSource: 'bureau' },
} as const satisfies Record<KpiId, CityKpiTarget>;

/**
 * The 2022 plan's KPIs: the catalogue's definitions with Hengyang's targets. Modules compute them from their own
 * records; one whose module has no records yet shows 暂无数据 on the dashboard.
 */
export const HENGYANG_KPIS_2022: readonly KpiDefinition[] = cityKpis(HENGYANG_KPI_TARGETS_2022);
