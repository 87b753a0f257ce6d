import type { CityKpiTarget, KpiDefinition, KpiId, KpiRule } from './kpi.ts';
import { HAZARD_ACCEPTANCE_DAYS } from './safety/hazards.ts';
import type { WorkPlan } from './work-plan.ts';

/**
 * The KPI catalogue: what each KPI means and how it is computed, whatever the city — title, module, unit, direction,
 * the levels it is computed for, the formula in words and the amber band. A city adds only what its own plan says
 * (the item and phrase each KPI measures and its target; see `cityKpis`). The modules' APIs compute the values from
 * their records by these definitions. Reference: docs/domain/plan.md.
 */
export const KPI_CATALOGUE: readonly KpiRule[] = [
  {
    id: 'safety.compliance',
    title: '安防建设“4个100%”全部达标学校占比',
    module: 'safety',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county', 'school'],
    formula: '四项指标均达标的学校数 ÷ 学校总数',
    amber: 0.05,
  },
  {
    id: 'safety.guards',
    title: '专职保安员配备达标学校占比',
    module: 'safety',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county', 'school'],
    formula: '专职保安人数达到配备标准的学校数 ÷ 学校总数（以县区核实的本学期情况为准）',
    amber: 0.05,
  },
  {
    id: 'safety.closed',
    title: '封闭化管理学校占比',
    module: 'safety',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county', 'school'],
    formula: '实行封闭化管理的学校数 ÷ 学校总数',
    amber: 0.05,
  },
  {
    id: 'safety.alarm',
    title: '一键式报警和视频监控联网学校占比',
    module: 'safety',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county', 'school'],
    formula: '一键式紧急报警与110联网且视频监控与公安联网的学校数 ÷ 学校总数',
    amber: 0.05,
  },
  {
    id: 'safety.fourth',
    title: '第四项指标（护学岗/防冲撞设施）达标学校占比',
    module: 'safety',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county', 'school'],
    formula: '第四项指标（按市局设置：护学岗或硬质防冲撞设施）达标的学校数 ÷ 适用学校数',
    amber: 0.05,
  },
  {
    id: 'safety.hazard-closure',
    title: '安全隐患整改销号率',
    module: 'safety',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county', 'school'],
    formula: '已销号隐患数 ÷ 登记隐患总数（挂账销号，台账累计）',
    amber: 0.1,
  },
  {
    id: 'safety.hazards-overdue',
    title: '学校逾期未整改隐患数',
    module: 'safety',
    unit: 'count',
    direction: 'at_most',
    levels: ['city', 'county', 'school'],
    formula: '整改期限已过、学校仍未提交验收（待整改、整改中）的隐患数；已提交待验收的不计入',
    amber: 5,
  },
  {
    id: 'safety.acceptance-overdue',
    title: '县区逾期未验收隐患数',
    module: 'safety',
    unit: 'count',
    direction: 'at_most',
    levels: ['city', 'county', 'school'],
    formula: `学校提交验收后超过${HAZARD_ACCEPTANCE_DAYS}天仍未验收（待验收）的隐患数（验收时限为局定）`,
    amber: 0,
  },
  {
    id: 'safety.major-hazards-open',
    title: '未销号重大隐患数',
    module: 'safety',
    unit: 'count',
    direction: 'at_most',
    levels: ['city', 'county', 'school'],
    formula: '严重程度为“重大”且未销号的隐患数',
    amber: 0,
  },
  {
    id: 'safety.campaign-coverage',
    title: '专项安全教育学校覆盖率',
    module: 'safety',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula:
      '近12个月开展了全部适用专项教育（校车、消防、禁毒防艾、防溺水、防性侵、防欺凌、防暴力伤害、交通安全；校车安全只对开行校车的学校要求）的学校数 ÷ 学校总数',
    amber: 0.1,
  },
  {
    id: 'safety.incidents',
    title: '造成人员伤亡的校园安全事件数',
    module: 'safety',
    unit: 'count',
    direction: 'at_most',
    levels: ['city', 'county', 'school'],
    formula: '近12个月发生、有人员死亡或受伤的安全事件数（按事件类型分列见安全模块）',
    amber: 3,
  },
  {
    id: 'private.gongcanmin-converted',
    title: '“公参民”学校转为公办比例',
    module: 'private-edu',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '处置方式为转为公办且已完成的“公参民”学校数 ÷ “公参民”学校总数',
    amber: 0.1,
  },
  {
    id: 'private.compulsory-share',
    title: '民办义务教育在校生占比',
    module: 'private-edu',
    unit: 'ratio',
    direction: 'at_most',
    levels: ['city', 'county'],
    formula:
      '最近一次学年初统计的民办学校义务教育在校生数 ÷ 义务教育在校生总数（政府购买学位按计数口径）；旁列计入已完成和计划中调减措施后的预计占比',
    amber: 0.2,
    hardCap: true,
  },
  {
    id: 'private.teachers-placed',
    title: '“公参民”学校教师安置率',
    module: 'private-edu',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '已安置的受影响教师数 ÷ “公参民”治理案涉及的教师总数',
    amber: 0.1,
  },
  {
    id: 'private.inspection-participation',
    title: '民办学校年检参检率',
    module: 'private-edu',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '当年已提交年检材料的民办学校数 ÷ 民办学校总数（按审批机关办理，含幼儿园）',
    amber: 0.1,
  },
  {
    id: 'private.inspection-pass-rate',
    title: '民办学校年检合格率',
    module: 'private-edu',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '当年年检结论为非不合格等次的学校数 ÷ 已作出年检结论的学校数',
    amber: 0.1,
  },
  {
    id: 'private.puhui-coverage',
    title: '普惠覆盖率',
    module: 'private-edu',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '（公办幼儿园在园幼儿数 + 普惠性民办园在园幼儿数）÷ 全部在园幼儿数（最近一次学年初统计，普惠认定以当年9月1日为准）',
    amber: 0.05,
  },
  {
    id: 'private.preschool-gross-enrolment',
    title: '学前三年毛入园率',
    module: 'private-edu',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '全部在园幼儿数（最近一次学年初统计，含公办、民办）÷ 县市区填报的当学年3至5周岁常住人口数；未填报人口的县市区暂无数据',
    amber: 0.05,
  },
  // 校外培训机构
  {
    id: 'private.subject-reduction',
    title: '学科类培训机构压减率',
    module: 'private-edu',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '（基数日期的学科类培训机构数 − 现有学科类培训机构数）÷ 基数日期的学科类培训机构数（基数日期默认2021年7月24日，可设置）',
    amber: 0.1,
  },
  {
    id: 'private.platform-onboarding',
    title: '校外培训机构全国平台入驻率',
    module: 'private-edu',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '本地审批且未注销的校外培训机构中已列入全国校外教育培训监管与服务综合平台机构名单的数量 ÷ 本地审批且未注销的机构数',
    amber: 0.05,
  },
  {
    id: 'private.fee-supervision',
    title: '校外培训机构预收费资金监管覆盖率',
    module: 'private-edu',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '全国平台机构名单中纳入资金监管（银行托管或风险保证金）的机构数 ÷ 名单中的机构数（以最近一次导入为准）',
    amber: 0.05,
  },
  // 五项管理
  {
    id: 'private.five-items-compliance',
    title: '五项管理达标率',
    module: 'private-edu',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county', 'school'],
    formula: '最近一个已过报送截止日期的学期，五项管理情况经审核通过且全部达标的学校数 ÷ 有义务教育年级的学校数（公办、民办）',
    amber: 0.1,
  },
  {
    id: 'funding.seats-delivered',
    title: '学位建设完成数',
    module: 'funding',
    unit: 'seats',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '已投入使用的新增学位数之和',
    amber: 0.1,
    cityOwn: 'budget',
  },
  {
    id: 'funding.named-on-schedule',
    title: '重点项目按计划推进率',
    module: 'funding',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '按计划推进或已投入使用的工作要点点名项目数 ÷ 点名项目数',
    amber: 0.15,
    cityOwn: 'budget',
  },
  {
    id: 'funding.two-no-decrease',
    title: '落实“两个只增不减”的县市区占比',
    module: 'funding',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '一般公共预算教育支出和生均支出均不低于上年的县市区数 ÷ 县市区数',
    amber: 0.1,
    cityOwn: 'budget',
  },
  {
    id: 'funding.aid-coverage',
    title: '原建档立卡等家庭经济困难学生资助覆盖率',
    module: 'funding',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county', 'school'],
    formula: '已资助的该类学生数 ÷ 在校该类学生数',
    amber: 0.02,
  },
  // 学生资助: the students the 100% target still misses this semester
  {
    id: 'funding.aid-unaided',
    title: '应助未助学生数',
    module: 'funding',
    unit: 'count',
    direction: 'at_most',
    levels: ['city', 'county', 'school'],
    formula: '纳入100%目标、本学期尚未资助且未核销的名单学生数',
    amber: 0,
  },
  {
    id: 'funding.dropouts',
    title: '义务教育辍学学生数',
    module: 'funding',
    unit: 'count',
    direction: 'at_most',
    levels: ['city', 'county', 'school'],
    formula: '确认辍学且未劝返复学的学生数',
    amber: 5,
  },
  // 控辍保学与随迁子女
  {
    id: 'funding.dropout-return-rate',
    title: '辍学学生劝返率',
    module: 'funding',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county', 'school'],
    formula: '经核实确认辍学的学生中已劝返复学（含已销号）或送教上门安置的人数 ÷ 确认辍学的学生总数（全部台账）',
    amber: 0.1,
  },
  {
    id: 'funding.migrant-public-share',
    title: '随迁子女公办学校就读比例',
    module: 'funding',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '当学年在公办学校（含政府购买学位）就读的义务教育随迁子女数 ÷ 义务教育随迁子女总数（县市区填报）',
    amber: 0.1,
  },
  {
    id: 'teachers.ethics-cases',
    title: '师德失范问题办结率',
    module: 'teachers',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county', 'school'],
    formula: '已办结（结案或不予立案）的师德失范案件数 ÷ 受理的案件数',
    amber: 0.1,
  },
  {
    id: 'teachers.ethics-days',
    title: '师德失范案件平均办结天数',
    module: 'teachers',
    unit: 'days',
    direction: 'at_most',
    levels: ['city', 'county', 'school'],
    formula: '已办结案件从受理线索到结案（或不予立案）的天数之和 ÷ 已办结案件数',
    amber: 0.2,
  },
  {
    id: 'teachers.blacklist',
    title: '师德失范黑名单在册人数',
    module: 'teachers',
    unit: 'count',
    direction: 'at_most',
    levels: ['city', 'county', 'school'],
    formula: '当日在黑名单期限内且未解除的黑名单人数（按作出决定的案件所在学校计）',
    amber: 5,
  },
  {
    id: 'teachers.admission-checks',
    title: '教职员工准入查询覆盖率',
    module: 'teachers',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county', 'school'],
    formula: '在岗教职员工中入职（或调入）时有“无相关记录”准入查询的人数 ÷ 在岗教职员工数',
    amber: 0.02,
  },
  {
    id: 'teachers.staff-completeness',
    title: '教职员工信息完整率',
    module: 'teachers',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county', 'school'],
    formula: '必填信息（专任教师的教师资格证号、任教学科，全国教师管理信息系统编号）齐全的在岗教职员工数 ÷ 在岗教职员工数',
    amber: 0.05,
  },
  {
    id: 'teachers.training-completion',
    title: '教师培训任务完成率',
    module: 'teachers',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county', 'school'],
    formula: '完成培训的参训教师数 ÷ 计划参训数',
    amber: 0.1,
  },
  {
    id: 'teachers.it-capability',
    title: '信息技术应用能力提升工程2.0达标率',
    module: 'teachers',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county', 'school'],
    formula: '近3年信息技术应用能力提升工程2.0学时累计不少于50学时的在岗专任教师数 ÷ 在岗专任教师数',
    amber: 0.1,
  },
  {
    id: 'teachers.registration-overdue',
    title: '教师资格定期注册逾期人数',
    module: 'teachers',
    unit: 'count',
    direction: 'at_most',
    levels: ['city', 'county', 'school'],
    formula: '注册有效期已届满（每5年一注册）仍未办理定期注册的在岗专任教师数',
    amber: 0,
  },
  {
    id: 'teachers.over-quota-schools',
    title: '超编公办学校数',
    module: 'teachers',
    unit: 'count',
    direction: 'at_most',
    levels: ['city', 'county'],
    formula: '在编教职工数超过核定编制数的公办中小学校数',
    amber: 0,
  },
  {
    id: 'teachers.vacancy-contract',
    title: '有空编仍使用编外教师人数',
    module: 'teachers',
    unit: 'count',
    direction: 'at_most',
    levels: ['city', 'county', 'school'],
    formula: '各公办中小学校“空编数”与“编外教师数（特岗、合同制、代课）”中较小者之和',
    amber: 0,
  },
  {
    id: 'teachers.exchange-rate',
    title: '“县管校聘”教师交流轮岗比例',
    module: 'teachers',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '本学年城镇学校、优质学校交流轮岗的教师数 ÷ 这些学校符合交流条件的教师数',
    amber: 0.2,
  },
  {
    id: 'teachers.exchange-backbone',
    title: '交流轮岗教师中骨干教师比例',
    module: 'teachers',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '本学年交流轮岗教师中的骨干教师数 ÷ 交流轮岗教师数',
    amber: 0.2,
  },
  {
    id: 'teachers.programme-arrival',
    title: '特岗、优师、公费师范生、银龄教师到岗率',
    module: 'teachers',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '本年度各计划已到岗人数 ÷ 计划招聘（分配）人数',
    amber: 0.1,
  },
  {
    id: 'teachers.wage-guarantee',
    title: '教师平均工资收入不低于公务员的县市区占比',
    module: 'teachers',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '义务教育教师平均工资收入不低于当地公务员的县市区数 ÷ 县市区数',
    amber: 0.1,
  },
  // 校外培训执法案件
  {
    id: 'private.enforcement-closed',
    title: '校外培训执法案件结案率',
    module: 'private-edu',
    unit: 'ratio',
    direction: 'at_least',
    levels: ['city', 'county'],
    formula: '当年立案的校外培训执法案件中已结案的件数 ÷ 当年立案件数',
    amber: 0.1,
  },
  {
    id: 'private.enforcement-days',
    title: '校外培训执法案件平均办案天数',
    module: 'private-edu',
    unit: 'days',
    direction: 'at_most',
    levels: ['city', 'county'],
    formula: '当年结案的校外培训执法案件从立案到结案的天数之和 ÷ 当年结案件数',
    amber: 0.2,
  },
];

/**
 * A city's KPIs: the catalogue's definitions with the city's own targets, in catalogue order. A KPI the city does not
 * configure is left out (its plan does not measure it). A target that does not fit the KPI's unit is refused here, at
 * configuration, not on the dashboard.
 */
export function cityKpis(targets: Readonly<Partial<Record<KpiId, CityKpiTarget>>>): KpiDefinition[] {
  return KPI_CATALOGUE.flatMap((rule) => {
    const own = targets[rule.id];
    if (own === undefined) return [];
    const refusal = cityTargetRefusal(rule, own);
    if (refusal !== null) throw new Error(`指标 ${rule.id}：${refusal}`);
    const { amber = rule.amber, ...rest } = own;
    return [{ ...rule, ...rest, amber }];
  });
}

/** Why a city's target for a KPI is not acceptable, or null: the item is numbered, the phrase quoted, the figure fits the unit. */
export function cityTargetRefusal(rule: Pick<KpiRule, 'unit'>, own: CityKpiTarget): string | null {
  if (!Number.isInteger(own.itemNo) || own.itemNo < 1) return '工作要点事项编号应为正整数';
  if (own.phrase.trim() === '') return '应引用工作要点原文';
  if (!Number.isFinite(own.target) || own.target < 0) return '目标值应为非负数';
  if (rule.unit === 'ratio' && own.target > 1) return '目标值应在0%到100%之间';
  if (rule.unit !== 'ratio' && !Number.isInteger(own.target)) return '目标值应为整数';
  if (own.amber !== undefined && (!Number.isFinite(own.amber) || own.amber < 0)) return '预警区间应为非负数';
  return null;
}

/**
 * KPIs whose phrase is not in the text of the plan item they cite (the phrase must be the plan's own words), as
 * messages; empty when every KPI quotes its item. Whitespace is ignored, as the plan keeps the seed's spaces.
 */
export function kpiPhraseRefusals(kpis: readonly Pick<KpiDefinition, 'id' | 'itemNo' | 'phrase'>[], plan: WorkPlan): string[] {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const items = new Map(plan.sections.flatMap((s) => s.items).map((i) => [i.no, squash(`${i.title}。${i.text}`)]));
  return kpis.flatMap((k) => {
    const text = items.get(k.itemNo);
    if (text === undefined) return [`指标 ${k.id} 引用的第${k.itemNo}项不在工作要点中`];
    return text.includes(squash(k.phrase)) ? [] : [`指标 ${k.id} 引用的“${k.phrase}”不在第${k.itemNo}项中`];
  });
}
