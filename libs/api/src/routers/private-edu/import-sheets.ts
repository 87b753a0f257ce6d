// The private-education imports' sheets: the levers a county plans and the private schools' registry entries. Their
// columns, how a row's Chinese cells become the domain's input (read by imports/school-sheet.ts) and every check that
// needs no database. Runs in the parsing worker (see imports/worker.ts), so it imports no database code.
import {
  GCM_TYPE_LABELS,
  isWholeSchool,
  LEVER_LABELS,
  LeverInput,
  PARTY_ORG_LABELS,
  PrivateProfileInput,
  profileRefusal,
  type GcmType,
  type LeverKind,
  type PartyOrg,
} from '@hyedu/domain/private-edu';
import type { Column, RowError } from '@hyedu/excel';
import { cell, readSchoolSheet, type SchoolRef } from '../../imports/school-sheet.ts';
import type { ParseReport } from '../../imports/types.ts';

const zh = <K extends string>(labels: Record<K, { zh: string }>) =>
  Object.fromEntries(Object.entries(labels).map(([k, l]) => [k, (l as { zh: string }).zh])) as Record<K, string>;
const LEVER_ZH = zh(LEVER_LABELS);
const GCM_ZH = zh(GCM_TYPE_LABELS);
const PARTY_ZH = zh(PARTY_ORG_LABELS);
const NOT_GCM = '不属于公参民';
const PROFIT = { true: '营利性', false: '非营利性' };

export const LEVER_SHEET = '调减措施';
export const LEVER_COLUMNS: Column[] = [
  {
    key: 'schoolCode',
    header: '学校标识码',
    required: true,
    width: 14,
    example: '2143000001',
    note: '10位学校标识码；须为本地实施义务教育的民办学校',
  },
  { key: 'schoolName', header: '学校名称', width: 24, example: '衡南县示例民办学校', note: '仅供核对，以学校标识码为准' },
  { key: 'kind', header: '调减方式', required: true, width: 16, options: Object.values(LEVER_ZH), example: LEVER_ZH.reduce_plan },
  {
    key: 'plannedYear',
    header: '计划体现学年',
    required: true,
    width: 13,
    example: '2023-2024',
    note: '措施预计在哪一学年初统计中体现，如 2023-2024',
  },
  {
    key: 'students',
    header: '影响在校生数',
    width: 12,
    example: 120,
    note: '“政府购买学位”“招生计划压减”必填；转为公办、转设、终止办学按整校计算，不填',
  },
  { key: 'note', header: '说明', width: 30, example: '2023年秋季起压减招生计划' },
];

export const PROFILE_SHEET = '民办学校登记信息';
export const PROFILE_COLUMNS: Column[] = [
  { key: 'schoolCode', header: '学校标识码', required: true, width: 14, example: '2143000001', note: '10位学校标识码；须为民办学校' },
  { key: 'schoolName', header: '学校名称', width: 24, example: '衡南县示例民办学校', note: '仅供核对，以学校标识码为准' },
  { key: 'licenceNo', header: '办学许可证号', required: true, width: 22, example: '教民143042270000011号' },
  { key: 'uscc', header: '统一社会信用代码', required: true, width: 20, example: '52430422MJ0000018R', note: '18位' },
  { key: 'sponsor', header: '举办者', required: true, width: 24, example: '衡南县示例教育投资有限公司' },
  {
    key: 'forProfit',
    header: '营利性质',
    required: true,
    width: 11,
    options: [PROFIT.false, PROFIT.true],
    example: PROFIT.false,
    note: '实施义务教育的民办学校不得为营利性',
  },
  {
    key: 'gcmType',
    header: '公参民类型',
    required: true,
    width: 26,
    options: [NOT_GCM, ...Object.values(GCM_ZH)],
    example: NOT_GCM,
  },
  { key: 'partyOrg', header: '党组织情况', required: true, width: 16, options: Object.values(PARTY_ZH), example: PARTY_ZH.own },
  { key: 'approvedIntake', header: '核定招生计划', required: true, width: 12, example: 300, note: '人数，整数' },
];

/** A private school of the caller's scope: [id, teaches compulsory grades]. */
export type PrivateSchoolRef = readonly [id: number, compulsory: boolean];

/** Refuses rows naming a school that is not one of `ok`, and a second row for the same `key`. */
function sameSchoolChecks<T extends { schoolId: number }>(
  rows: { rowNumber: number; value: T }[],
  ok: (schoolId: number) => boolean,
  notOk: string,
  key: (v: T) => string,
  repeat: string,
): RowError[] {
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (!ok(r.value.schoolId)) errors.push({ row: r.rowNumber, column: '学校标识码', message: notOk });
    const k = key(r.value);
    const first = seen.get(k);
    if (first !== undefined) errors.push({ row: r.rowNumber, column: '学校标识码', message: `与第${first}行重复（${repeat}）` });
    else seen.set(k, r.rowNumber);
  }
  return errors;
}

/**
 * The levers sheet: LeverInput's checks, the school a private one teaching compulsory grades (as
 * privateEdu.levers.create requires), and no two rows for the same school, kind and year.
 */
export function readLeverSheet(
  buf: Buffer,
  args: { schools: readonly SchoolRef[]; privateSchools: readonly PrivateSchoolRef[] },
  report: ParseReport,
) {
  const eligible = new Set(args.privateSchools.filter((s) => s[1]).map((s) => s[0]));
  return readSchoolSheet(
    buf,
    LEVER_SHEET,
    LEVER_COLUMNS,
    LeverInput,
    (v, schoolId) => {
      const kind = cell.byLabel(LEVER_ZH, v.kind!);
      return {
        schoolId,
        kind,
        plannedYear: cell.opt(v.plannedYear!),
        // A whole-school lever counts all the school's pupils: a number entered for it is not kept (as in the form).
        students: typeof kind === 'string' && kind in LEVER_ZH && isWholeSchool(kind as LeverKind) ? undefined : cell.int(v.students!),
        note: cell.opt(v.note!),
      };
    },
    args.schools,
    report,
    (rows) =>
      sameSchoolChecks(
        rows,
        (id) => eligible.has(id),
        '调减措施只适用于实施义务教育的民办学校',
        (v) => `${v.schoolId}|${v.kind}|${v.plannedYear}`,
        '同一学校、调减方式和学年只能有一行',
      ),
  );
}

/** The registry sheet: PrivateProfileInput's checks, the school a private one, profileRefusal, one row per school. */
export function readPrivateProfileSheet(
  buf: Buffer,
  args: { schools: readonly SchoolRef[]; privateSchools: readonly PrivateSchoolRef[] },
  report: ParseReport,
) {
  const compulsory = new Map(args.privateSchools.map((s) => [s[0], s[1]]));
  return readSchoolSheet(
    buf,
    PROFILE_SHEET,
    PROFILE_COLUMNS,
    PrivateProfileInput,
    (v, schoolId) => ({
      schoolId,
      licenceNo: v.licenceNo,
      uscc: v.uscc,
      sponsor: v.sponsor,
      forProfit: v.forProfit === PROFIT.true ? true : v.forProfit === PROFIT.false ? false : cell.opt(v.forProfit!),
      gcmType: v.gcmType === NOT_GCM ? null : (cell.byLabel(GCM_ZH, v.gcmType!) as GcmType | undefined),
      partyOrg: cell.byLabel(PARTY_ZH, v.partyOrg!) as PartyOrg | undefined,
      approvedIntake: cell.int(v.approvedIntake!),
    }),
    args.schools,
    report,
    (rows) => {
      const errors = sameSchoolChecks(
        rows,
        (id) => compulsory.has(id),
        '只有民办学校登记民办学校信息',
        (v) => String(v.schoolId),
        '同一学校只能有一行',
      );
      for (const r of rows) {
        const refusal = compulsory.has(r.value.schoolId) ? profileRefusal(r.value, compulsory.get(r.value.schoolId)!) : null;
        if (refusal)
          errors.push({ row: r.rowNumber, column: PROFILE_COLUMNS.find((c) => c.key === refusal.field)!.header, message: refusal.message });
      }
      return errors;
    },
  );
}
