import { z } from 'zod';

/** Hazard categories: the seed's special-education topics plus school buildings, surroundings and facilities (domain.md §2.1). */
export const HazardCategory = z.enum(['school_bus', 'fire', 'drugs_aids', 'drowning', 'sexual_assault', 'bullying', 'violence', 'traffic', 'epidemic', 'food_water', 'buildings', 'surroundings', 'facilities'], { message: '请选择隐患类别' });
export type HazardCategory = z.infer<typeof HazardCategory>;
export const HAZARD_CATEGORY_LABELS: Record<HazardCategory, string> = {
  school_bus: '校车', fire: '消防', drugs_aids: '禁毒防艾', drowning: '防溺水', sexual_assault: '防性侵', bullying: '防欺凌', violence: '防暴力伤害', traffic: '交通安全',
  epidemic: '传染病防控', food_water: '食品饮用水安全', buildings: '校舍', surroundings: '周边环境', facilities: '设施设备',
};
export const Severity = z.enum(['ordinary', 'major'], { message: '请选择严重程度' });
export type Severity = z.infer<typeof Severity>;
export const SEVERITY_LABELS: Record<Severity, string> = { ordinary: '一般', major: '重大' };

/** 待整改 → 整改中 → 待验收 → 已销号 (“挂账销号”); a return at 验收 sends it back to 整改中 with a reason. */
export const HazardStatus = z.enum(['pending', 'rectifying', 'awaiting_acceptance', 'closed']);
export type HazardStatus = z.infer<typeof HazardStatus>;
export const HAZARD_STATUS_LABELS: Record<HazardStatus, string> = { pending: '待整改', rectifying: '整改中', awaiting_acceptance: '待验收', closed: '已销号' };

export type HazardAction = 'start' | 'submit' | 'return' | 'close';
const NEXT: Record<HazardAction, { from: HazardStatus; to: HazardStatus; label: string }> = {
  start: { from: 'pending', to: 'rectifying', label: '开始整改' },
  submit: { from: 'rectifying', to: 'awaiting_acceptance', label: '提交验收' },
  return: { from: 'awaiting_acceptance', to: 'rectifying', label: '退回' },
  close: { from: 'awaiting_acceptance', to: 'closed', label: '验收销号' },
};

/** The status after an action, or the Chinese reason it is refused. A return needs a reason. */
export function hazardTransition(status: HazardStatus, action: HazardAction, reason?: string): { ok: true; to: HazardStatus } | { ok: false; message: string } {
  const step = NEXT[action];
  if (status !== step.from) return { ok: false, message: `隐患当前为“${HAZARD_STATUS_LABELS[status]}”，不能${step.label}` };
  if (action === 'return' && !reason?.trim()) return { ok: false, message: '退回必须填写原因' };
  return { ok: true, to: step.to };
}

/** Overdue: the rectification deadline (a Beijing date) has passed and the hazard is not closed (domain.md §2.1). */
export const hazardOverdue = (h: { status: HazardStatus; deadline: string | null }, today: string): boolean => h.status !== 'closed' && h.deadline !== null && h.deadline < today;

/** A 重大 hazard is visible to the city at once (“重大隐患 escalates to L1 automatically”). */
export const escalatesToCity = (h: { severity: Severity }): boolean => h.severity === 'major';

/** 隐患整改销号率: closed ÷ registered (null when none is registered). */
export const closureRate = (hazards: readonly { status: HazardStatus }[]): number | null =>
  hazards.length === 0 ? null : hazards.filter((h) => h.status === 'closed').length / hazards.length;
