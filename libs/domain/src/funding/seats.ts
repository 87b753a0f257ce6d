import { z } from 'zod';
import { RecordId, RecordVersion } from '../bounds.ts';
import { daysBetween, IsoDate } from '../date.ts';
import { DivisionCode } from '../org.ts';
import { requiredText, textField } from '../text.ts';
import { budgetFen } from './spending.ts';

/**
 * 学位建设 (seed item 9; docs/domain/funding.md): the city's new school places, built by projects. Each project has a
 * kind (新建/改扩建/挖潜/购买学位), a sector (普通中小学 or 职业学校) and an area (城区 or 农村) — the seed's own split of
 * the target — planned places and investment, and five milestones 立项 → 开工 → 主体完工 → 竣工验收 → 投入使用, each
 * with a planned and an actual date. Places count as delivered when the project is 投入使用 within the plan's window.
 */

export const ProjectKind = z.enum(['new_build', 'expansion', 'internal', 'purchase'], { message: '请选择建设方式' });
export type ProjectKind = z.infer<typeof ProjectKind>;
export const PROJECT_KIND_LABELS: Record<ProjectKind, { zh: string; en: string }> = {
  new_build: { zh: '新建', en: 'New build' },
  expansion: { zh: '改扩建', en: 'Rebuild / extension' },
  internal: { zh: '挖潜', en: 'Internal capacity' },
  purchase: { zh: '购买学位', en: 'Purchased places' },
};

/** The seed's split of the target: 普通中小学 vs 职业学校, 城区 vs 农村. */
export const SeatSector = z.enum(['general', 'vocational'], { message: '请选择学校类别' });
export type SeatSector = z.infer<typeof SeatSector>;
export const SEAT_SECTOR_LABELS: Record<SeatSector, { zh: string; en: string }> = {
  general: { zh: '普通中小学', en: 'Schools' },
  vocational: { zh: '职业学校', en: 'Vocational schools' },
};
export const SeatArea = z.enum(['urban', 'rural'], { message: '请选择城区或农村' });
export type SeatArea = z.infer<typeof SeatArea>;
export const SEAT_AREA_LABELS: Record<SeatArea, { zh: string; en: string }> = {
  urban: { zh: '城区', en: 'Urban' },
  rural: { zh: '农村', en: 'Rural' },
};

/** The milestones in order. */
export const MILESTONES = ['approved', 'started', 'topped_out', 'accepted', 'in_use'] as const;
export const Milestone = z.enum(MILESTONES, { message: '请选择节点' });
export type Milestone = z.infer<typeof Milestone>;
export const MILESTONE_LABELS: Record<Milestone, { zh: string; en: string }> = {
  approved: { zh: '立项', en: 'Approved' },
  started: { zh: '开工', en: 'Started' },
  topped_out: { zh: '主体完工', en: 'Structure complete' },
  accepted: { zh: '竣工验收', en: 'Completion accepted' },
  in_use: { zh: '投入使用', en: 'In use' },
};
/** A project that buys places from a private school has no building: its milestones are 立项 and 投入使用 only. */
export function milestonesOf(kind: ProjectKind): readonly Milestone[] {
  return kind === 'purchase' ? ['approved', 'in_use'] : MILESTONES;
}

/** Shortfalls the seed names (对标省定办学标准): 大班额, 乡镇寄宿制学校, 乡村小规模学校. */
export const SHORTFALL_FLAGS = ['large_class', 'boarding', 'small_school'] as const;
export const ShortfallFlag = z.enum(SHORTFALL_FLAGS, { message: '请选择短板类别' });
export type ShortfallFlag = z.infer<typeof ShortfallFlag>;
export const SHORTFALL_LABELS: Record<ShortfallFlag, { zh: string; en: string }> = {
  large_class: { zh: '消除大班额', en: 'Large classes' },
  boarding: { zh: '乡镇寄宿制学校', en: 'Boarding schools' },
  small_school: { zh: '乡村小规模学校', en: 'Small rural schools' },
};

/** Places a project adds: none for a project that adds no places (a 后勤综合楼, a dormitory). */
export const Seats = z
  .number({ message: '学位数应为数字' })
  .int({ message: '学位数应为整数' })
  .min(0, { message: '学位数不能为负数' })
  .max(100_000, { message: '学位数过大' });

const MilestonePlan = z.partialRecord(Milestone, IsoDate);

/** A project as its county (or the city's 科室 for a 局直 project) enters it. */
export const SeatProjectInput = z
  .object({
    unitCode: DivisionCode,
    schoolId: RecordId.optional(),
    name: requiredText(60, '项目名称'),
    kind: ProjectKind,
    sector: SeatSector,
    area: SeatArea,
    plannedSeats: Seats,
    investment: budgetFen('计划总投资'),
    flags: z.array(ShortfallFlag).max(SHORTFALL_FLAGS.length, { message: '短板类别重复' }).optional(),
    planned: MilestonePlan,
    note: textField(1000, '说明').optional(),
  })
  .strict();
export type SeatProjectInput = z.infer<typeof SeatProjectInput>;

export const SeatProjectUpdate = SeatProjectInput.omit({ unitCode: true })
  .extend({ id: RecordId, expectedVersion: RecordVersion })
  .strict();

/** Recording that a milestone was reached: its date, and at 投入使用 the places actually delivered. */
export const MilestoneReached = z
  .object({
    id: RecordId,
    expectedVersion: RecordVersion,
    milestone: Milestone,
    on: IsoDate,
    deliveredSeats: Seats.optional(),
    note: textField(500, '说明').optional(),
  })
  .strict();
export type MilestoneReached = z.infer<typeof MilestoneReached>;

/** The planned dates must follow the milestones' order and every milestone of the kind must be planned. */
export function planRefusal(kind: ProjectKind, planned: Partial<Record<Milestone, string>>) {
  const steps = milestonesOf(kind);
  let last: string | null = null;
  for (const m of steps) {
    const d = planned[m];
    if (!d) return { field: `planned.${m}`, message: `请填写${MILESTONE_LABELS[m].zh}的计划日期` };
    if (last && d < last) return { field: `planned.${m}`, message: `${MILESTONE_LABELS[m].zh}的计划日期不能早于上一节点` };
    last = d;
  }
  for (const m of MILESTONES)
    if (!steps.includes(m) && planned[m]) return { field: `planned.${m}`, message: `购买学位项目没有${MILESTONE_LABELS[m].zh}节点` };
  return null;
}

/**
 * Why a milestone cannot be recorded now: not one of the kind's, the one before not reached, dated before it, in the
 * future, or 投入使用 without the places delivered (a project with planned places).
 */
export function milestoneRefusal(
  project: { kind: ProjectKind; plannedSeats: number; reached: Partial<Record<Milestone, string>> },
  input: Pick<MilestoneReached, 'milestone' | 'on' | 'deliveredSeats'>,
  today: string,
) {
  const steps = milestonesOf(project.kind);
  const i = steps.indexOf(input.milestone);
  const label = MILESTONE_LABELS[input.milestone].zh;
  if (i < 0) return { field: 'milestone', message: `购买学位项目没有${label}节点` };
  if (project.reached[input.milestone]) return { field: 'milestone', message: `${label}已记录` };
  const before = steps[i - 1];
  if (before && !project.reached[before]) return { field: 'milestone', message: `请先记录${MILESTONE_LABELS[before].zh}` };
  if (input.on > today) return { field: 'on', message: '完成日期不能晚于今天' };
  if (before && input.on < project.reached[before]!)
    return { field: 'on', message: `完成日期不能早于${MILESTONE_LABELS[before].zh}（${project.reached[before]}）` };
  if (input.milestone === 'in_use' && project.plannedSeats > 0 && input.deliveredSeats === undefined)
    return { field: 'deliveredSeats', message: '投入使用时请填写实际新增学位数' };
  if (input.milestone !== 'in_use' && input.deliveredSeats !== undefined)
    return { field: 'deliveredSeats', message: '实际新增学位数在投入使用时填写' };
  return null;
}

/** The last milestone reached, or null before 立项. */
export function stageOf(kind: ProjectKind, reached: Partial<Record<Milestone, string>>): Milestone | null {
  let stage: Milestone | null = null;
  for (const m of milestonesOf(kind)) if (reached[m]) stage = m;
  return stage;
}

/** The plan's window: places count when the project went into use within it. */
export interface SeatWindow {
  from: string;
  to: string;
}

/** Places delivered by a project within the window: its delivered places once 投入使用 inside the window, else 0. */
export function seatsDelivered(p: { inUseOn: string | null; deliveredSeats: number | null }, window: SeatWindow): number {
  if (!p.inUseOn || p.inUseOn < window.from || p.inUseOn > window.to) return 0;
  return p.deliveredSeats ?? 0;
}

export type ScheduleState = 'done' | 'on_schedule' | 'late';
export const SCHEDULE_LABELS: Record<ScheduleState, { zh: string; en: string }> = {
  done: { zh: '已投入使用', en: 'In use' },
  on_schedule: { zh: '按计划推进', en: 'On schedule' },
  late: { zh: '滞后', en: 'Behind schedule' },
};

export interface Schedule {
  state: ScheduleState;
  /** The first milestone due and not reached (late), or the next one planned (on schedule). */
  milestone: Milestone | null;
  /** Days past its planned date (late), else 0. */
  lateDays: number;
}

/**
 * Whether a project is on schedule on `today`: late when a milestone's planned date has passed and it is not reached
 * (by the first such milestone and its days); done once 投入使用. A milestone reached late but since caught up with
 * is not a delay now (its delay stays visible on the timeline: `milestoneDelay`).
 */
export function projectSchedule(
  kind: ProjectKind,
  planned: Partial<Record<Milestone, string>>,
  reached: Partial<Record<Milestone, string>>,
  today: string,
): Schedule {
  if (reached.in_use) return { state: 'done', milestone: null, lateDays: 0 };
  for (const m of milestonesOf(kind)) {
    if (reached[m]) continue;
    const due = planned[m];
    if (due && due < today) return { state: 'late', milestone: m, lateDays: daysBetween(due, today) };
    return { state: 'on_schedule', milestone: m, lateDays: 0 };
  }
  return { state: 'on_schedule', milestone: null, lateDays: 0 };
}

/** Days a reached milestone came after its plan (0 when on time or early; null when either date is missing). */
export function milestoneDelay(planned: string | undefined, reached: string | undefined): number | null {
  if (!planned || !reached) return null;
  return Math.max(0, daysBetween(planned, reached));
}

/** One row of the allocation of the target: a unit's places of one sector and area. */
export const AllocationRow = z.object({ unitCode: DivisionCode, sector: SeatSector, area: SeatArea, seats: Seats }).strict();
export type AllocationRow = z.infer<typeof AllocationRow>;
export const AllocationInput = z
  .object({
    year: z.number().int().min(2000).max(2100),
    rows: z.array(AllocationRow).max(200, { message: '分配行数过多' }),
    expectedVersion: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
  })
  .strict();
export type AllocationInput = z.infer<typeof AllocationInput>;

/** The allocation must cover each unit/sector/area once and add up to the target exactly. */
export function allocationRefusal(rows: readonly AllocationRow[], target: number, units: readonly string[]) {
  const seen = new Set<string>();
  for (const [i, r] of rows.entries()) {
    if (!units.includes(r.unitCode)) return { field: `rows.${i}.unitCode`, message: '该单位不在学位建设范围内' };
    const key = `${r.unitCode}:${r.sector}:${r.area}`;
    if (seen.has(key)) return { field: `rows.${i}.unitCode`, message: '同一单位、类别和城乡只能分配一次' };
    seen.add(key);
  }
  const sum = rows.reduce((a, r) => a + r.seats, 0);
  if (sum !== target)
    return { field: 'rows', message: `分配合计${sum.toLocaleString('zh-CN')}个，应等于目标${target.toLocaleString('zh-CN')}个` };
  return null;
}

export const SeatProjectId = z.object({ id: RecordId }).strict();
export { MilestonePlan };
