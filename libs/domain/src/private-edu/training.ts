import { z } from 'zod';
import { RecordId, RecordVersion } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { DivisionCode } from '../org.ts';
import { requiredText, textField } from '../text.ts';
import { Uscc } from '../uscc.ts';
import { defineWorkflow, stateLabels, stepEnum } from '../workflow/workflow.ts';

/**
 * 校外培训机构 under 双减 (seed item 6; docs/domain/private-education.md “双减 and off-campus training”). The national
 * 校外教育培训监管与服务综合平台 is the authority for institutions, prepaid-fee supervision and risk warnings: the register
 * here is the city's own approval register (the denominator of 入驻率), it keeps the platform's institution id and never
 * re-keys the platform's balances; the platform's exported list comes in as a snapshot (资金监管覆盖率).
 */

/** 学科类 / 非学科类 (教监管厅函〔2021〕3号, 2021-07-28). */
export const TrainingCategory = z.enum(['academic', 'non_academic'], { message: '请选择培训类别' });
export type TrainingCategory = z.infer<typeof TrainingCategory>;
export const TRAINING_CATEGORY_LABELS: Record<TrainingCategory, string> = { academic: '学科类', non_academic: '非学科类' };

/** 非学科类 by its supervising department: 体育 → 体育部门, 文化艺术 → 文旅, 科技 → 科技, else 其他. */
export const TrainingSubType = z.enum(['sports', 'arts', 'science', 'other'], { message: '请选择非学科类类别' });
export type TrainingSubType = z.infer<typeof TrainingSubType>;
export const TRAINING_SUBTYPE_LABELS: Record<TrainingSubType, string> = {
  sports: '体育',
  arts: '文化艺术',
  science: '科技',
  other: '其他',
};

/** 面向: the stage of the pupils it trains. */
export const TrainingStage = z.enum(['preschool', 'compulsory', 'senior'], { message: '请选择培训对象' });
export type TrainingStage = z.infer<typeof TrainingStage>;
export const TRAINING_STAGE_LABELS: Record<TrainingStage, string> = { preschool: '学前', compulsory: '义务教育', senior: '普通高中' };

export const TrainingMode = z.enum(['offline', 'online'], { message: '请选择培训形式' });
export type TrainingMode = z.infer<typeof TrainingMode>;
export const TRAINING_MODE_LABELS: Record<TrainingMode, string> = { offline: '线下', online: '线上' };

/** 营利 (a company, USCC 91…) / 非营利 (民办非企业单位, USCC 52…). */
export const TrainingNature = z.enum(['for_profit', 'non_profit'], { message: '请选择机构性质' });
export type TrainingNature = z.infer<typeof TrainingNature>;
export const TRAINING_NATURE_LABELS: Record<TrainingNature, string> = { for_profit: '营利性', non_profit: '非营利性' };

export const TrainingStatus = z.enum(['operating', 'suspended', 'deregistered'], { message: '请选择经营状态' });
export type TrainingStatus = z.infer<typeof TrainingStatus>;
export const TRAINING_STATUS_LABELS: Record<TrainingStatus, string> = { operating: '正常', suspended: '停业', deregistered: '注销' };

/** 预收费监管 (教监管函〔2021〕2号): 银行托管 or 风险保证金, else not yet supervised. */
export const FeeSupervision = z.enum(['bank_custody', 'risk_deposit', 'none'], { message: '请选择预收费监管方式' });
export type FeeSupervision = z.infer<typeof FeeSupervision>;
export const FEE_SUPERVISION_LABELS: Record<FeeSupervision, string> = {
  bank_custody: '银行托管',
  risk_deposit: '风险保证金',
  none: '未纳入',
};
/** The modes that count as 纳入资金监管. */
export const SUPERVISED_FEE_MODES: readonly FeeSupervision[] = ['bank_custody', 'risk_deposit'];

export const TrainingStaffRole = z.enum(['teacher', 'other'], { message: '请选择人员类别' });
export type TrainingStaffRole = z.infer<typeof TrainingStaffRole>;
export const TRAINING_STAFF_ROLE_LABELS: Record<TrainingStaffRole, string> = { teacher: '教学人员', other: '其他人员' };

/**
 * 营改非 (校外教育培训监管司 notice of 2021-10-12): a 义务教育 学科类 institution registered 营利 becomes 非营利 —
 * ① 换发新办学许可证 at the original approver ② 凭新证向同级民政部门登记民办非企业单位 ③ within 7 working days 变更营业执照
 * 经营范围 or 注销; then done. 终止 (the institution stops instead, or turns to 非学科类) from any open state, with a reason.
 * Taken by the county (the approver) or the city. National deadline 2021-12-31.
 */
export const TRAINING_CONVERSION_WORKFLOW = defineWorkflow({
  key: 'privateEdu.trainingConversion',
  noun: { zh: '营改非', en: 'conversion to non-profit' },
  states: ['not_started', 'relicensing', 'civil_registration', 'business_licence', 'done', 'terminated'],
  stateLabels: {
    not_started: { zh: '未启动', en: 'Not started' },
    relicensing: { zh: '换证', en: 'New licence' },
    civil_registration: { zh: '民政登记', en: 'Civil-affairs registration' },
    business_licence: { zh: '执照变更/注销', en: 'Business licence changed or cancelled' },
    done: { zh: '完成', en: 'Done' },
    terminated: { zh: '终止', en: 'Terminated' },
  },
  initial: 'not_started',
  turn: {
    not_started: ['county'],
    relicensing: ['county'],
    civil_registration: ['county'],
    business_licence: ['county'],
    done: [],
    terminated: [],
  },
  steps: {
    relicense: {
      label: { zh: '换发办学许可证', en: 'Issue the new licence' },
      from: ['not_started'],
      to: 'relicensing',
      by: ['county', 'city'],
    },
    register: {
      label: { zh: '民政登记', en: 'Register with civil affairs' },
      from: ['relicensing'],
      to: 'civil_registration',
      by: ['county', 'city'],
    },
    changeLicence: {
      label: { zh: '变更或注销营业执照', en: 'Change or cancel the business licence' },
      from: ['civil_registration'],
      to: 'business_licence',
      by: ['county', 'city'],
    },
    complete: { label: { zh: '确认完成', en: 'Confirm done' }, from: ['business_licence'], to: 'done', by: ['county', 'city'] },
    terminate: {
      label: { zh: '终止', en: 'Terminate' },
      from: ['not_started', 'relicensing', 'civil_registration', 'business_licence'],
      to: 'terminated',
      by: ['county', 'city'],
      reason: true,
    },
  },
});
export const TrainingConversionState = z.enum(TRAINING_CONVERSION_WORKFLOW.states, { message: '营改非状态不存在' });
export type TrainingConversionState = z.infer<typeof TrainingConversionState>;
export const TRAINING_CONVERSION_LABELS = stateLabels(TRAINING_CONVERSION_WORKFLOW, 'zh');
export const TrainingConversionAction = stepEnum(TRAINING_CONVERSION_WORKFLOW);
export type TrainingConversionAction = z.infer<typeof TrainingConversionAction>;
/** The national deadline for 营改非 (notice of 2021-10-12). */
export const TRAINING_CONVERSION_DEADLINE = '2021-12-31';

/** Whether an institution must go through 营改非: 学科类, for 义务教育 pupils, registered 营利. */
export const needsConversion = (i: { category: TrainingCategory; stage: TrainingStage; nature: TrainingNature }) =>
  i.category === 'academic' && i.stage === 'compulsory' && i.nature === 'for_profit';

/** The default base date of 学科类 reduction: the 双减 opinion's date (中办国办, 2021-07-24); configurable. */
export const DEFAULT_REDUCTION_BASE_DATE = '2021-07-24';

/** What `academicOn` reads of an institution. */
export interface AcademicDates {
  category: TrainingCategory;
  approvedOn: string;
  deregisteredOn: string | null;
  leftAcademicOn: string | null;
}

/**
 * Whether an institution was a 学科类 institution on `date`: approved on or before it, not closed (注销) by then, and
 * 学科类 then — now 学科类, or now 非学科类 but turned so (`leftAcademicOn`) after the date.
 */
export function academicOn(i: AcademicDates, date: string): boolean {
  if (i.approvedOn > date) return false;
  if (i.deregisteredOn && i.deregisteredOn <= date) return false;
  return i.category === 'academic' || (i.leftAcademicOn !== null && i.leftAcademicOn > date);
}

/** 学科类培训机构压减率 = (基数 − 存量) ÷ 基数; null without a base. Negative when the stock grew. */
export function subjectReduction(base: number, current: number): number | null {
  return base > 0 ? (base - current) / base : null;
}

/** 入驻率 = institutions approved here that appear on the national platform ÷ institutions approved here; null without any. */
export function platformOnboarding(onPlatform: number, approved: number): number | null {
  return approved > 0 ? onPlatform / approved : null;
}

/** 资金监管覆盖率 = institutions of the platform's list 纳入资金监管 ÷ institutions on the list; null without a list. */
export function feeSupervisionCoverage(supervised: number, listed: number): number | null {
  return listed > 0 ? supervised / listed : null;
}

/** The national platform's institution id: letters, digits and dashes. */
export const PlatformId = z
  .string({ message: '全国平台机构编号应为文本' })
  .trim()
  .regex(/^[0-9A-Za-z-]{4,40}$/, { message: '全国平台机构编号应为4至40位字母、数字或连字符' });

const area = z
  .number({ message: '请填写场所面积' })
  .int({ message: '场所面积应为整数（平方米）' })
  .positive({ message: '场所面积应大于0' })
  .max(1_000_000, { message: '场所面积过大' });

export const TrainingStaffInput = z
  .object({
    name: requiredText(40, '姓名'),
    role: TrainingStaffRole,
    subject: textField(40, '任教科目').optional(),
    certificateNo: z
      .string({ message: '教师资格证号应为文本' })
      .trim()
      .regex(/^$|^[0-9A-Za-z]{8,20}$/, { message: '教师资格证号应为8至20位字母或数字' })
      .optional(),
  })
  .strict();
export type TrainingStaffInput = z.infer<typeof TrainingStaffInput>;

/** At most this many staff on one record (the page edits them with the institution). */
export const MAX_TRAINING_STAFF = 200;

const institutionFields = {
  name: requiredText(100, '机构名称', 2),
  uscc: Uscc,
  licenceNo: requiredText(50, '办学许可证号'),
  licenceValidUntil: IsoDate.optional(),
  approvedOn: IsoDate,
  address: requiredText(200, '培训场所地址'),
  floorArea: area,
  trainingCategory: TrainingCategory,
  subType: TrainingSubType.optional(),
  trainingStage: TrainingStage,
  mode: TrainingMode,
  nature: TrainingNature,
  operatingStatus: TrainingStatus,
  deregisteredOn: IsoDate.optional(),
  leftAcademicOn: IsoDate.optional(),
  platformId: PlatformId.optional(),
  feeSupervision: FeeSupervision,
  whiteList: z.boolean({ message: '白名单应为是或否' }),
  staff: z.array(TrainingStaffInput).max(MAX_TRAINING_STAFF, { message: `人员最多${MAX_TRAINING_STAFF}名` }),
};

/** A refusal of one field, in Chinese. */
export interface TrainingRefusal {
  field: string;
  message: string;
}

/**
 * The rules across fields, all at once: a 非学科类 institution names its sub-type (a 学科类 one none); a 学科类
 * institution's teachers each have a 教师资格证号; 注销 has its date and only 注销 has one; 转为非学科类 only for a
 * 非学科类 institution and not before its approval; no date after today.
 */
export function trainingRefusals(i: z.infer<z.ZodObject<typeof institutionFields>>, today: string): TrainingRefusal[] {
  const out: TrainingRefusal[] = [];
  if (i.trainingCategory === 'non_academic' && !i.subType) out.push({ field: 'subType', message: '非学科类培训机构请选择类别' });
  if (i.trainingCategory === 'academic' && i.subType) out.push({ field: 'subType', message: '学科类培训机构不分非学科类类别' });
  if (i.trainingCategory === 'academic')
    i.staff.forEach((s, n) => {
      if (s.role === 'teacher' && !s.certificateNo)
        out.push({ field: `staff.${n}.certificateNo`, message: '学科类培训机构的教学人员请填写教师资格证号' });
    });
  if (i.operatingStatus === 'deregistered' && !i.deregisteredOn) out.push({ field: 'deregisteredOn', message: '请填写注销日期' });
  if (i.operatingStatus !== 'deregistered' && i.deregisteredOn)
    out.push({ field: 'deregisteredOn', message: '只有注销的机构填写注销日期' });
  if (i.deregisteredOn && i.deregisteredOn < i.approvedOn) out.push({ field: 'deregisteredOn', message: '注销日期不能早于审批日期' });
  if (i.leftAcademicOn && i.trainingCategory === 'academic')
    out.push({ field: 'leftAcademicOn', message: '只有非学科类机构填写转为非学科类日期' });
  if (i.leftAcademicOn && i.leftAcademicOn < i.approvedOn)
    out.push({ field: 'leftAcademicOn', message: '转为非学科类日期不能早于审批日期' });
  for (const f of ['approvedOn', 'deregisteredOn', 'leftAcademicOn'] as const)
    if (i[f] && i[f] > today) out.push({ field: f, message: '日期不能晚于今天' });
  if (i.licenceValidUntil && i.licenceValidUntil < i.approvedOn)
    out.push({ field: 'licenceValidUntil', message: '许可证有效期不能早于审批日期' });
  return out;
}

/** A new institution of the register, in the county `unitCode`. */
export const TrainingInput = z.object({ unitCode: DivisionCode, ...institutionFields }).strict();
export type TrainingInput = z.infer<typeof TrainingInput>;

/** A correction of an institution (its county stays), guarded by version. */
export const TrainingUpdate = z.object({ id: RecordId, expectedVersion: RecordVersion, ...institutionFields }).strict();
export type TrainingUpdate = z.infer<typeof TrainingUpdate>;

/** 监管力量 of one county (seed item 6: 落实好专门机构和工作力量): a dedicated supervision body, its name and staff. */
export const TrainingCapacityInput = z
  .object({
    unitCode: DivisionCode,
    expectedVersion: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    hasBody: z.boolean({ message: '请选择是否设立专门监管机构' }),
    bodyName: textField(100, '专门监管机构名称').optional(),
    fullTimeStaff: z
      .number({ message: '请填写专职人员数' })
      .int({ message: '专职人员数应为整数' })
      .min(0, { message: '专职人员数不能为负数' })
      .max(1000, { message: '专职人员数过大' }),
    partTimeStaff: z
      .number({ message: '请填写兼职人员数' })
      .int({ message: '兼职人员数应为整数' })
      .min(0, { message: '兼职人员数不能为负数' })
      .max(1000, { message: '兼职人员数过大' }),
    enforcementStaff: z
      .number({ message: '请填写执法人员数' })
      .int({ message: '执法人员数应为整数' })
      .min(0, { message: '执法人员数不能为负数' })
      .max(1000, { message: '执法人员数过大' }),
    note: textField(500, '说明').optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.hasBody && !c.bodyName) ctx.addIssue({ code: 'custom', path: ['bodyName'], message: '请填写专门监管机构名称' });
    if (!c.hasBody && c.bodyName) ctx.addIssue({ code: 'custom', path: ['bodyName'], message: '未设立专门监管机构时不填写名称' });
  });
export type TrainingCapacityInput = z.infer<typeof TrainingCapacityInput>;

/** A platform row matched to the register: by the national id, else by USCC. */
export function matchPlatformRow<T extends { id: number; platformId: string | null; uscc: string }>(
  row: { platformId: string; uscc: string | null },
  byPlatformId: ReadonlyMap<string, T>,
  byUscc: ReadonlyMap<string, T>,
): T | null {
  return byPlatformId.get(row.platformId) ?? (row.uscc ? (byUscc.get(row.uscc) ?? null) : null);
}
