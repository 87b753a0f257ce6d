import { HAZARD_FINAL_STATES, HazardCategory, HazardSource, HazardStatus, InspectionLevel, Severity } from '@hyedu/domain';
import { defineListQuery, oneOf, text, unit, yesNo } from '@hyedu/web';

/**
 * The hazard list's filters as they live in the URL: `?unit=&status=&severity=&category=&source=&overdue=yes|no&q=&page=`
 * (the dashboard links here with `?unit=<county code>&q=<school name>`).
 */
export const hazardQuery = defineListQuery({
  unitCode: unit(),
  status: oneOf(HazardStatus),
  severity: oneOf(Severity),
  category: oneOf(HazardCategory),
  source: oneOf(HazardSource),
  overdue: yesNo(),
  q: text(),
});
export type HazardQuery = ReturnType<typeof hazardQuery.parse>;

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

const STATUS_TAG: Record<HazardStatus, TagType> = {
  pending: 'warning',
  rectifying: 'primary',
  awaiting_acceptance: 'warning',
  closed: 'success',
  voided: 'info',
};

/** The colour of a status tag: 已销号 green, 待整改 and 待验收 amber (someone must act), 整改中 blue, 已作废 grey. */
export const statusTagType = (status: HazardStatus): TagType => STATUS_TAG[status];

/**
 * The alarms a hazard carries besides its status: 逾期 (the server's flag: past the deadline and not closed) and
 * 重大 (red while open; once closed it is history, not an alarm, so it turns grey). Keys of the page's messages.
 */
export function alarmTags(h: {
  status: HazardStatus;
  severity: Severity;
  lateness: 'school' | 'county' | null;
}): { key: 'overdue' | 'lateAcceptance' | 'major'; type: TagType }[] {
  const tags: { key: 'overdue' | 'lateAcceptance' | 'major'; type: TagType }[] = [];
  // Whose lateness it is (the domain's hazardLateness, computed by the server): the school's deadline, or the county's acceptance.
  if (h.lateness === 'school') tags.push({ key: 'overdue', type: 'danger' });
  if (h.lateness === 'county') tags.push({ key: 'lateAcceptance', type: 'danger' });
  if (h.severity === 'major') tags.push({ key: 'major', type: HAZARD_FINAL_STATES.includes(h.status) ? 'info' : 'danger' });
  return tags;
}

/** Whether a call failed because the record changed under the caller (CONFLICT): the page then reloads it. */
export const isConflict = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { data?: { code?: unknown } | null }).data?.code === 'CONFLICT';

/** The inspection list's filters in the URL: `?unit=&level=&q=&page=`. */
export const inspectionQuery = defineListQuery({ unitCode: unit(), level: oneOf(InspectionLevel), q: text() });
