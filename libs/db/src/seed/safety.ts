import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  chainState,
  HAZARD_CATEGORY_LABELS,
  HazardCategory,
  previousTerm,
  requiredGuards,
  SafetyTopic,
  termOf,
  type HazardSource,
  type HazardStatus,
  type IncidentType,
  type Ownership,
  type ReportStage,
  type SchoolLevel,
  type Severity,
} from '@hyedu/domain';
import type { Tx } from '../audit.ts';
import {
  schools as registry,
  safetyActivities,
  safetyHazards,
  safetyIncidentReports,
  safetyIncidents,
  safetyInspections,
  safetyProfiles,
} from '../schema/index.ts';
import { withBulkLoad } from './bulk.ts';
import { personName } from './names.ts';
import { createRng, type Rng } from './prng.ts';

/**
 * Demo data of the safety module (seed item 4; docs/domain/safety.md) at Hengyang scale, deterministic for a seed, a
 * `today` and a scale: the 4个100% per school for this term and the one before, a year of inspections and hazards
 * with their rectification, 专项教育 activities over the rolling year, and incidents with their reporting chain.
 *
 * The data is the state at the start of `today` (a Beijing date): everything happened on or before the day before,
 * so nothing is ever stamped in the future. Statuses follow the domain's rules: a hazard's status is where its own
 * timeline (found → deadline → 整改 → 提交验收 → [退回 → 再提交] → 销号) stands at that moment; an incident's chain is
 * 学校初报 → 县区接报 → 县区上报市局 → 市局接报 → (续报) → (终报 → 结案), each stage minutes to hours after the one before.
 *
 * Volumes at scale 1: ~7,000 inspections, ~50,000 hazards and ~150 incidents (× scale), and per school two terms of
 * profiles and ~10 activities (so those follow the registry, which scales its many small schools).
 */
export interface SafetySchool {
  id: number;
  code: string;
  unitCode: string;
  level: SchoolLevel;
  ownership: Ownership;
  isBoarding: boolean;
  isRural: boolean;
  /** 在校生 from the registry's enrolment. */
  students: number;
  /** 教职工: teachers in post + contract teachers from the registry's staffing. */
  staff: number;
}

export interface SafetySeedOptions {
  schools: readonly SafetySchool[];
  /** Beijing date (YYYY-MM-DD) the data leads up to. */
  today: string;
  seed: number;
  scale: number;
}

export interface SafetyVolumes {
  profiles: number;
  inspections: number;
  hazards: number;
  activities: number;
  incidents: number;
  incidentReports: number;
}

/** Targets at scale 1. */
export const SAFETY_TARGETS = { inspections: 7_000, hazards: 50_000, incidents: 150 } as const;
/** Fewest rows of a scaled table, so tiny test scales still have a handful. */
const MIN_ROWS = { inspections: 20, hazards: 60, incidents: 6 } as const;

/**
 * The county-level units' accounts that review and accept (衡南县 = the demo account `hengnan`). 局直 schools report
 * straight to the city: the 安全稳定科 (`safety`) acts as their county.
 */
export const SAFETY_REVIEWERS: Readonly<Record<string, string>> = {
  '430400': 'safety',
  '430405': 'zhuhui',
  '430406': 'yanfeng',
  '430407': 'shigu',
  '430408': 'zhengxiang',
  '430412': 'nanyue',
  '430421': 'hengyangxian',
  '430422': 'hengnan',
  '430423': 'hengshan',
  '430424': 'hengdong',
  '430426': 'qidong',
  '430481': 'leiyang',
  '430482': 'changning',
  '430472': 'gaoxin',
};
const CITY_USER = 'safety';
const UNIT_BUREAUS: Readonly<Record<string, string>> = {
  '430400': '市教育局安全稳定科',
  '430405': '珠晖区教育局',
  '430406': '雁峰区教育局',
  '430407': '石鼓区教育局',
  '430408': '蒸湘区教育局',
  '430412': '南岳区教育局',
  '430421': '衡阳县教育局',
  '430422': '衡南县教育局',
  '430423': '衡山县教育局',
  '430424': '衡东县教育局',
  '430426': '祁东县教育局',
  '430481': '耒阳市教育局',
  '430482': '常宁市教育局',
  '430472': '高新区教文体局',
};
/** The demo school account belongs to the first school of 衡南县 by code (seed/accounts.ts). */
const DEMO_SCHOOL_UNIT = '430422';

// ---------------------------------------------------------------------------------------------------------------
// Dates: ISO days as numbers, Beijing timestamps.

const DAY_MS = 86_400_000;
const dayNum = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoDays = new Map<number, string>();
const isoDay = (n: number): string => {
  let iso = isoDays.get(n);
  if (iso === undefined) isoDays.set(n, (iso = new Date(n * DAY_MS).toISOString().slice(0, 10)));
  return iso;
};
/** A Beijing wall-clock time on day n, `minutes` after midnight. */
const beijing = (n: number, minutes: number): Date => new Date(n * DAY_MS - 8 * 3_600_000 + Math.round(minutes) * 60_000);
/** A time in office hours (08:00–17:30). */
const officeTime = (rng: Rng, n: number): Date => beijing(n, rng.int(8 * 60, 17 * 60 + 30));

/** Days with weights (school calendar), sampled by binary search on the cumulative weight. */
class Calendar {
  private readonly days: number[] = [];
  private readonly cum: number[] = [];
  constructor(from: number, to: number, weight: (month: number, weekday: number) => number) {
    let total = 0;
    for (let n = from; n <= to; n++) {
      const d = new Date(n * DAY_MS);
      const w = weight(d.getUTCMonth() + 1, d.getUTCDay());
      if (w <= 0) continue;
      total += w;
      this.days.push(n);
      this.cum.push(total);
    }
  }
  get size() {
    return this.days.length;
  }
  pick(rng: Rng): number {
    const total = this.cum[this.cum.length - 1]!;
    const r = rng.next() * total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.days[lo]!;
  }
}

/** How busy schools are with safety work by month: 开学 checks in March and September, holidays quiet. */
const SCHOOL_MONTH: Readonly<Record<number, number>> = {
  1: 0.8,
  2: 0.55,
  3: 1.25,
  4: 1,
  5: 1.05,
  6: 1.1,
  7: 0.4,
  8: 0.6,
  9: 1.3,
  10: 0.9,
  11: 1.1,
  12: 1,
};
const schoolDay = (month: number, weekday: number) => SCHOOL_MONTH[month]! * (weekday === 0 || weekday === 6 ? 0.15 : 1);

/** Items sampled in proportion to a weight (cumulative array + binary search). */
class Weighted<T> {
  private readonly cum: number[] = [];
  constructor(
    private readonly items: readonly T[],
    weight: (t: T) => number,
  ) {
    let total = 0;
    for (const it of items) this.cum.push((total += Math.max(0, weight(it))));
  }
  pick(rng: Rng): T {
    const r = rng.next() * this.cum[this.cum.length - 1]!;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

// ---------------------------------------------------------------------------------------------------------------
// Names and texts.

/** Per category: where hazards are found, and hazards as [problem, what was done about it]; the description is place + problem. */
type Found = readonly (readonly [problem: string, measure: string])[];
const HAZARD_TEXT: Readonly<Record<HazardCategory, { places: readonly string[]; ordinary: Found; major: Found }>> = {
  facilities: {
    places: ['教学楼二楼走廊', '操场', '体育器材室', '校门口', '配电房', '实验楼', '学生宿舍楼', '功能室', '多媒体教室', '门卫室'],
    ordinary: [
      ['电线老化、部分线头裸露', '已更换老化线路并加装线槽'],
      ['护栏松动', '已加固护栏并复查'],
      ['体育器材（单杠）锈蚀松动', '已除锈加固，不能修复的已停用更换'],
      ['监控摄像头损坏，画面不清', '已更换摄像头并调试联网'],
      ['一键式报警按钮无法正常使用', '已联系厂家维修，测试报警正常'],
      ['门禁道闸故障', '已维修道闸并落实人工值守'],
      ['应急照明灯不亮', '已更换应急照明灯'],
      ['配电箱未上锁', '配电箱已加锁并张贴警示标识'],
      ['篮球架底座螺丝松动', '已紧固螺丝并加装防护垫'],
      ['窗户防护栏缺失', '已加装窗户防护栏'],
    ],
    major: [
      ['配电线路严重老化，多处私拉乱接，存在短路起火风险', '已停用相关线路，完成整体线路改造并经电力部门检测合格'],
      ['视频监控系统整体瘫痪，校园重点部位无监控', '已更换监控主机和前端设备，重点部位全覆盖并与公安联网'],
    ],
  },
  fire: {
    places: ['学生宿舍', '食堂后厨', '教学楼楼梯间', '图书室', '化学实验室', '仓库', '综合楼', '学生宿舍楼道'],
    ordinary: [
      ['灭火器过期未更换', '已更换灭火器并建立月检台账'],
      ['消防通道堆放杂物', '已清理通道杂物，落实专人巡查'],
      ['安全出口指示灯损坏', '已更换安全出口指示灯'],
      ['消防栓水压不足', '已联系消防维保单位检修，水压达标'],
      ['疏散通道门上锁', '已拆除门锁，改为推闩式安全门'],
      ['私拉乱接电线', '已拆除私接电线，开展用电安全教育'],
      ['烟感报警器失效', '已更换烟感报警器并测试'],
      ['灭火器数量配备不足', '已按标准补充配备灭火器'],
      ['违规使用大功率电器', '已收缴违规电器并加强宿舍检查'],
    ],
    major: [
      ['无消防设施且疏散通道堵塞', '已配齐消防设施，疏通疏散通道并开展疏散演练'],
      ['使用易燃彩钢夹芯板搭建，且无自动喷淋', '已拆除彩钢夹芯板建筑'],
      ['液化气瓶与灶具未分离存放，管道老化漏气', '已设置独立气瓶间，更换燃气管道并加装报警器'],
    ],
  },
  buildings: {
    places: ['老教学楼', '学生宿舍楼', '食堂', '围墙东侧', '综合楼', '厕所', '礼堂', '附属幼儿园园舍'],
    ordinary: [
      ['墙体出现裂缝', '已请专业机构检测并修补裂缝'],
      ['屋面渗漏', '已完成屋面防水修缮'],
      ['吊顶松动，有脱落风险', '已拆除松动吊顶并重新安装'],
      ['楼梯扶手松动', '已加固楼梯扶手'],
      ['外墙瓷砖空鼓脱落', '已铲除空鼓瓷砖并重新铺贴'],
      ['围墙局部倾斜', '已拆除重砌倾斜围墙'],
      ['窗户限位器缺失', '已加装窗户限位器'],
      ['地面破损不平', '已修补破损地面'],
    ],
    major: [
      ['经鉴定为C级危房，仍在使用', '已停止使用并封闭，学生搬至新建教学楼'],
      ['墙体严重开裂，存在坍塌风险', '已封闭危险区域，完成加固并经鉴定合格'],
      ['屋架木梁腐朽，承重不足', '已更换屋架并经鉴定合格'],
    ],
  },
  food_water: {
    places: ['学校食堂', '食堂后厨仓库', '二次供水水箱', '教学楼饮水点', '食堂操作间'],
    ordinary: [
      ['食品留样不足48小时', '已规范留样并配备专用留样柜'],
      ['从业人员健康证过期', '相关人员已重新办理健康证'],
      ['生熟食品未分开存放', '已分区存放并张贴标识'],
      ['紫外线消毒设施损坏', '已更换消毒设施'],
      ['蓄水池未加盖加锁', '蓄水池已加盖加锁并落实专人管理'],
      ['饮水机滤芯未按期更换', '已更换滤芯并建立更换记录'],
      ['防鼠防蝇设施缺失', '已加装挡鼠板和灭蝇灯'],
      ['进货查验台账登记不全', '已补全台账并落实索证索票'],
    ],
    major: [
      ['使用无证供应商配送的肉类食材', '已停止合作，重新招标确定有资质的供应商'],
      ['饮用水水质检测不合格，仍在供学生饮用', '已停用并清洗消毒，复检合格后恢复供水'],
    ],
  },
  traffic: {
    places: ['校门口路段', '学校东侧路口', '上学途经国道段', '校门前广场', '学校南门'],
    ordinary: [
      ['缺少减速带和警示标志', '已协调交警部门增设减速带和警示标志'],
      ['接送学生车辆乱停乱放', '已设置家长接送等候区'],
      ['人行横道线磨损不清', '已重新施划人行横道线'],
      ['上下学时段无护学岗人员值守', '已落实上下学时段护学岗'],
      ['有学生乘坐无牌三轮车上下学', '已联合交警开展专项整治并告知家长'],
    ],
    major: [['校门直对国道，无任何减速和防冲撞设施', '已安装硬质防冲撞设施，交警部门增设信号灯和减速带']],
  },
  surroundings: {
    places: ['学校周边', '校门外50米内', '学校后山', '学校西侧', '学校围墙外'],
    ordinary: [
      ['有无证流动摊贩', '已联合市场监管部门清理'],
      ['有网吧距校门不足200米', '已报告文旅部门依法处理'],
      ['堆放建筑垃圾', '已协调清运建筑垃圾'],
      ['有废弃鱼塘未设围栏', '已设置围栏和警示牌'],
      ['有高压线穿越', '已函告供电部门迁改线路'],
      ['出租屋人员复杂', '已报告属地派出所加强巡查'],
    ],
    major: [
      ['存在山体滑坡隐患', '已报告属地政府完成边坡治理'],
      ['建筑工地塔吊作业半径覆盖校园', '已协调施工单位调整塔吊作业范围'],
    ],
  },
  drowning: {
    places: ['学校附近山塘', '村口河段', '水库岸边', '学校周边池塘', '学生上学途经的河堤'],
    ordinary: [
      ['未设置防溺水警示牌', '已设置防溺水警示牌'],
      ['防护栏缺失', '已协调村委会加装护栏'],
      ['救生器材（救生圈、竹竿）配备不足', '已配备救生圈、竹竿等救生器材'],
    ],
    major: [['深水区无任何防护设施，多次发现学生私自游泳', '已协调属地政府加装护栏，落实村级巡河责任人']],
  },
  school_bus: {
    places: ['校车停放点', '校车'],
    ordinary: [
      ['驾驶人未按规定参加安全教育', '已组织驾驶人参加安全培训'],
      ['安全锤缺失', '已补齐安全锤'],
      ['随车照管员未到岗', '已落实随车照管员'],
      ['车载灭火器过期', '已更换灭火器'],
      ['年检即将到期未办理', '已完成年检'],
    ],
    major: [['超员运行，核载19人实载27人', '已增开班次，落实点名制度杜绝超员']],
  },
  epidemic: {
    places: ['医务室', '各班级', '学生宿舍', '学校'],
    ordinary: [
      ['晨午检记录不完整', '已规范晨午检登记'],
      ['缺少隔离观察室', '已设置临时隔离观察室'],
      ['消毒记录不全', '已完善消毒记录'],
      ['传染病报告制度未落实', '已明确疫情报告人并培训'],
      ['因病缺课追踪登记缺失', '已建立因病缺课追踪登记'],
    ],
    major: [['出现聚集性发热病例未按规定报告', '已补报并落实隔离、消毒措施，追究相关人员责任']],
  },
  bullying: {
    places: ['厕所附近', '宿舍楼后', '操场角落', '学校'],
    ordinary: [
      ['存在监控盲区', '已加装监控消除盲区'],
      ['防欺凌工作制度不健全', '已制定防欺凌工作制度'],
      ['学生欺凌事件排查台账缺失', '已建立排查台账并每月排查'],
    ],
    major: [['发现多起高年级学生向低年级学生索要财物，未及时处置', '已约谈涉事学生及家长，开展专项整治']],
  },
  violence: {
    places: ['门卫室', '校门口', '学校'],
    ordinary: [
      ['门卫未配备防暴器械（钢叉、盾牌）', '已配齐防暴器械'],
      ['外来人员登记不全', '已规范外来人员登记'],
      ['保安员未经培训持证上岗', '保安员已参加培训并取得证书'],
      ['夜间值班巡逻记录缺失', '已落实夜间巡逻制度'],
    ],
    major: [['无专职保安，校门长期无人值守', '已聘用专职保安，落实24小时值守']],
  },
  sexual_assault: {
    places: ['女生宿舍', '学校', '功能室'],
    ordinary: [
      ['教职工入职查询制度未落实', '已对全体教职工完成入职查询'],
      ['宿舍管理员配备不符合要求', '已调整宿舍管理员'],
      ['监控覆盖不到位', '已增设监控'],
      ['防性侵教育未纳入课程计划', '已将防性侵教育纳入课程计划'],
    ],
    major: [['聘用人员未进行性侵违法犯罪记录查询', '已完成全员查询，并建立入职查询制度']],
  },
  drugs_aids: {
    places: ['学校', '宣传栏'],
    ordinary: [
      ['禁毒教育课时不足', '已按要求落实禁毒教育课时'],
      ['禁毒宣传阵地未建立', '已建立禁毒宣传栏'],
      ['青少年毒品预防教育数字化平台学习率偏低', '已督促学生完成平台学习'],
    ],
    major: [['周边娱乐场所存在向学生兜售不明药品线索', '已移交公安机关查处']],
  },
};
const WINDOWS: readonly (readonly [number, number])[] = [
  [7, 15],
  [10, 15],
  [15, 25],
  [20, 10],
  [30, 20],
  [45, 8],
  [60, 7],
];
const MAJOR_WINDOWS: readonly (readonly [number, number])[] = [
  [30, 4],
  [45, 3],
  [60, 3],
];
const TAILS = ['', '', '', '，存在安全隐患', '，需及时整改', '，学生活动频繁'];

/** The categories and how often each turns up (facilities, fire, buildings, food/water and traffic most). */
const CATEGORY_WEIGHT: Readonly<Record<HazardCategory, number>> = {
  facilities: 20,
  fire: 18,
  buildings: 14,
  food_water: 12,
  traffic: 10,
  surroundings: 8,
  epidemic: 4,
  drowning: 4,
  school_bus: 3,
  drugs_aids: 2,
  bullying: 2,
  violence: 2,
  sexual_assault: 1,
};
/** Chance that a hazard of the category is 重大 (~3% overall). */
const MAJOR_CHANCE: Readonly<Record<HazardCategory, number>> = {
  buildings: 0.07,
  fire: 0.035,
  drowning: 0.04,
  surroundings: 0.03,
  facilities: 0.025,
  traffic: 0.025,
  food_water: 0.015,
  school_bus: 0.02,
  epidemic: 0.01,
  bullying: 0.01,
  violence: 0.01,
  sexual_assault: 0.01,
  drugs_aids: 0.005,
};
const HAZARD_RETURN_REASONS = [
  '整改照片不清楚，无法确认整改效果',
  '整改措施未落实到位，请补充整改前后对比照片',
  '器材数量仍不足，请补齐后再提交',
  '未提供维修验收单据',
  '现场复查仍存在问题，请继续整改',
];
const PROFILE_RETURN_REASONS = [
  '专职保安人数与保安花名册不符，请核实后重新填报',
  '一键式报警联网证明材料缺失',
  '封闭化管理情况与现场检查不符',
  '在校生数与学籍系统数据不一致，请核实',
];

const TOPIC_TEXT: Readonly<Record<SafetyTopic, { titles: readonly string[]; months: readonly number[] }>> = {
  school_bus: { titles: ['校车安全乘车演练', '“安全乘车”主题教育', '校车驾驶人及照管员安全培训'], months: [3, 9] },
  fire: { titles: ['消防安全疏散演练', '“11·9”消防宣传日主题活动', '消防安全知识讲座', '灭火器使用实操培训'], months: [11, 3, 9] },
  drugs_aids: {
    titles: ['“6·26”国际禁毒日主题教育', '禁毒防艾知识讲座', '“世界艾滋病日”宣传活动', '青少年毒品预防教育课'],
    months: [6, 12],
  },
  drowning: {
    titles: ['防溺水安全教育主题班会', '“防溺水六不”专题教育', '防溺水“致家长的一封信”签收活动', '暑假前防溺水安全教育'],
    months: [5, 6, 7],
  },
  sexual_assault: { titles: ['防性侵安全教育讲座', '“学会保护自己”青春期教育课', '女童保护专题教育'], months: [4, 10] },
  bullying: { titles: ['预防校园欺凌主题班会', '防欺凌专题法治讲座', '“向欺凌说不”主题教育'], months: [4, 10, 11] },
  violence: { titles: ['防暴反恐应急演练', '防范暴力伤害安全教育', '校园安保应急处置演练'], months: [3, 10] },
  traffic: { titles: ['“12·2”全国交通安全日主题活动', '交通安全进校园', '文明出行安全教育课'], months: [12, 3, 9] },
  epidemic: { titles: ['传染病防控知识讲座', '春季传染病预防主题教育', '晨午检与因病缺课追踪培训'], months: [2, 3, 9, 11] },
  food_water: { titles: ['食品安全宣传周主题活动', '饮用水安全知识教育', '“拒绝三无食品”主题班会'], months: [3, 6, 9] },
};
const ACTIVITY_GUESTS = [
  '邀请辖区派出所民警授课',
  '邀请消防救援大队指导',
  '邀请交警大队民警授课',
  '邀请卫生院医生讲解',
  '法治副校长授课',
  '家长代表参加',
];

const INCIDENT_WEIGHT: readonly (readonly [IncidentType, number])[] = [
  ['accident', 34],
  ['traffic', 20],
  ['drowning', 12],
  ['food_poisoning', 7],
  ['bullying', 8],
  ['violence', 5],
  ['epidemic', 5],
  ['fire', 3],
  ['building', 2],
  ['sexual_assault', 1],
  ['other', 3],
];
const INCIDENT_PLACES: Readonly<Record<IncidentType, readonly string[]>> = {
  drowning: ['村口山塘', '湘江河段', '耒水河段', '水库岸边', '学生家附近池塘', '蒸水河段'],
  traffic: ['校门口路段', '放学途经的国道', '学校附近路口', '上学途中乡道'],
  accident: ['学校操场', '教学楼楼梯', '篮球场', '课间走廊'],
  food_poisoning: ['学校食堂'],
  bullying: ['学生宿舍', '校外小巷', '教室', '厕所'],
  violence: ['校门口', '校外路段', '学校周边'],
  fire: ['学校食堂后厨', '学生宿舍配电箱', '化学实验室'],
  epidemic: ['学校', '学生宿舍楼'],
  building: ['教学楼走廊', '学校围墙', '食堂屋檐'],
  sexual_assault: ['校外', '学生上学途中'],
  other: ['学校', '校外'],
};
const ACCIDENTS: Readonly<Record<string, string>> = {
  学校操场: '上体育课时扭伤',
  教学楼楼梯: '上下楼梯时踩空摔伤',
  篮球场: '打篮球时摔倒骨折',
  课间走廊: '课间追逐时摔倒',
};
/** Months in which each incident type happens (drowning in summer). */
const INCIDENT_MONTH: Partial<Record<IncidentType, Readonly<Record<number, number>>>> = {
  drowning: { 4: 0.5, 5: 2, 6: 3, 7: 4, 8: 3.5, 9: 0.8, 10: 0.2 },
  epidemic: { 1: 1, 2: 1, 3: 1.5, 4: 1, 5: 0.6, 9: 1, 10: 1, 11: 1.2, 12: 1.5 },
  food_poisoning: { 3: 1, 4: 1, 5: 1.5, 6: 2, 9: 1.5, 10: 1, 11: 0.5 },
};

const STAGE_NOTES: Readonly<Record<ReportStage, readonly string[]>> = {
  school_report: [
    '学校电话报告县区教育局，已启动应急预案',
    '学校第一时间报告，已送医救治并通知家长',
    '学校报告：事发后已组织救援并保护现场',
  ],
  county_received: ['县区教育局接报，已派员赶赴现场', '县区教育局接报，分管领导已到场指导处置'],
  county_report: ['县区教育局书面报告市教育局', '县区教育局向市教育局报送初步情况'],
  city_received: ['市教育局安全稳定科接报，已跟踪处置', '市教育局接报，要求做好善后和舆情应对'],
  follow_up: ['续报：伤者病情稳定，家属情绪平稳', '续报：学校已开展安全再教育和隐患排查', '续报：已配合公安机关调查，家校沟通顺畅'],
  final_report: ['终报：事件处置完毕，善后工作已完成', '终报：责任已查明，整改措施已落实', '终报：已结案，举一反三开展专项整治'],
};

// ---------------------------------------------------------------------------------------------------------------

type ProfileRow = typeof safetyProfiles.$inferInsert;
type InspectionRow = typeof safetyInspections.$inferInsert;
type HazardRow = typeof safetyHazards.$inferInsert;
type ActivityRow = typeof safetyActivities.$inferInsert;
type IncidentRow = typeof safetyIncidents.$inferInsert;
type ReportRow = Omit<typeof safetyIncidentReports.$inferInsert, 'incidentId'>;

export interface SafetyData {
  profiles: ProfileRow[];
  inspections: InspectionRow[];
  /** Hazards; `inspection` is the index in `inspections` of the inspection that found it. */
  hazards: (Omit<HazardRow, 'inspectionId'> & { inspection: number | null })[];
  activities: ActivityRow[];
  incidents: (IncidentRow & { chain: ReportRow[] })[];
}

/** The school's own account name (its 学校标识码; the demo school's is `school`). */
function schoolUsers(schools: readonly SafetySchool[]): Map<number, string> {
  const demo = schools.filter((s) => s.unitCode === DEMO_SCHOOL_UNIT).sort((a, b) => (a.code < b.code ? -1 : 1))[0];
  return new Map(schools.map((s) => [s.id, s.id === demo?.id ? 'school' : s.code]));
}

const reviewerOf = (s: SafetySchool) => SAFETY_REVIEWERS[s.unitCode] ?? CITY_USER;
const sub = (seed: number, part: number) => (seed ^ Math.imul(part + 0x5afe, 0x9e3779b9)) >>> 0;
const scaled = (target: number, min: number, scale: number) => Math.max(min, Math.round(target * scale));

/** The demo data for `schools` (pure, deterministic: same options → identical rows). */
export function generateSafetyData(opts: SafetySeedOptions): SafetyData {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new RangeError(`today must be YYYY-MM-DD: ${opts.today}`);
  const schools = [...opts.schools].sort((a, b) => a.id - b.id);
  if (schools.length === 0) return { profiles: [], inspections: [], hazards: [], activities: [], incidents: [] };
  const users = schoolUsers(schools);
  const ctx = { schools, users, today: dayNum(opts.today), todayIso: opts.today, seed: opts.seed, scale: opts.scale };
  const profiles = genProfiles(ctx);
  const { inspections, hazards } = genInspectionsAndHazards(ctx);
  return { profiles, inspections, hazards, activities: genActivities(ctx), incidents: genIncidents(ctx) };
}

interface Ctx {
  schools: readonly SafetySchool[];
  users: Map<number, string>;
  /** Today as a day number; everything happens before it. */
  today: number;
  todayIso: string;
  seed: number;
  scale: number;
}

// --- 4个100% profiles ---------------------------------------------------------------------------------------------

function termBounds(term: string): [number, number] {
  const y = Number(term.slice(0, 4));
  return term.endsWith('1') ? [dayNum(`${y}-09-01`), dayNum(`${y + 1}-01-31`)] : [dayNum(`${y + 1}-02-01`), dayNum(`${y + 1}-08-31`)];
}

function genProfiles(ctx: Ctx): ProfileRow[] {
  const rng = createRng(sub(ctx.seed, 1));
  const current = termOf(ctx.todayIso);
  const previous = previousTerm(current);
  const [curStart] = termBounds(current);
  // Schools report in the first weeks of a term: the share that has reported climbs to ~80% over the first month.
  const curRate = 0.8 * Math.min(1, Math.max(0, ctx.today - curStart) / 30);
  const rows: ProfileRow[] = [];
  for (const s of ctx.schools) {
    // Some schools are weaker on every indicator (民办 kindergartens most of all); they improve a little each term.
    const weakness = rng.float(0.4, 1.6) * (s.ownership === 'private' ? 1.7 : 1);
    const antiRamRequired = !s.isRural || rng.chance(0.3);
    for (const [term, rate, worse] of [
      [previous, 0.95, 1.25],
      [current, curRate, 1],
    ] as const) {
      if (!rng.chance(rate)) continue;
      const [start, end] = termBounds(term);
      const last = Math.min(end, ctx.today - 1);
      if (last < start) continue;
      const students = term === current ? s.students : Math.max(0, Math.round(s.students * rng.float(0.97, 1.03)));
      const staff = s.staff;
      const fails = (p: number) => rng.chance(p * weakness * worse);
      const needed = requiredGuards({ students, staff, isBoarding: s.isBoarding });
      const fulltimeGuards = fails(0.02) ? rng.int(Math.max(0, needed - 2), needed - 1) : needed + (rng.chance(0.3) ? rng.int(1, 2) : 0);
      // ③ fails when the one-button alarm, the video link, or both are not connected to the police.
      const alarmGap = fails(0.025) ? rng.int(0, 2) : -1;
      const evidence = Math.min(last, start + rng.int(3, 50));
      const submittedDay = Math.min(last, evidence + rng.int(0, 3));
      const reviewDay = submittedDay + rng.int(1, 20);
      const decided = rng.weighted<'reviewed' | 'returned' | 'submitted'>(
        term === current
          ? [
              ['reviewed', 88],
              ['returned', 3],
              ['submitted', 9],
            ]
          : [
              ['reviewed', 97],
              ['returned', 1.5],
              ['submitted', 1.5],
            ],
      );
      const review = reviewDay < ctx.today ? decided : 'submitted';
      const reviewedBy = review === 'submitted' ? null : rng.chance(0.04) ? CITY_USER : reviewerOf(s);
      rows.push({
        schoolId: s.id,
        unitCode: s.unitCode,
        term,
        students,
        staff,
        fulltimeGuards,
        closedManagement: !fails(0.015),
        alarmLinked110: alarmGap !== 0 && alarmGap !== 2,
        videoLinkedPolice: alarmGap !== 1 && alarmGap !== 2,
        guardPost: !fails(0.02),
        antiRam: antiRamRequired ? !fails(0.08) : null,
        evidenceDate: isoDay(evidence),
        review,
        returnReason: review === 'returned' ? rng.pick(PROFILE_RETURN_REASONS) : null,
        submittedBy: ctx.users.get(s.id)!,
        submittedAt: officeTime(rng, submittedDay),
        reviewedBy,
        reviewedAt: review === 'submitted' ? null : officeTime(rng, reviewDay),
        version: review === 'submitted' ? 1 : 2,
      });
    }
  }
  return rows;
}

// --- inspections and hazards ---------------------------------------------------------------------------------------

type InspectionLevel = InspectionRow['level'];
const LEVEL_LABELS: Record<InspectionLevel, string> = { self: '学校自查', county: '县区检查', city: '市局检查', supervision: '督导检查' };
const CATEGORIES = HazardCategory.options;

const CATEGORY_POOL = new Weighted(CATEGORIES, (c) => CATEGORY_WEIGHT[c]);

function pickCategories(rng: Rng, n: number): HazardCategory[] {
  const out = new Set<HazardCategory>();
  for (let guard = 0; out.size < n && guard < 100; guard++) out.add(CATEGORY_POOL.pick(rng));
  return CATEGORIES.filter((c) => out.has(c));
}

function genInspectionsAndHazards(ctx: Ctx): { inspections: InspectionRow[]; hazards: SafetyData['hazards'] } {
  const rng = createRng(sub(ctx.seed, 2));
  const from = ctx.today - 364;
  const to = ctx.today - 1;
  const workdays = new Calendar(from, to, schoolDay);
  const anyDay = new Calendar(from, to, () => 1);
  // Bigger schools have more to inspect and more hazards.
  const bySize = new Weighted(ctx.schools, (s) => Math.sqrt(s.students + s.staff) + 4);
  const people = new Map<number, string[]>();
  const staffOf = (s: SafetySchool) => {
    let list = people.get(s.id);
    if (!list) people.set(s.id, (list = [personName(rng), personName(rng), personName(rng)]));
    return list;
  };

  const nInspections = scaled(SAFETY_TARGETS.inspections, MIN_ROWS.inspections, ctx.scale);
  const nHazards = scaled(SAFETY_TARGETS.hazards, MIN_ROWS.hazards, ctx.scale);
  const perInspection = nHazards / 2 / nInspections;

  const inspections: InspectionRow[] = [];
  const hazards: SafetyData['hazards'] = [];
  const levelWeights: readonly (readonly [InspectionLevel, number])[] = [
    ['self', 68],
    ['county', 26],
    ['city', 4],
    ['supervision', 2],
  ];
  for (let i = 0; i < nInspections; i++) {
    const s = bySize.pick(rng);
    let level = rng.weighted(levelWeights);
    if (level === 'county' && s.unitCode === '430400') level = 'city'; // 局直: the city inspects
    const day = workdays.pick(rng);
    const categories = pickCategories(rng, level === 'self' ? rng.int(3, 7) : level === 'county' ? rng.int(4, 8) : rng.int(5, 10));
    const [a, b] = [personName(rng), personName(rng)];
    const inspectors =
      level === 'self'
        ? `${staffOf(s)[0]}、${staffOf(s)[2]}`
        : level === 'county'
          ? `${UNIT_BUREAUS[s.unitCode]}安全股 ${a}、${b}`
          : level === 'city'
            ? `市教育局安全稳定科 ${a}、${b}`
            : `市人民政府教育督导室 ${a}等${rng.int(3, 5)}人`;
    const found = Math.min(poisson(rng, perInspection), nHazards - hazards.length);
    const checked = new Weighted(categories, (c) => CATEGORY_WEIGHT[c]);
    for (let k = 0; k < found; k++) hazards.push(hazard(rng, ctx, s, day, level, checked.pick(rng), inspections.length, staffOf(s)));
    inspections.push({
      schoolId: s.id,
      unitCode: s.unitCode,
      inspectedOn: isoDay(day),
      level,
      categories,
      inspectors,
      summary: `${LEVEL_LABELS[level]}：检查了${categories.map((c) => HAZARD_CATEGORY_LABELS[c]).join('、')}等方面，${found > 0 ? `发现隐患${found}处，已当场交办，限期整改。` : '未发现明显隐患。'}`,
      createdBy: level === 'self' ? ctx.users.get(s.id)! : level === 'county' ? reviewerOf(s) : CITY_USER,
      createdAt: beijing(day, rng.int(15 * 60, 18 * 60)),
    });
  }
  // The rest were found outside a recorded inspection: daily checks, a county's spot check, a parent's call.
  const sources: readonly (readonly [HazardSource, number])[] = [
    ['self', 55],
    ['county', 25],
    ['report', 14],
    ['city', 4],
    ['supervision', 2],
  ];
  while (hazards.length < nHazards) {
    const s = bySize.pick(rng);
    const source = rng.weighted(sources);
    const day = source === 'report' ? anyDay.pick(rng) : workdays.pick(rng);
    hazards.push(hazard(rng, ctx, s, day, source, CATEGORY_POOL.pick(rng), null, staffOf(s)));
  }
  return { inspections, hazards };
}

/**
 * One hazard and where its rectification stands today. Its timeline: found (and reported) on `day`; the deadline
 * 7–60 days on (set at once, or — for what a school reports itself — by the county a day or two later); 整改 starts
 * within days; submitted for acceptance mostly in time (one in ten late, one in a hundred stuck for months);
 * accepted by the county (重大: often the city) within days — or, one in twenty, returned with a reason, submitted
 * again and then accepted. Steps that fall on or after today have not happened yet.
 */
function hazard(
  rng: Rng,
  ctx: Ctx,
  s: SafetySchool,
  day: number,
  source: HazardSource,
  category: HazardCategory,
  inspection: number | null,
  staff: readonly string[],
): SafetyData['hazards'][number] {
  const text = HAZARD_TEXT[category];
  const severity: Severity = rng.chance(MAJOR_CHANCE[category]) ? 'major' : 'ordinary';
  const place = rng.pick(text.places);
  const [problem, measure] = severity === 'major' ? rng.pick(text.major) : rng.pick(text.ordinary);
  const description = `${place}${problem}${severity === 'major' ? '' : rng.pick(TAILS)}`;
  const schoolUser = ctx.users.get(s.id)!;
  const county = reviewerOf(s);
  const reportedBy = source === 'self' ? schoolUser : source === 'county' || source === 'report' ? county : CITY_USER;
  // Days from finding to today: a step `d` days after the finding has happened when d < left.
  const left = ctx.today - day;

  const window = rng.weighted(severity === 'major' ? MAJOR_WINDOWS : WINDOWS);
  // What a school reports itself gets its deadline from the county; that may not have happened yet.
  const deadlineLag = reportedBy === schoolUser ? rng.int(0, 2) : 0;
  const start = deadlineLag + rng.int(0, 3);
  const r = rng.next();
  const submit =
    r < 0.01 ? window + rng.int(30, 150) : r < 0.1 ? window + rng.int(1, 20) : Math.max(start + 1, Math.round(window * rng.float(0.25, 1)));
  const accept = severity === 'major' ? rng.int(2, 12) : rng.int(1, 8);
  const returned = rng.chance(0.05);
  const resubmit = submit + accept + rng.int(3, 12);
  const close = returned ? resubmit + rng.int(1, 6) : submit + accept;
  const closer = severity === 'major' && rng.chance(0.5) ? CITY_USER : source === 'city' || source === 'supervision' ? CITY_USER : county;
  const responsiblePerson = rng.chance(0.7) ? staff[severity === 'major' ? 0 : 1 + rng.int(0, 1)]! : staff[rng.int(0, 2)]!;
  const reportedAt = officeTime(rng, day);

  // Walk the timeline up to today; each step taken is one version (as the router's steps count them).
  const deadline = deadlineLag < left ? isoDay(day + window) : null;
  let steps = deadlineLag > 0 && deadline !== null ? 1 : 0;
  let status: HazardStatus = 'pending';
  let measures: string | null = null;
  let returns = 0;
  let returnReason: string | null = null;
  let submittedAt: Date | null = null;
  let closedAt: Date | null = null;
  if (deadline !== null && start < left) {
    status = 'rectifying';
    steps++;
    measures = rng.chance(0.5) ? `拟${measure.replace(/^已/, '')}` : null;
    if (submit < left) {
      status = 'awaiting_acceptance';
      steps++;
      measures = measure;
      submittedAt = officeTime(rng, day + submit);
      if (returned && submit + accept < left) {
        // 退回 sends it back to 整改中 with the reason; submitting again clears the reason (as hazardStep does).
        status = 'rectifying';
        steps++;
        returns = 1;
        returnReason = rng.pick(HAZARD_RETURN_REASONS);
        if (resubmit < left) {
          status = 'awaiting_acceptance';
          steps++;
          returnReason = null;
          submittedAt = officeTime(rng, day + resubmit);
        }
      }
      if (status === 'awaiting_acceptance' && close < left) {
        status = 'closed';
        steps++;
        closedAt = officeTime(rng, day + close);
      }
    }
  }
  return {
    schoolId: s.id,
    unitCode: s.unitCode,
    inspection,
    source,
    category,
    severity,
    foundOn: isoDay(day),
    location: place,
    description,
    responsiblePerson,
    deadline,
    measures,
    status,
    returnReason,
    returns,
    reportedBy,
    reportedAt,
    submittedBy: submittedAt ? schoolUser : null,
    submittedAt,
    closedBy: closedAt ? closer : null,
    closedAt,
    version: 1 + steps,
  };
}

// --- 专项教育 activities -------------------------------------------------------------------------------------------

function genActivities(ctx: Ctx): ActivityRow[] {
  const rng = createRng(sub(ctx.seed, 3));
  const from = ctx.today - 364; // coverageSince(today): the rolling year the coverage counts
  const to = ctx.today - 1;
  const anyTime = new Calendar(from, to, schoolDay);
  const inSeason = new Map(
    SafetyTopic.options.map((t) => {
      const months = new Set(TOPIC_TEXT[t].months);
      const cal = new Calendar(from, to, (m, wd) => (months.has(m) ? schoolDay(m, wd) : 0));
      return [t, cal.size > 0 ? cal : anyTime] as const;
    }),
  );
  const rows: ActivityRow[] = [];
  for (const s of ctx.schools) {
    const size = s.students + s.staff;
    for (const topic of SafetyTopic.options) {
      // ~95% of schools hold each topic in a year, so ~0.95^8 ≈ 2/3 cover all eight campaign topics.
      if (!rng.chance(0.95)) continue;
      const n = 1 + (rng.chance(0.08) ? 1 : 0) + (rng.chance(0.01) ? 1 : 0);
      for (let k = 0; k < n; k++) {
        const held = (rng.chance(0.7) ? inSeason.get(topic)! : anyTime).pick(rng);
        const whole = rng.chance(0.5) || size < 60;
        const participants = whole
          ? Math.max(1, Math.round(size * rng.float(0.85, 1)))
          : Math.max(10, Math.min(size, Math.round(s.students * rng.float(0.1, 0.5)) + rng.int(2, 8)));
        rows.push({
          schoolId: s.id,
          unitCode: s.unitCode,
          topic,
          heldOn: isoDay(held),
          title: rng.pick(TOPIC_TEXT[topic].titles),
          participants,
          note: rng.chance(0.4) ? rng.pick(ACTIVITY_GUESTS) : whole ? '全校师生参加' : null,
          createdBy: ctx.users.get(s.id)!,
          createdAt: beijing(Math.min(to, held + rng.int(0, 2)), rng.int(16 * 60, 18 * 60)),
        });
      }
    }
  }
  return rows;
}

// --- incidents and their reporting chain ---------------------------------------------------------------------------

function genIncidents(ctx: Ctx): SafetyData['incidents'] {
  const rng = createRng(sub(ctx.seed, 4));
  const from = ctx.today - 364;
  const to = ctx.today - 1;
  const calendars = new Map<IncidentType, Calendar>();
  const calendarOf = (t: IncidentType) => {
    let cal = calendars.get(t);
    if (!cal) {
      const months = INCIDENT_MONTH[t];
      cal = new Calendar(from, to, (m, wd) => (months ? (months[m] ?? 0) : schoolDay(m, wd)));
      if (cal.size === 0) cal = new Calendar(from, to, schoolDay);
      calendars.set(t, cal);
    }
    return cal;
  };
  const bySize = new Weighted(ctx.schools, (s) => Math.sqrt(s.students + s.staff) + 4);
  const todayStart = beijing(ctx.today, 0).getTime();
  const n = scaled(SAFETY_TARGETS.incidents, MIN_ROWS.incidents, ctx.scale);
  const rows: SafetyData['incidents'] = [];
  for (let i = 0; i < n; i++) {
    const s = bySize.pick(rng);
    const type = rng.weighted(INCIDENT_WEIGHT);
    const day = calendarOf(type).pick(rng);
    const minutes =
      type === 'drowning'
        ? rng.int(14 * 60, 18 * 60 + 30)
        : type === 'traffic'
          ? rng.chance(0.5)
            ? rng.int(7 * 60, 8 * 60)
            : rng.int(16 * 60 + 30, 18 * 60)
          : type === 'food_poisoning'
            ? rng.int(13 * 60, 19 * 60)
            : rng.int(8 * 60, 17 * 60 + 30);
    const occurredAt = beijing(day, minutes);
    const { deaths, injuries } = casualties(rng, type);
    const place = rng.pick(INCIDENT_PLACES[type]);
    const publicOpinion = rng.chance(
      0.05 + (deaths > 0 ? 0.3 : 0) + (['food_poisoning', 'bullying', 'sexual_assault'].includes(type) ? 0.15 : 0),
    );
    const county = reviewerOf(s);
    const schoolUser = ctx.users.get(s.id)!;

    // The chain: minutes to hours between the first four stages, then follow-ups and the final report days later.
    const stages: [ReportStage, number, string][] = [];
    let t = occurredAt.getTime() + rng.int(10, 60) * 60_000;
    stages.push(['school_report', t, rng.chance(0.9) ? schoolUser : county]);
    t += rng.int(5, 30) * 60_000;
    stages.push(['county_received', t, county]);
    t += rng.int(30, 150) * 60_000;
    stages.push(['county_report', t, county]);
    t += rng.int(5, 40) * 60_000;
    stages.push(['city_received', t, CITY_USER]);
    const followUps = (rng.chance(0.5) ? 1 : 0) + (deaths > 0 && rng.chance(0.5) ? 1 : 0);
    for (let k = 0; k < followUps; k++) {
      t += rng.int(120, 1440) * 60_000;
      stages.push(['follow_up', t, rng.chance(0.5) ? schoolUser : county]);
    }
    if (rng.chance(0.82)) {
      t += rng.int(1, 10) * DAY_MS + rng.int(0, 240) * 60_000;
      stages.push(['final_report', t, county]);
    }
    const chain = stages
      .filter(([, at]) => at < todayStart)
      .map(([stage, at, by]) => ({ stage, note: rng.pick(STAGE_NOTES[stage]), reportedBy: by, reportedAt: new Date(at) }));
    rows.push({
      schoolId: s.id,
      unitCode: s.unitCode,
      type,
      occurredAt,
      place,
      deaths,
      injuries,
      publicOpinion,
      summary: incidentSummary(rng, type, place, deaths, injuries, isoDay(day)),
      status: chain.some((c) => c.stage === 'final_report') ? 'closed' : 'handling',
      chainState: chainState(chain.map((c) => c.stage)),
      createdBy: chain[0]!.reportedBy,
      createdAt: chain[0]!.reportedAt,
      version: chain.length,
      chain,
    });
  }
  return rows;
}

function casualties(rng: Rng, type: IncidentType): { deaths: number; injuries: number } {
  switch (type) {
    case 'drowning': {
      const deaths = rng.weighted([
        [0, 3],
        [1, 6],
        [2, 1],
      ] as const);
      return { deaths, injuries: deaths === 0 ? rng.int(1, 2) : rng.chance(0.3) ? 1 : 0 };
    }
    case 'traffic':
      return { deaths: rng.chance(0.08) ? 1 : 0, injuries: rng.int(1, 3) };
    case 'accident':
      return { deaths: rng.chance(0.02) ? 1 : 0, injuries: rng.chance(0.85) ? 1 : rng.int(0, 2) };
    case 'food_poisoning':
      return { deaths: 0, injuries: rng.int(5, 40) };
    case 'violence':
      return { deaths: rng.chance(0.03) ? 1 : 0, injuries: rng.int(1, 3) };
    case 'bullying':
    case 'building':
    case 'other':
      return { deaths: 0, injuries: rng.int(0, 2) };
    default:
      return { deaths: 0, injuries: 0 };
  }
}

function incidentSummary(rng: Rng, type: IncidentType, place: string, deaths: number, injuries: number, day: string): string {
  const when = `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
  const outcome =
    deaths > 0
      ? `经全力抢救，${deaths}人不幸死亡${injuries > 0 ? `，${injuries}人受伤` : ''}`
      : injuries > 0
        ? `${injuries}人受伤，已送医治疗，无生命危险`
        : '未造成人员伤亡';
  switch (type) {
    case 'drowning':
      return `${when}下午，该校学生${deaths + injuries || 1}名在${place}玩水时不慎溺水。${outcome}。学校已向县区教育局报告，并再次开展防溺水安全教育。`;
    case 'traffic':
      return `${when}，该校学生在${place}${rng.pick(['被过往车辆刮倒', '乘坐的电动车与货车相撞', '横穿马路时被摩托车撞倒'])}。${outcome}。交警部门已介入调查。`;
    case 'food_poisoning':
      return `${when}午餐后，该校部分学生陆续出现腹痛、呕吐等症状，疑似食物中毒。${outcome}。已封存留样并报告市场监管、卫健部门。`;
    case 'bullying':
      return `${when}，该校${rng.pick(['初二', '初一', '五年级', '六年级'])}学生在${place}发生欺凌事件，${outcome}。学校已约谈双方家长并进行教育处理。`;
    case 'violence':
      return `${when}，${place}发生一起针对学生的暴力伤害事件，${outcome}。公安机关已控制嫌疑人。`;
    case 'fire':
      return `${when}，${place}发生火情，学校及时组织疏散并扑灭，${outcome}。已排查全校用电和消防设施。`;
    case 'epidemic':
      return `${when}起，该校出现${rng.pick(['流感', '水痘', '诺如病毒感染', '手足口病'])}聚集性病例${rng.int(5, 30)}例，已按规定报告疾控部门并落实晨午检、消毒和隔离措施。`;
    case 'building':
      return `${when}，${place}发生${rng.pick(['墙体局部脱落', '屋檐瓦片掉落', '围墙局部倒塌'])}，${outcome}。已封闭现场并组织房屋安全鉴定。`;
    case 'sexual_assault':
      return `${when}，接家长反映，该校一名学生在${place}受到不法侵害，学校已第一时间报警并配合公安机关调查，做好心理疏导和隐私保护。`;
    case 'accident':
      return `${when}，该校学生在${place}${ACCIDENTS[place] ?? '摔倒受伤'}，${outcome}。学校已通知家长并做好安全提醒。`;
    default:
      return `${when}，该校在${place}发生一起安全事件，${outcome}。学校已妥善处置并报告。`;
  }
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Inserts rows 2,000 at a time, each chunk as one JSON parameter expanded by json_populate_recordset: ~90,000 rows
 * go in a few seconds on both engines, where drizzle's multi-row VALUES builder alone needs over ten seconds (and
 * 2,000 rows × 22 columns as bind parameters come close to PostgreSQL's 65,535 limit).
 */
async function insertRows(tx: Tx, table: PgTable, rows: readonly Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]!);
  const names = keys.map((k) => {
    const col = columns[k];
    if (!col) throw new Error(`${getTableName(table)} has no column ${k}`);
    return col.keyAsName ? toSnakeCase(col.name) : col.name; // the schema's snake_case casing
  });
  const list = sql.raw(names.map((n) => `"${n}"`).join(', '));
  const name = sql.identifier(getTableName(table));
  for (let i = 0; i < rows.length; i += 2000) {
    const json = JSON.stringify(rows.slice(i, i + 2000).map((r) => Object.fromEntries(keys.map((k, j) => [names[j], r[k] ?? null]))));
    await tx.execute(sql`insert into ${name} (${list}) select ${list} from json_populate_recordset(null::${name}, ${json}::json)`);
  }
}

/** Takes `n` ids from a table's serial sequence, so that rows can be inserted with ids other rows already point to. */
async function reserveIds(tx: Tx, table: PgTable, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await tx
    .select({ id: sql<number>`nextval(pg_get_serial_sequence(${getTableName(table)}, 'id'))::int` })
    .from(sql`generate_series(1, ${n}::int)`);
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Generates the safety demo data and inserts it in `tx` (the seed's one transaction). No audit rows: seed data. */
export async function seedSafety(tx: Tx, opts: SafetySeedOptions): Promise<SafetyVolumes> {
  const data = generateSafetyData(opts);
  const inspectionIds = await reserveIds(tx, safetyInspections, data.inspections.length);
  const incidentIds = await reserveIds(tx, safetyIncidents, data.incidents.length);
  const hazards = data.hazards.map(({ inspection, ...h }) => ({
    ...h,
    inspectionId: inspection === null ? null : inspectionIds[inspection]!,
  }));
  const reports = data.incidents.flatMap((inc, k) => inc.chain.map((r) => ({ incidentId: incidentIds[k]!, ...r })));
  const tables = [safetyProfiles, safetyInspections, safetyHazards, safetyActivities, safetyIncidents, safetyIncidentReports];
  await withBulkLoad(tx, tables, async () => {
    await insertRows(tx, safetyProfiles, data.profiles);
    await insertRows(
      tx,
      safetyInspections,
      data.inspections.map((r, k) => ({ id: inspectionIds[k]!, ...r })),
    );
    await insertRows(tx, safetyHazards, hazards);
    await insertRows(tx, safetyActivities, data.activities);
    await insertRows(
      tx,
      safetyIncidents,
      data.incidents.map(({ chain: _chain, ...i }, k) => ({ id: incidentIds[k]!, ...i })),
    );
    await insertRows(tx, safetyIncidentReports, reports);
  });
  // Statistics for the planner at once: PGlite has no autovacuum, and on PostgreSQL the first minutes after the seed
  // would otherwise plan the lists with empty-table estimates (a text search on hazards: full scan vs. stopping at 20).
  await tx.execute(
    sql`analyze ${sql.join(
      [...tables, registry].map((t) => sql.identifier(getTableName(t))),
      sql`, `,
    )}`,
  );
  return {
    profiles: data.profiles.length,
    inspections: data.inspections.length,
    hazards: hazards.length,
    activities: data.activities.length,
    incidents: data.incidents.length,
    incidentReports: reports.length,
  };
}
