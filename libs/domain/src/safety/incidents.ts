import { z } from 'zod';
import { dateTimeField, SchoolRef } from '../bounds.ts';
import { textField } from '../text.ts';

/** 安全事件 types (docs/domain/safety.md Incident); the topics of item 4 plus the usual campus events. */
export const IncidentType = z.enum(
  ['drowning', 'traffic', 'fire', 'bullying', 'violence', 'sexual_assault', 'food_poisoning', 'epidemic', 'building', 'accident', 'other'],
  { message: '请选择事件类型' },
);
export type IncidentType = z.infer<typeof IncidentType>;
export const INCIDENT_TYPE_LABELS: Record<IncidentType, string> = {
  drowning: '溺水',
  traffic: '交通事故',
  fire: '火灾',
  bullying: '校园欺凌',
  violence: '暴力伤害',
  sexual_assault: '性侵害',
  food_poisoning: '食物中毒',
  epidemic: '传染病疫情',
  building: '校舍安全',
  accident: '意外伤害',
  other: '其他',
};

/** Handling: 处置中 until the final report closes it. */
export const IncidentStatus = z.enum(['handling', 'closed']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = { handling: '处置中', closed: '已结案' };

/**
 * The reporting chain (报送链): who reported or received the incident, at what time. A school reports (初报), the
 * county receives it and reports on to the city, the city receives it; follow-ups (续报) at any level; a final
 * report (终报) closes the incident. Each entry is stamped by the server at the moment it is recorded.
 */
export const ReportStage = z.enum(['school_report', 'county_received', 'county_report', 'city_received', 'follow_up', 'final_report'], {
  message: '请选择报送环节',
});
export type ReportStage = z.infer<typeof ReportStage>;
export const REPORT_STAGE_LABELS: Record<ReportStage, string> = {
  school_report: '学校初报',
  county_received: '县区接报',
  county_report: '县区上报市局',
  city_received: '市局接报',
  follow_up: '续报',
  final_report: '终报',
};
export type ReporterLevel = 'school' | 'county' | 'city';
const STAGE_LEVEL: Record<ReportStage, readonly ReporterLevel[]> = {
  school_report: ['school', 'county', 'city'],
  county_received: ['county', 'city'],
  county_report: ['county', 'city'],
  city_received: ['city'],
  follow_up: ['school', 'county', 'city'],
  final_report: ['county', 'city'],
};
const ORDER: readonly ReportStage[] = ['school_report', 'county_received', 'county_report', 'city_received'];

/**
 * May `level` add `stage` to a chain that already has `done`? The first four stages happen once each and in order;
 * 续报 after the 初报; 终报 once, and nothing after it. Null when allowed, else the reason in Chinese.
 */
export function chainRefusal(done: readonly ReportStage[], stage: ReportStage, level: ReporterLevel): string | null {
  if (!STAGE_LEVEL[stage].includes(level))
    return `“${REPORT_STAGE_LABELS[stage]}”不能由${level === 'school' ? '学校' : level === 'county' ? '县区教育局' : '市教育局'}填写`;
  if (done.includes('final_report')) return '事件已终报结案，不能再报送';
  if (done.includes(stage) && stage !== 'follow_up') return `“${REPORT_STAGE_LABELS[stage]}”已记录`;
  const i = ORDER.indexOf(stage);
  if (i > 0 && !done.includes(ORDER[i - 1]!)) return `请先记录“${REPORT_STAGE_LABELS[ORDER[i - 1]!]}”`;
  if ((stage === 'follow_up' || stage === 'final_report') && !done.includes('school_report')) return '请先记录“学校初报”';
  return null;
}

export const IncidentInput = z
  .object({
    schoolId: SchoolRef,
    type: IncidentType,
    /** When it happened, as an ISO timestamp (the form sends Beijing local time with +08:00). */
    occurredAt: dateTimeField('请填写发生时间'),
    place: textField(100, '发生地点').pipe(z.string().min(2, { message: '请填写发生地点' })),
    deaths: z
      .number({ message: '死亡人数应为整数' })
      .int({ message: '死亡人数应为整数' })
      .min(0, { message: '死亡人数不能为负' })
      .max(1000),
    injuries: z
      .number({ message: '受伤人数应为整数' })
      .int({ message: '受伤人数应为整数' })
      .min(0, { message: '受伤人数不能为负' })
      .max(10_000),
    publicOpinion: z.boolean({ message: '请选择是否引发舆情' }),
    summary: textField(2000, '事件经过').pipe(z.string().min(10, { message: '事件经过至少写10个字' })),
  })
  .strict();
export type IncidentInput = z.infer<typeof IncidentInput>;
