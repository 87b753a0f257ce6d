import { z } from 'zod';
import { IsoDate } from '../date.ts';
import { blacklistedOn } from './ethics.ts';

/**
 * The one gate every entry of a person into a school passes — a hire (a form or an import row), a transfer between
 * schools or counties, a support-teaching dispatch (支教派遣) and an honour nomination (表彰推荐)
 * (docs/domain/teachers.md):
 * 1. 准入查询 — the 性侵违法犯罪信息 database was queried before the entry (高检发〔2020〕14号, 教师函〔2023〕1号), recently
 *    enough (`ADMISSION_QUERY_VALID_DAYS`), and came back clear; it covers every 教职员工, guards and canteen staff too;
 * 2. the ethics 黑名单 — no entry standing on the day, in any county;
 * 3. for an honour nomination, no 师德 record barring it (`ENTRY_RULES`): a nomination enters no school, so it asks no
 *    准入查询, but a person with a standing 处分, a decision in the honour's year or a filed case pending is not put up.
 */

/** The entries the gate guards: 入职, 调动, 支教派遣 and 表彰推荐. */
export const EntryKind = z.enum(['hire', 'transfer', 'support', 'nomination'], { message: '请选择类别' });
export type EntryKind = z.infer<typeof EntryKind>;
export const ENTRY_KIND_LABELS: Record<EntryKind, { zh: string; en: string }> = {
  hire: { zh: '入职', en: 'Hire' },
  transfer: { zh: '调动', en: 'Transfer' },
  support: { zh: '支教派遣', en: 'Support dispatch' },
  nomination: { zh: '表彰推荐', en: 'Honour nomination' },
};
/** The entries that open a person's row at a school (the 准入查询 coverage KPI reads these). */
export const OPENING_ENTRIES: readonly EntryKind[] = ['hire', 'transfer'];

/**
 * What the gate checks for each kind of entry: the 准入查询 (every entry into a school, a dispatch too) and the
 * person's 师德 record (a nomination: 处理办法 — no 评优评先 while a 处分 runs or in the year of a decision). The
 * 黑名单 is checked for every kind.
 */
export const ENTRY_RULES: Record<EntryKind, { query: boolean; ethics: boolean }> = {
  hire: { query: true, ethics: false },
  transfer: { query: true, ethics: false },
  support: { query: true, ethics: false },
  nomination: { query: false, ethics: true },
};

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

export type GateRefusalCode = 'no_query' | 'query_future' | 'query_stale' | 'query_hit' | 'blacklisted' | 'ethics_record';
/** What those entitled to know read (the county's ethics role and the city department). */
export const GATE_REFUSAL_TEXT: Record<GateRefusalCode, string> = {
  no_query: '未进行教职员工准入查询（性侵违法犯罪信息查询），不得录用',
  query_future: '准入查询日期不能晚于入职日期',
  query_stale: `准入查询距入职已超过${ADMISSION_QUERY_VALID_DAYS}天，请重新查询`,
  query_hit: '准入查询发现性侵违法犯罪信息，不得录用',
  blacklisted: '该人员在师德失范黑名单期限内，不得录用',
  ethics_record: '该教师师德考核不合格（受处分期间、当年受师德失范处理或案件尚在办理），不得推荐评优评先',
};
/** What everyone else reads: the refusal without its reason. */
export const GATE_GENERIC_TEXT = '不符合准入条件';
/** The refusals about the query itself, which the person entering the hire made and may read. */
const OWN_INPUT: readonly GateRefusalCode[] = ['no_query', 'query_future', 'query_stale'];

const dayNumber = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

/**
 * Whether a person may enter a school on `entersOn`: null, or the reason (`code`). `blacklist` is every entry held
 * about the person (by the ID number's blind index) in any county. `kind` (default a hire) says which checks apply
 * (`ENTRY_RULES`); `ethicsBarred` is the person's 师德 record as `ethicsBars` reads it (nominations).
 */
export function gateRefusal(p: {
  kind?: EntryKind;
  query: AdmissionQuery | null;
  blacklist: readonly { from: string; until: string | null; liftedOn?: string | null }[];
  entersOn: string;
  ethicsBarred?: boolean;
}): GateRefusalCode | null {
  const rules = ENTRY_RULES[p.kind ?? 'hire'];
  if (rules.query) {
    const q = queryRefusal(p.query, p.entersOn);
    if (q) return q;
  }
  if (p.blacklist.some((e) => blacklistedOn(e, p.entersOn))) return 'blacklisted';
  if (rules.ethics && p.ethicsBarred) return 'ethics_record';
  return null;
}

function queryRefusal(query: AdmissionQuery | null, entersOn: string): GateRefusalCode | null {
  const p = { query, entersOn };
  if (!p.query) return 'no_query';
  if (p.query.queriedOn > p.entersOn) return 'query_future';
  if (dayNumber(p.entersOn) - dayNumber(p.query.queriedOn) > ADMISSION_QUERY_VALID_DAYS) return 'query_stale';
  if (p.query.result === 'hit') return 'query_hit';
  return null;
}

/**
 * The 师德 record that bars a nomination on `day` for an honour of `year` (处理办法: 受处分的在处分期内、受其他处理的当年
 * 不得评优评先; 局定: a case filed and not yet decided bars it too — 师德考核 is not recorded here, the cases stand in for
 * it). `cases` are the person's ethics cases in any county.
 */
export function ethicsBars(
  cases: readonly { status: string; effectiveOn: string | null; sanctionEndsOn: string | null; handling: string | null }[],
  year: number,
  day: string,
): boolean {
  return cases.some((c) => {
    if (c.status === 'dismissed') return false;
    if (c.handling && c.effectiveOn) {
      if (Number(c.effectiveOn.slice(0, 4)) === year) return true;
      // a 处分 still running (开除 has no end: the person is no longer a teacher)
      if (c.effectiveOn <= day && (c.sanctionEndsOn === null ? c.handling === 'expulsion' : day < c.sanctionEndsOn)) return true;
      return false;
    }
    // filed (立案 or later) and not yet decided
    return !['clue', 'verifying', 'closed'].includes(c.status);
  });
}

/**
 * The refusal's text for a reader: the reason for those entitled to know it; for others the reason only when it is
 * about the query they entered themselves, else “不符合准入条件”.
 */
export function gateRefusalText(code: GateRefusalCode, entitled: boolean): string {
  return entitled || OWN_INPUT.includes(code) ? GATE_REFUSAL_TEXT[code] : GATE_GENERIC_TEXT;
}
