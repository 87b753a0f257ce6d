import { IncidentStatus, IncidentType } from '@hyedu/domain';
import { defineListQuery, oneOf, text, unit } from '@hyedu/web';

/** The incident list's filters as they live in the URL: `?unit=&type=&status=&q=&page=` (the dashboard links with ?unit=). */
export const incidentQuery = defineListQuery({ unitCode: unit(), type: oneOf(IncidentType), status: oneOf(IncidentStatus), q: text() });

const BEIJING_MS = 8 * 3_600_000;

/** Now as a Beijing wall-clock value for a date-time input ('2022-06-28T10:05'), whatever the browser's time zone. */
export const beijingLocalNow = (now: Date): string => new Date(now.getTime() + BEIJING_MS).toISOString().slice(0, 16);

/**
 * A date-time input's value, read as Beijing time, as the ISO timestamp the API takes: '2022-06-28T10:05' →
 * '2022-06-28T10:05:00+08:00'. Anything else (empty, half-typed) is '' so that the server says what is missing.
 */
export function beijingIso(local: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(local.trim());
  if (!m) return '';
  const iso = `${m[1]}T${m[2]}${m[3] ?? ':00'}+08:00`;
  return Number.isNaN(new Date(iso).getTime()) ? '' : iso;
}

/**
 * How long after the incident a stage was recorded, in whole minutes split into days, hours and minutes (the chain's
 * timeliness is what a reviewer reads). Null when the stage carries an earlier time than the incident (entered later
 * than it happened is the normal case; the other way round is shown as no figure rather than a negative one).
 */
export function elapsed(fromIso: string, toIso: string): { days: number; hours: number; minutes: number } | null {
  const ms = new Date(toIso).getTime() - new Date(fromIso).getTime();
  if (!Number.isFinite(ms) || ms < 0) return null;
  const total = Math.floor(ms / 60_000);
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}
