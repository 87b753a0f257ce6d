import type { TRPCRouterRecord } from '@trpc/server';
import { and, count, desc, eq, gte, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import {
  beijingDate,
  countedTerm,
  HAZARD_COUNTED_STATES,
  HAZARD_OPEN_STATES,
  INDICATOR_LABELS,
  INDICATOR_LABELS_EN,
  indicatorsMet,
  PROFILE_REVIEW,
  SchoolRef,
  type AllowedScope,
  type DataScope,
  type ModuleKey,
  type Words,
} from '@hyedu/domain';
import type { Context } from '../context.ts';
import { scopeCondition } from '../queries.ts';
import { scoped } from '../scoped.ts';
import { permission, readProcedure } from '../trpc.ts';
import { loadSettings, recordScope } from './safety/access.ts';
import { overdueSql } from './safety/overdue.ts';

const { schools, orgUnits, safetyProfiles: p, safetyHazards: h, safetyIncidents: inc, safetyActivities: act } = tables;

/** A year back from a Beijing date (the rolling 365 days the safety KPIs count). */
const yearBefore = (today: string) => new Date(new Date(`${today}T00:00:00+08:00`).getTime() - 365 * 86_400_000);

/** The safety module's records of one school, as counts with the latest dates (each links to the module's list). */
async function safetySummary(db: Db, scope: DataScope, schoolId: number, today: string) {
  const since = yearBefore(today);
  const mine = (t: typeof h | typeof p | typeof inc | typeof act) => and(eq(t.schoolId, schoolId), recordScope(scope, t));
  const [[profile], hazards, [incidents], [activities], settings] = await Promise.all([
    db.select().from(p).where(mine(p)).orderBy(desc(p.term)).limit(1),
    db
      .select({
        status: h.status,
        n: count(),
        overdue: sql<number>`count(*) filter (where ${overdueSql(today)})`.mapWith(Number),
        major: sql<number>`count(*) filter (where ${h.severity} = 'major')`.mapWith(Number),
      })
      .from(h)
      .where(mine(h))
      .groupBy(h.status),
    db
      .select({
        n: count(),
        latest: max(inc.occurredAt),
        open: sql<number>`count(*) filter (where ${inc.status} <> 'closed')`.mapWith(Number),
      })
      .from(inc)
      .where(and(mine(inc), gte(inc.occurredAt, since))),
    db
      .select({ n: count(), latest: max(act.heldOn) })
      .from(act)
      .where(and(mine(act), gte(act.heldOn, beijingDate(since)))),
    loadSettings(db),
  ]);
  const [school] = await db.select({ isBoarding: schools.isBoarding }).from(schools).where(eq(schools.id, schoolId));
  const byStatus = Object.fromEntries(hazards.map((r) => [r.status, r.n])) as Partial<Record<(typeof hazards)[number]['status'], number>>;
  return {
    compliance: profile
      ? {
          term: profile.term,
          // Current as the 4个100% figures count it: in a new term's first weeks the previous term still counts.
          current: profile.term >= countedTerm(today),
          review: profile.review,
          fourth: settings.fourth,
          met: indicatorsMet({ ...profile, isBoarding: school?.isBoarding ?? false }, settings.fourth, settings.norm),
        }
      : null,
    hazards: {
      total: hazards.filter((r) => HAZARD_COUNTED_STATES.includes(r.status)).reduce((s, r) => s + r.n, 0),
      open: hazards.filter((r) => HAZARD_OPEN_STATES.includes(r.status)).reduce((s, r) => s + r.n, 0),
      overdue: hazards.reduce((s, r) => s + r.overdue, 0),
      awaitingAcceptance: byStatus.awaiting_acceptance ?? 0,
      closed: byStatus.closed ?? 0,
    },
    incidents: {
      lastYear: incidents?.n ?? 0,
      handling: incidents?.open ?? 0,
      latest: incidents?.latest ? beijingDate(incidents.latest) : null,
    },
    activities: { lastYear: activities?.n ?? 0, latest: activities?.latest ?? null },
  };
}

/** A record page by route name (the module's route names are `<module key>:<page>`); the portal resolves it. */
export interface RecordLink {
  name: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
}
/**
 * One line of a module's summary: what it counts, the figures (a tone for a met or unmet indicator) and its list. Texts
 * come in both languages of the portal; the page shows its reader's.
 */
export interface SummaryLine {
  /** Stable within the module (the page's test hook). */
  key: string;
  label: Words;
  values: { text: Words; tone?: 'met' | 'not-met' | 'na' | 'muted' }[];
  link: RecordLink;
}
/** What one module says about the school; the page heads it with the module's title in the registry. */
export interface ModuleSummary {
  module: ModuleKey;
  lines: SummaryLine[];
}

const int = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);
/** A date as the portal shows it: 2022年6月8日 / 2022-06-08. */
const day = (iso: string): Words => {
  const [y, m, d] = iso.split('-');
  return { zh: `${y}年${Number(m)}月${Number(d)}日`, en: iso };
};
const latest = (iso: string | null) =>
  iso ? [{ text: { zh: `最近：${day(iso).zh}`, en: `Latest: ${day(iso).en}` }, tone: 'muted' as const }] : [];

interface School {
  id: number;
  name: string;
  unitCode: string;
  ownership: string;
}
/** A module's list filtered to the school, the way the dashboard links to it (?unit=&q=). */
const listOf = (name: string, school: School): RecordLink => ({ name, query: { unit: school.unitCode, q: school.name } });

/** The safety module's lines: 4个100%, hazards, incidents and activities, each linking to its list. */
async function safetyLines(ctx: Context, scope: DataScope, school: School): Promise<SummaryLine[]> {
  const s = await safetySummary(ctx.db, scope, school.id, ctx.today);
  const c = s.compliance;
  const review = c ? PROFILE_REVIEW.stateLabels[c.review] : null;
  const indicators = c
    ? (['guards', 'closed', 'alarm', 'fourth'] as const).map((k) => {
        const label = k === 'fourth' ? c.fourth : k;
        const met = c.met[k];
        const [zh, en] = met === null ? ['不适用', 'N/A'] : met ? ['达标', 'Met'] : ['未达标', 'Not met'];
        return {
          text: { zh: `${INDICATOR_LABELS[label]} ${zh}`, en: `${INDICATOR_LABELS_EN[label]}: ${en}` },
          tone: met === null ? ('na' as const) : met ? ('met' as const) : ('not-met' as const),
        };
      })
    : [];
  return [
    {
      key: 'compliance',
      label: { zh: '4个100%', en: '4×100%' },
      values:
        c && review
          ? [
              {
                text: {
                  zh: `学期 ${c.term}${c.current ? '' : '（非本学期）'} · ${review.zh}`,
                  en: `Term ${c.term}${c.current ? '' : ' (not this term)'} · ${review.en}`,
                },
              },
              ...indicators,
            ]
          : [{ text: { zh: '尚未填报', en: 'Not reported yet' }, tone: 'muted' }],
      link: listOf('safety:compliance', school),
    },
    {
      key: 'hazards',
      label: { zh: '隐患', en: 'Hazards' },
      values: [
        {
          text: {
            zh: `共 ${int(s.hazards.total)} 条，未销号 ${int(s.hazards.open)} 条，逾期 ${int(s.hazards.overdue)} 条，待验收 ${int(s.hazards.awaitingAcceptance)} 条`,
            en: `${int(s.hazards.total)} in all, ${int(s.hazards.open)} open, ${int(s.hazards.overdue)} overdue, ${int(s.hazards.awaitingAcceptance)} awaiting acceptance`,
          },
        },
      ],
      link: listOf('safety:hazards', school),
    },
    {
      key: 'incidents',
      label: { zh: '安全事件（近365天）', en: 'Incidents (last 365 days)' },
      values: [
        {
          text: {
            zh: `${int(s.incidents.lastYear)} 起，处置中 ${int(s.incidents.handling)} 起`,
            en: `${int(s.incidents.lastYear)}, ${int(s.incidents.handling)} being handled`,
          },
        },
        ...latest(s.incidents.latest),
      ],
      link: listOf('safety:incidents', school),
    },
    {
      key: 'activities',
      label: { zh: '专项教育活动（近365天）', en: 'Education activities (last 365 days)' },
      values: [{ text: { zh: `${int(s.activities.lastYear)} 次`, en: int(s.activities.lastYear) } }, ...latest(s.activities.latest)],
      link: listOf('safety:activities', school),
    },
  ];
}

/** A module whose school table lists the school (read-only): one line linking to it, when the caller's scope holds it. */
const schoolList =
  (route: string, label: Words) =>
  async (ctx: Context, scope: AllowedScope, school: School): Promise<SummaryLine[]> => {
    const [listed] = await ctx.db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.id, school.id), scopeCondition(scope)));
    return listed ? [{ key: 'schools', label, values: [], link: listOf(route, school) }] : [];
  };

/**
 * What each module shows on a school's page, in the module's own scope; a module without an entry shows nothing.
 * The page renders any module's lines the same way.
 */
const SUMMARIES: Partial<Record<ModuleKey, (ctx: Context, scope: AllowedScope, school: School) => Promise<SummaryLine[]>>> = {
  safety: safetyLines,
  teachers: schoolList('teachers:schools', { zh: '学校编制', en: 'Staffing by school' }),
  'private-edu': (ctx, scope, school) =>
    school.ownership === 'private'
      ? schoolList('private-edu:schools', { zh: '民办学校', en: 'Private schools' })(ctx, scope, school)
      : Promise.resolve([]),
};

export const schoolPageRouter = {
  /**
   * One school's page: who it is and, per module the caller may read, that module's summary of its records (each
   * module in its own scope). A school outside the caller's scope answers the one not-found message.
   */
  school: readProcedure('plan')
    .input(z.object({ schoolId: SchoolRef }).strict())
    .query(async ({ ctx, input }) => {
      const school = await scoped('school', input.schoolId, async () => {
        const [row] = await ctx.db
          .select({
            id: schools.id,
            code: schools.code,
            name: schools.name,
            unitCode: schools.unitCode,
            unitName: orgUnits.name,
            unitKind: orgUnits.kind,
            level: schools.level,
            ownership: schools.ownership,
            isBoarding: schools.isBoarding,
            runsBuses: schools.runsBuses,
            town: schools.town,
          })
          .from(schools)
          .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
          .where(and(eq(schools.id, input.schoolId), scopeCondition(ctx.scope)));
        return row;
      });
      const modules: ModuleSummary[] = [];
      for (const [module, lines] of Object.entries(SUMMARIES) as [ModuleKey, NonNullable<(typeof SUMMARIES)[ModuleKey]>][]) {
        const p = await permission(ctx, module, 'read');
        if (!p.allowed) continue;
        const found = await lines(ctx, p.scope, school);
        if (found.length) modules.push({ module, lines: found });
      }
      return { ...school, unitName: school.unitKind === 'city' ? '局直' : school.unitName, modules };
    }),
} satisfies TRPCRouterRecord;
