import { z } from 'zod';
import { IsoDate } from '../date.ts';
import { blacklistedOn } from './ethics.ts';

/**
 * The one gate every entry of a person into a school passes — a hire (a form or an import row), a transfer between
 * schools or counties, and later a support-teaching dispatch or an honour nomination (docs/domain/teachers.md):
 * 1. 准入查询 — the 性侵违法犯罪信息 database was queried before the entry (高检发〔2020〕14号, 教师函〔2023〕1号), recently
 *    enough (`ADMISSION_QUERY_VALID_DAYS`), and came back clear; it covers every 教职员工, guards and canteen staff too;
 * 2. the ethics 黑名单 — no entry standing on the day, in any county.
 */

/** The entries the gate guards (a support-teaching dispatch and an honour nomination will join them). */
export const EntryKind = z.enum(['hire', 'transfer']);
export type EntryKind = z.infer<typeof EntryKind>;

/** 准入查询的结果: 无记录 (clear) or 有记录 (a hit). */
export const AdmissionResult = z.enum(['clear', 'hit'], { message: '请选择查询结果' });
export type AdmissionResult = z.infer<typeof AdmissionResult>;
export const ADMISSION_RESULT_LABELS: Record<AdmissionResult, { zh: string; en: string }> = {
  clear: { zh: '无相关记录', en: 'No record' },
  hit: { zh: '有相关记录', en: 'Record found' },
};
export const AdmissionQuery = z.object({ queriedOn: IsoDate, result: AdmissionResult }).strict();
export type AdmissionQuery = z.infer<typeof AdmissionQuery>;

/**
 * How long before the entry the query may have been made, in days (局定, configurable here: the notices require the
 * query before each hire and name no period; a query older than this is asked again).
 */
export const ADMISSION_QUERY_VALID_DAYS = 90;

export type GateRefusalCode = 'no_query' | 'query_future' | 'query_stale' | 'query_hit' | 'blacklisted';
/** What those entitled to know read (the county's ethics role and the city department). */
export const GATE_REFUSAL_TEXT: Record<GateRefusalCode, string> = {
  no_query: '未进行教职员工准入查询（性侵违法犯罪信息查询），不得录用',
  query_future: '准入查询日期不能晚于入职日期',
  query_stale: `准入查询距入职已超过${ADMISSION_QUERY_VALID_DAYS}天，请重新查询`,
  query_hit: '准入查询发现性侵违法犯罪信息，不得录用',
  blacklisted: '该人员在师德失范黑名单期限内，不得录用',
};
/** What everyone else reads: the refusal without its reason. */
export const GATE_GENERIC_TEXT = '不符合准入条件';
/** The refusals about the query itself, which the person entering the hire made and may read. */
const OWN_INPUT: readonly GateRefusalCode[] = ['no_query', 'query_future', 'query_stale'];

const dayNumber = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

/**
 * Whether a person may enter a school on `entersOn`: null, or the reason (`code`). `blacklist` is every entry held
 * about the person (by the ID number's blind index) in any county.
 */
export function gateRefusal(p: {
  query: AdmissionQuery | null;
  blacklist: readonly { from: string; until: string | null; liftedOn?: string | null }[];
  entersOn: string;
}): GateRefusalCode | null {
  if (!p.query) return 'no_query';
  if (p.query.queriedOn > p.entersOn) return 'query_future';
  if (dayNumber(p.entersOn) - dayNumber(p.query.queriedOn) > ADMISSION_QUERY_VALID_DAYS) return 'query_stale';
  if (p.query.result === 'hit') return 'query_hit';
  if (p.blacklist.some((e) => blacklistedOn(e, p.entersOn))) return 'blacklisted';
  return null;
}

/**
 * The refusal's text for a reader: the reason for those entitled to know it; for others the reason only when it is
 * about the query they entered themselves, else “不符合准入条件”.
 */
export function gateRefusalText(code: GateRefusalCode, entitled: boolean): string {
  return entitled || OWN_INPUT.includes(code) ? GATE_REFUSAL_TEXT[code] : GATE_GENERIC_TEXT;
}
