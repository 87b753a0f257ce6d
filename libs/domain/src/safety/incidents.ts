import { z } from 'zod';
import { dateTimeField, SchoolRef } from '../bounds.ts';
import { textField } from '../text.ts';
import { defineWorkflow, stepEnum } from '../workflow/workflow.ts';

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
const LEVEL_NAMES: Record<ReporterLevel, string> = { school: '学校', county: '县区教育局', city: '市教育局' };
const CLOSED = '事件已终报结案，不能再报送';
/** The refusal for each level that may not record `stage`: 「“县区接报”不能由学校填写」. */
const notBy = (stage: ReportStage, by: readonly ReporterLevel[]) =>
  Object.fromEntries(
    (Object.keys(LEVEL_NAMES) as ReporterLevel[])
      .filter((l) => !by.includes(l))
      .map((l) => [l, `“${REPORT_STAGE_LABELS[stage]}”不能由${LEVEL_NAMES[l]}填写`]),
  );
const first = (stage: ReportStage) => `请先记录“${REPORT_STAGE_LABELS[stage]}”`;
const recorded = (stage: ReportStage) => `“${REPORT_STAGE_LABELS[stage]}”已记录`;
const OPEN = ['reported', 'county_received', 'county_reported', 'city_received'] as const;

/**
 * The reporting chain (报送链) as a workflow: a school reports (初报, written with the incident), the county receives it
 * and reports on to the city, the city receives it — once each and in order; follow-ups (续报) at any level keep the
 * state; a final report (终报, county or city) closes the incident. The state is how far the chain has come; each entry
 * is stamped by the server when it is recorded. The refusal texts are the chain's own (「请先记录“县区接报”」).
 */
export const INCIDENT_CHAIN = defineWorkflow({
  key: 'safety.incident',
  noun: { zh: '安全事件', en: 'incident' },
  states: [...OPEN, 'closed'],
  stateLabels: {
    reported: { zh: '学校已初报', en: 'Reported by the school' },
    county_received: { zh: '县区已接报', en: 'Received by the county' },
    county_reported: { zh: '已上报市局', en: 'Reported to the city' },
    city_received: { zh: '市局已接报', en: 'Received by the city' },
    closed: { zh: '已终报结案', en: 'Closed' },
  },
  initial: 'reported',
  turn: { reported: ['county'], county_received: ['county'], county_reported: ['city'], city_received: ['county'], closed: [] },
  steps: {
    county_received: {
      label: { zh: REPORT_STAGE_LABELS.county_received, en: 'County received' },
      from: ['reported'],
      to: 'county_received',
      by: ['county', 'city'],
      refusals: {
        level: notBy('county_received', ['county', 'city']),
        state: {
          county_received: recorded('county_received'),
          county_reported: recorded('county_received'),
          city_received: recorded('county_received'),
          closed: CLOSED,
        },
      },
    },
    county_report: {
      label: { zh: REPORT_STAGE_LABELS.county_report, en: 'County reported to the city' },
      from: ['county_received'],
      to: 'county_reported',
      by: ['county', 'city'],
      refusals: {
        level: notBy('county_report', ['county', 'city']),
        state: {
          reported: first('county_received'),
          county_reported: recorded('county_report'),
          city_received: recorded('county_report'),
          closed: CLOSED,
        },
      },
    },
    city_received: {
      label: { zh: REPORT_STAGE_LABELS.city_received, en: 'City received' },
      from: ['county_reported'],
      to: 'city_received',
      by: ['city'],
      refusals: {
        level: notBy('city_received', ['city']),
        state: {
          reported: first('county_report'),
          county_received: first('county_report'),
          city_received: recorded('city_received'),
          closed: CLOSED,
        },
      },
    },
    follow_up: {
      label: { zh: REPORT_STAGE_LABELS.follow_up, en: 'Follow-up' },
      from: OPEN,
      by: ['school', 'county', 'city'],
      refusals: { state: CLOSED },
    },
    final_report: {
      label: { zh: REPORT_STAGE_LABELS.final_report, en: 'Final report' },
      from: OPEN,
      to: 'closed',
      by: ['county', 'city'],
      refusals: { level: notBy('final_report', ['county', 'city']), state: CLOSED },
    },
  },
});
export type IncidentChainState = (typeof INCIDENT_CHAIN.states)[number];
/** The chain's stages as its workflow's steps (学校初报 is written with the incident, not a step). */
export type ChainStep = (typeof INCIDENT_CHAIN.actions)[number];
export const ChainStep = stepEnum(INCIDENT_CHAIN);

/** How far a chain has come, from its entries. */
export function chainState(done: readonly ReportStage[]): IncidentChainState {
  if (done.includes('final_report')) return 'closed';
  if (done.includes('city_received')) return 'city_received';
  if (done.includes('county_report')) return 'county_reported';
  if (done.includes('county_received')) return 'county_received';
  return 'reported';
}

/**
 * May `level` add `stage` to a chain that already has `done`? The workflow's answer (null when allowed, else the reason
 * in Chinese); 学校初报 only opens a chain.
 */
export function chainRefusal(done: readonly ReportStage[], stage: ReportStage, level: ReporterLevel): string | null {
  if (stage === 'school_report') return done.includes('school_report') ? recorded('school_report') : null;
  if (!done.includes('school_report')) return first('school_report');
  return INCIDENT_CHAIN.refusal({ state: chainState(done) }, stage, { level, username: '' });
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
