import { DivisionCode, HazardCategory, HazardSource, HazardStatus, Severity } from '@hyedu/domain';

/** Rows per page of the module's lists (the server caps a page at 100). */
export const LIST_PAGE_SIZE = 20;

/** The hazard list's filters as they live in the URL: `?unit=&status=&severity=&category=&source=&overdue=yes|no&q=&page=`. */
export interface HazardQuery {
  unitCode?: string;
  status?: HazardStatus;
  severity?: Severity;
  category?: HazardCategory;
  source?: HazardSource;
  overdue?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

/** One URL value, trimmed and capped (the server's search term is at most 40 characters); '' and arrays' tails are no value. */
export const queryString = (v: unknown): string | undefined => {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() ? s.trim().slice(0, 40) : undefined;
};

/** `?page=` leniently: anything but a sensible positive integer is page 1. */
export const queryPage = (v: unknown): number => {
  const n = Number(queryString(v));
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
};

/** `?overdue=yes|no` → true/false; anything else is no filter. */
export const yesNoParam = (v: unknown): boolean | undefined => {
  const s = queryString(v);
  return s === 'yes' ? true : s === 'no' ? false : undefined;
};

/**
 * Reads the hazard list's URL leniently: a malformed value is simply no filter (a stale or hand-edited link still
 * opens the list). The dashboard links here with `?unit=<county code>&q=<school name>`.
 */
export function parseHazardQuery(query: Record<string, unknown>): HazardQuery {
  return {
    unitCode: DivisionCode.safeParse(queryString(query.unit)).data,
    status: HazardStatus.safeParse(queryString(query.status)).data,
    severity: Severity.safeParse(queryString(query.severity)).data,
    category: HazardCategory.safeParse(queryString(query.category)).data,
    source: HazardSource.safeParse(queryString(query.source)).data,
    overdue: yesNoParam(query.overdue),
    q: queryString(query.q),
    page: queryPage(query.page),
    pageSize: LIST_PAGE_SIZE,
  };
}

/** The filters without paging, for the export (it takes the list's filters and returns every matching row). */
export function exportFilter(q: HazardQuery): Omit<HazardQuery, 'page' | 'pageSize'> {
  const { page: _page, pageSize: _size, ...rest } = q;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

/** Whether any filter besides the page is set (the empty text then says “no hazard matches”, not “none recorded”). */
export const hasFilter = (q: HazardQuery): boolean => Object.keys(exportFilter(q)).length > 0;

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

const STATUS_TAG: Record<HazardStatus, TagType> = { pending: 'warning', rectifying: 'primary', awaiting_acceptance: 'warning', closed: 'success' };

/** The colour of a status tag: 已销号 green, 待整改 and 待验收 amber (someone must act), 整改中 blue. */
export const statusTagType = (status: HazardStatus): TagType => STATUS_TAG[status];

/**
 * The alarms a hazard carries besides its status: 逾期 (the server's flag: past the deadline and not closed) and
 * 重大 (red while open; once closed it is history, not an alarm, so it turns grey). Keys of the page's messages.
 */
export function alarmTags(h: { status: HazardStatus; severity: Severity; lateness: 'school' | 'county' | null }): { key: 'overdue' | 'lateAcceptance' | 'major'; type: TagType }[] {
  const tags: { key: 'overdue' | 'lateAcceptance' | 'major'; type: TagType }[] = [];
  // Whose lateness it is (the domain's hazardLateness, computed by the server): the school's deadline, or the county's acceptance.
  if (h.lateness === 'school') tags.push({ key: 'overdue', type: 'danger' });
  if (h.lateness === 'county') tags.push({ key: 'lateAcceptance', type: 'danger' });
  if (h.severity === 'major') tags.push({ key: 'major', type: h.status === 'closed' ? 'info' : 'danger' });
  return tags;
}

/** Whether a call failed because the record changed under the caller (CONFLICT): the page then reloads it. */
export const isConflict = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { data?: { code?: unknown } | null }).data?.code === 'CONFLICT';

/** The inspection list's filters in the URL: `?unit=&level=&q=&page=`. */
export interface InspectionQuery {
  unitCode?: string;
  level?: Exclude<HazardSource, 'report'>;
  q?: string;
  page: number;
  pageSize: number;
}
export function parseInspectionQuery(query: Record<string, unknown>): InspectionQuery {
  const level = HazardSource.exclude(['report']).safeParse(queryString(query.level)).data;
  return { unitCode: DivisionCode.safeParse(queryString(query.unit)).data, level, q: queryString(query.q), page: queryPage(query.page), pageSize: LIST_PAGE_SIZE };
}
