import type { PlanTask } from '../plan/tasks.ts';
import { HENGYANG_TARGETS_2022 as T } from './targets.ts';

/**
 * The 2022 plan's items broken into tasks, with lead 科室, milestones and KPI bindings. The seed gives the items, the
 * hard dates (公参民 by 2022-06-30; annual targets by 2022-12-31) and the figures; which 科室 leads what is not public
 * (docs/domain/plan.md), so these assignments are a plausible demo the 办公室 can change. Task titles quote the seed.
 */
const END = T.yearEnd;
const h1 = '2022-06-30';
const q3 = '2022-09-30';
const t = (code: string, title: string, lead: string, milestones: [string, string][], extra: Partial<PlanTask> = {}): PlanTask => ({
  code,
  itemNo: Number(code.split('.')[0]),
  title,
  lead,
  coOwners: [],
  units: 'all',
  milestones: milestones.map(([m, due]) => ({ title: m, due })),
  kpis: [],
  ...extra,
});

export const HENGYANG_TASKS_2022: readonly PlanTask[] = [
  t(
    '1.1',
    '开展迎接、学习、宣传党的二十大专项行动',
    'party',
    [
      ['专项行动方案印发', '2022-05-31'],
      ['专项行动总结', END],
    ],
    { coOwners: ['publicity'] },
  ),
  t('1.2', '推进全市教育宣传激励机制和矩阵建设', 'publicity', [['宣传矩阵建成', q3]], { units: [] }),
  t('2.1', '推动建立中小学党组织领导的校长负责制', 'party', [
    ['县市区实施方案报备', h1],
    ['全面推行', END],
  ]),
  t(
    '2.2',
    '加强民办学校党组织建设，推进党的组织和党的工作有效覆盖',
    'party',
    [
      ['民办学校党组织覆盖摸底', h1],
      ['有效覆盖', END],
    ],
    { coOwners: ['private-edu'] },
  ),
  t('3.1', '深化“清廉学校”和“清廉机关”建设', 'party', [
    ['创建方案印发', '2022-05-31'],
    ['年度评估', END],
  ]),
  t(
    '3.2',
    '深化领导干部经济责任审计、财政投资项目全过程审计、预算绩效审计',
    'audit',
    [
      ['年度审计计划', '2022-05-31'],
      ['审计结果运用报告', END],
    ],
    { units: [] },
  ),
  t(
    '4.1',
    '推进中小学幼儿园安全防范建设“4个100%”',
    'safety',
    [
      ['秋季开学前达标核查', '2022-08-31'],
      ['全面达标', END],
    ],
    { kpis: ['safety.compliance'] },
  ),
  t(
    '4.2',
    '落实全省教育系统安全专项整治三年行动（收官）',
    'safety',
    [
      ['隐患排查整治', q3],
      ['三年行动收官验收', END],
    ],
    { kpis: ['safety.hazard-closure', 'safety.hazards-overdue', 'safety.major-hazards-open'] },
  ),
  t(
    '4.3',
    '继续推进校车、消防、禁毒防艾、防溺水、防性侵、防欺凌、防暴力伤害和交通安全等专项教育',
    'safety',
    [
      ['防溺水专项教育（暑期前）', '2022-07-10'],
      ['专项教育全覆盖', END],
    ],
    { kpis: ['safety.campaign-coverage'] },
  ),
  t(
    '5.1',
    '6月底前将“公参民”学校全部转为公办，同时做好教师安置',
    'private-edu',
    [
      ['“公参民”学校全部转为公办', T.gongCanMinDeadline],
      ['教师安置完成', q3],
    ],
    { coOwners: ['personnel'], kpis: ['private.gongcanmin-converted'] },
  ),
  t(
    '5.2',
    '将市域民办义务教育在校生规模占比控制在5%以内',
    'private-edu',
    [
      ['秋季招生计划核定', '2022-07-31'],
      ['占比控制在5%以内', END],
    ],
    { coOwners: ['basic-edu'], kpis: ['private.compulsory-share'] },
  ),
  t(
    '6.1',
    '深化校外培训机构治理，严格学科类培训机构审批，抓好“营改非”工作',
    'private-edu',
    [
      ['“营改非”完成', q3],
      ['年度专项整治总结', END],
    ],
    {
      kpis: [
        'private.subject-reduction',
        'private.platform-onboarding',
        'private.fee-supervision',
        'private.enforcement-closed',
        'private.enforcement-days',
      ],
    },
  ),
  t('6.2', '持续深化义务教育学校作业管理、考试管理、课后服务管理', 'basic-edu', [['课后服务全覆盖核查', '2022-10-31']], {
    kpis: ['private.five-items-compliance'],
  }),
  t('7.1', '开展中小学思政辩论赛活动', 'publicity', [['市级决赛', '2022-11-30']]),
  t('8.1', '强化中小学生体质健康测试和艺术素质测试及数据上报', 'health-arts', [['体质健康数据上报', '2022-11-30']]),
  t('8.2', '规范学校心理辅导室建设，推广心理健康教育“衡南经验”', 'health-arts', [['心理辅导室建设达标', END]]),
  t(
    '9.1',
    '高标准完成33730个学位建设任务',
    'planning',
    [
      ['年中进度过半', h1],
      ['完成33730个学位', END],
    ],
    { kpis: ['funding.seats-delivered'] },
  ),
  t(
    '9.2',
    '确保“两个只增不减”',
    'planning',
    [
      ['预算安排核查', h1],
      ['决算核查', END],
    ],
    { kpis: ['funding.two-no-decrease'] },
  ),
  t('9.3', '加快推进市十七中搬迁、衡钢中学初中部新建工程建设', 'planning', [['主体工程完工', END]], {
    units: [],
    kpis: ['funding.named-on-schedule'],
  }),
  t('9.4', '加强网络安全等级保护和运维保障', 'it', [['等保测评', END]], { units: [] }),
  t('10.1', '制定实施“十四五”学前教育发展提升计划', 'basic-edu', [['计划印发', q3]]),
  t('10.2', '办好特殊教育，“一人一案”安置适龄残疾儿童少年入学', 'basic-edu', [['秋季入学安置完成', q3]]),
  t(
    '11.1',
    '确保义务教育原建档立卡等家庭经济困难学生100%享受国家政策资助',
    'aid',
    [
      ['春季学期资助发放', h1],
      ['秋季学期资助发放', END],
    ],
    { kpis: ['funding.aid-coverage', 'funding.aid-unaided'] },
  ),
  t('11.2', '完善控辍保学动态监测机制', 'basic-edu', [['秋季学期辍学摸排', '2022-10-31']], {
    coOwners: ['aid'],
    kpis: ['funding.dropouts', 'funding.dropout-return-rate'],
  }),
  // 控辍保学与随迁子女
  t(
    '11.3',
    '完善随迁子女义务教育入学政策，保障随迁子女义务教育公办学校就读需求',
    'basic-edu',
    [['秋季学期随迁子女入学统计', '2022-10-31']],
    {
      kpis: ['funding.migrant-public-share'],
    },
  ),
  t('12.1', '启动楚怡中职学校（衡南县职业中专）改扩建项目建设', 'vocational', [['项目开工', END]], { units: ['430422'] }),
  t('13.1', '持续推进“破五唯”，出台局内工作清单', 'law', [['局内工作清单出台', h1]], { coOwners: ['personnel'], units: [] }),
  t('14.1', '组织好各类教育考试，确保平安顺利', 'exams', [
    ['中考平稳举行', h1],
    ['高职单招和专升本考试', END],
  ]),
  t('15.1', '设立全市统一的教育督导机构', 'inspection', [['机构设立', END]], { units: [] }),
  t('16.1', '配齐配强法治副校长', 'law', [['法治副校长配齐', q3]]),
  t(
    '17.1',
    '严肃查处师德失范行为，师风污点教师纳入“黑名单”',
    'personnel',
    [
      ['上半年师德问题通报', h1],
      ['年度师德考核', END],
    ],
    { kpis: ['teachers.ethics-cases', 'teachers.ethics-days', 'teachers.blacklist', 'teachers.admission-checks'] },
  ),
  t(
    '18.1',
    '落实国培、省培、市培计划，推进信息技术应用能力提升工程2.0',
    'personnel',
    [
      ['年度培训计划', '2022-05-31'],
      ['培训任务完成', END],
    ],
    { kpis: ['teachers.training-completion', 'teachers.it-capability', 'teachers.programme-arrival'] },
  ),
  t('18.2', '精准选派受援学校急需的支教教师', 'personnel', [['秋季支教教师到岗', q3]]),
  t('19.1', '加强义务教育教师“县管校聘”，加大编制统筹配置力度', 'personnel', [['编制核定', q3]], {
    kpis: [
      'teachers.over-quota-schools',
      'teachers.vacancy-contract',
      'teachers.exchange-rate',
      'teachers.exchange-backbone',
      'teachers.staff-completeness',
      'teachers.registration-overdue',
    ],
  }),
  t('19.2', '完善中小学教师工资保障情况督查机制', 'personnel', [['工资保障督查', END]], {
    coOwners: ['planning'],
    kpis: ['teachers.wage-guarantee'],
  }),
];
