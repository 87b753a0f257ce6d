import type { KpiDefinition } from '../kpi.ts';
import { HENGYANG_TARGETS_2022 as T } from './targets.ts';

/**
 * The 2022 plan's KPIs, each quoting the seed phrase it measures. Modules compute them from their own records;
 * one whose module has no records yet shows 暂无数据 on the dashboard.
 */
export const HENGYANG_KPIS_2022: readonly KpiDefinition[] = [
  { id: 'safety.compliance', title: '安防建设“4个100%”全部达标学校占比', module: 'safety', itemNo: 4, phrase: '推进中小学幼儿园安全防范建设“4个100%”', target: T.safetyComplianceTarget, unit: 'ratio', direction: 'at_least', levels: ['city', 'county', 'school'], formula: '四项指标均达标的学校数 ÷ 学校总数', amber: 0.05 },
  { id: 'safety.guards', title: '专职保安员配备达标学校占比', module: 'safety', itemNo: 4, phrase: '推进中小学幼儿园安全防范建设“4个100%”', target: T.safetyComplianceTarget, unit: 'ratio', direction: 'at_least', levels: ['city', 'county', 'school'], formula: '专职保安人数达到配备标准的学校数 ÷ 学校总数（以县区核实的本学期情况为准）', amber: 0.05 },
  { id: 'safety.closed', title: '封闭化管理学校占比', module: 'safety', itemNo: 4, phrase: '推进中小学幼儿园安全防范建设“4个100%”', target: T.safetyComplianceTarget, unit: 'ratio', direction: 'at_least', levels: ['city', 'county', 'school'], formula: '实行封闭化管理的学校数 ÷ 学校总数', amber: 0.05 },
  { id: 'safety.alarm', title: '一键式报警和视频监控联网学校占比', module: 'safety', itemNo: 4, phrase: '推进中小学幼儿园安全防范建设“4个100%”', target: T.safetyComplianceTarget, unit: 'ratio', direction: 'at_least', levels: ['city', 'county', 'school'], formula: '一键式紧急报警与110联网且视频监控与公安联网的学校数 ÷ 学校总数', amber: 0.05 },
  { id: 'safety.fourth', title: '第四项指标（护学岗/防冲撞设施）达标学校占比', module: 'safety', itemNo: 4, phrase: '推进中小学幼儿园安全防范建设“4个100%”', target: T.safetyComplianceTarget, unit: 'ratio', direction: 'at_least', levels: ['city', 'county', 'school'], formula: '第四项指标（按市局设置：护学岗或硬质防冲撞设施）达标的学校数 ÷ 适用学校数', amber: 0.05 },
  { id: 'safety.hazard-closure', title: '安全隐患整改销号率', module: 'safety', itemNo: 4, phrase: '落实全省教育系统安全专项整治三年行动', target: 1, unit: 'ratio', direction: 'at_least', levels: ['city', 'county', 'school'], formula: '已销号隐患数 ÷ 登记隐患总数（挂账销号，台账累计）', amber: 0.1 },
  { id: 'safety.hazards-overdue', title: '逾期未整改隐患数', module: 'safety', itemNo: 4, phrase: '深化校园安全专项整顿', target: 0, unit: 'count', direction: 'at_most', levels: ['city', 'county', 'school'], formula: '整改期限已过且未销号的隐患数', amber: 5 },
  { id: 'safety.major-hazards-open', title: '未销号重大隐患数', module: 'safety', itemNo: 4, phrase: '深化校园安全专项整顿', target: 0, unit: 'count', direction: 'at_most', levels: ['city', 'county', 'school'], formula: '严重程度为“重大”且未销号的隐患数', amber: 0 },
  { id: 'safety.campaign-coverage', title: '专项安全教育学校覆盖率', module: 'safety', itemNo: 4, phrase: '继续推进校车、消防、禁毒防艾、防溺水、防性侵、防欺凌、防暴力伤害和交通安全等专项教育', target: 1, unit: 'ratio', direction: 'at_least', levels: ['city', 'county'], formula: '近12个月开展了全部8项专项教育（校车、消防、禁毒防艾、防溺水、防性侵、防欺凌、防暴力伤害、交通安全）的学校数 ÷ 学校总数', amber: 0.1 },
  { id: 'safety.incidents', title: '造成人员伤亡的校园安全事件数', module: 'safety', itemNo: 4, phrase: '保障校园公共卫生安全', target: 0, unit: 'count', direction: 'at_most', levels: ['city', 'county', 'school'], formula: '近12个月发生、有人员死亡或受伤的安全事件数（按事件类型分列见安全模块）', amber: 3 },
  { id: 'private.gongcanmin-converted', title: '“公参民”学校转为公办比例', module: 'private-edu', itemNo: 5, phrase: '6月底前将“公参民”学校全部转为公办', target: 1, unit: 'ratio', direction: 'at_least', levels: ['city', 'county'], formula: '已转为公办的“公参民”学校数 ÷ “公参民”学校总数', amber: 0.1 },
  { id: 'private.compulsory-share', title: '民办义务教育在校生占比', module: 'private-edu', itemNo: 5, phrase: '将市域民办义务教育在校生规模占比控制在5%以内', target: T.privateCompulsoryShareCap, unit: 'ratio', direction: 'at_most', levels: ['city', 'county'], formula: '民办学校义务教育在校生数 ÷ 义务教育在校生总数（市域）', amber: 0.2 },
  { id: 'private.training-converted', title: '学科类培训机构“营改非”完成率', module: 'private-edu', itemNo: 6, phrase: '抓好“营改非”工作', target: 1, unit: 'ratio', direction: 'at_least', levels: ['city', 'county'], formula: '已完成“营改非”的义务教育阶段学科类培训机构数 ÷ 应完成数', amber: 0.1 },
  { id: 'funding.seats-delivered', title: '学位建设完成数', module: 'funding', itemNo: 9, phrase: '高标准完成33730个学位建设任务', target: T.seatConstructionTarget, unit: 'seats', direction: 'at_least', levels: ['city', 'county'], formula: '已投入使用的新增学位数之和', amber: 0.1 },
  { id: 'funding.two-no-decrease', title: '落实“两个只增不减”的县市区占比', module: 'funding', itemNo: 9, phrase: '确保“两个只增不减”', target: 1, unit: 'ratio', direction: 'at_least', levels: ['city', 'county'], formula: '一般公共预算教育支出和生均支出均不低于上年的县市区数 ÷ 县市区数', amber: 0.1 },
  { id: 'funding.aid-coverage', title: '原建档立卡等家庭经济困难学生资助覆盖率', module: 'funding', itemNo: 11, phrase: '确保全市义务教育原建档立卡等家庭经济困难学生100%享受国家政策资助', target: T.aidCoverageTarget, unit: 'ratio', direction: 'at_least', levels: ['city', 'county', 'school'], formula: '已资助的该类学生数 ÷ 在校该类学生数', amber: 0.02 },
  { id: 'funding.dropouts', title: '义务教育辍学学生数', module: 'funding', itemNo: 11, phrase: '完善控辍保学动态监测机制', target: 0, unit: 'count', direction: 'at_most', levels: ['city', 'county', 'school'], formula: '确认辍学且未劝返复学的学生数', amber: 5 },
  { id: 'teachers.ethics-cases', title: '师德失范问题办结率', module: 'teachers', itemNo: 17, phrase: '严肃查处各类师德失范行为', target: 1, unit: 'ratio', direction: 'at_least', levels: ['city', 'county'], formula: '已办结的师德失范问题数 ÷ 受理数', amber: 0.1 },
  { id: 'teachers.training-completion', title: '教师培训任务完成率', module: 'teachers', itemNo: 18, phrase: '落实国培、省培、市培计划', target: 1, unit: 'ratio', direction: 'at_least', levels: ['city', 'county', 'school'], formula: '完成培训的参训教师数 ÷ 计划参训数', amber: 0.1 },
  { id: 'teachers.staffing-use', title: '中小学教职工编制使用率', module: 'teachers', itemNo: 19, phrase: '加大中小学教师编制统筹配置力度', target: 1, unit: 'ratio', direction: 'at_most', levels: ['city', 'county', 'school'], formula: '在编教职工数 ÷ 核定编制数', amber: 0.05 },
  { id: 'teachers.wage-guarantee', title: '教师平均工资收入不低于公务员的县市区占比', module: 'teachers', itemNo: 19, phrase: '完善中小学教师工资保障情况督查机制', target: 1, unit: 'ratio', direction: 'at_least', levels: ['city', 'county'], formula: '义务教育教师平均工资收入不低于当地公务员的县市区数 ÷ 县市区数', amber: 0.1 },
];
