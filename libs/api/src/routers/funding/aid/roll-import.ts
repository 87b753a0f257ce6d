// The aid roll's import, after the parse: each row's pupil found by the ID number's blind index (in the 学籍 extract, or
// on a list), the caller's scope and the item's stage checked, then the payments written idempotently and the
// semester's matches and follow-ups settled set-based.
import { inArray, sql } from 'drizzle-orm';
import { blindIndex, publishStaged, tables, type Tx } from '@hyedu/db';
import { AID_ITEM_LABELS, AID_STAGE_LABELS, AidSemester, itemFitsStage, type AidRollRow } from '@hyedu/domain/funding';
import type { RowError } from '@hyedu/excel';
import type { AuthedContext } from '../../../context.ts';
import type { ImportTracker } from '../../../imports/progress.ts';
import { stageAndPublish } from '../../../imports/run.ts';
import { ImportUpload } from '../../../inputs.ts';
import { unitInScope } from '../access.ts';

const { fundingAidListed: l, fundingAidStudents: st, fundingAidPayments: p, fundingAidMatches: m, fundingAidFollowUps: f } = tables;
const CHUNK = 5_000;
const PAYMENT_KEYS = [
  'idIndex',
  'studentId',
  'schoolId',
  'unitCode',
  'item',
  'semester',
  'kind',
  'amount',
  'paidOn',
  'reason',
  'requestKey',
  'createdBy',
  'createdAt',
] as const;

/** A roll's upload: the semester for rows without one. */
export const AidRollImport = ImportUpload.extend({ semester: AidSemester.optional() }).strict();

type Ctx = AuthedContext & { scope: Parameters<typeof unitInScope>[0] };
interface PayRow {
  rowNumber: number;
  idIndex: string;
  studentId: number | null;
  schoolId: number | null;
  unitCode: string;
  value: AidRollRow;
}
const keyOf = (r: { idIndex: string; item: string; semester: string }) => `${r.idIndex}|${r.item}|${r.semester}`;

async function chunked<T>(keys: readonly string[], q: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) out.push(...(await q(keys.slice(i, i + CHUNK))));
  return out;
}
const rowsOf = <R>(result: unknown): R[] => [...(result as { rows: R[] }).rows];

/**
 * The parsed rows against the records: a pupil of the 学籍 extract must be in the caller's scope and paid an item of
 * their stage (else a row error); a pupil not yet in the extract but on a list is paid without a student (their list's
 * county; the matching counts it once the 学籍 arrives); anyone else is counted (`notListed`) and left out. Also
 * counts the rows the roll already holds (`alreadyPaid`, skipped on import).
 */
export async function rollRows(
  ctx: Ctx,
  parsed: { rows: { rowNumber: number; value: AidRollRow }[]; errors: RowError[]; headers: Record<string, string> },
) {
  const total = parsed.rows.length + new Set(parsed.errors.map((e) => e.row)).size;
  const errors = [...parsed.errors];
  const indexed = parsed.rows.map((r) => ({ ...r, idIndex: blindIndex(ctx.keys.indexKey, r.value.idNumber) }));
  const indexes = [...new Set(indexed.map((r) => r.idIndex))];
  const students = new Map(
    (
      await chunked(indexes, (c) =>
        ctx.db
          .select({ id: st.id, idIndex: st.idIndex, schoolId: st.schoolId, unitCode: st.unitCode, stage: st.stage })
          .from(st)
          .where(inArray(st.idIndex, c)),
      )
    ).map((s) => [s.idIndex, s]),
  );
  const listed = new Map(
    (
      await chunked(indexes, (c) =>
        ctx.db
          .select({ idIndex: l.idIndex, unitCode: sql<string>`min(${l.unitCode})` })
          .from(l)
          .where(inArray(l.idIndex, c))
          .groupBy(l.idIndex),
      )
    ).map((x) => [x.idIndex, x.unitCode]),
  );
  const rows: PayRow[] = [];
  let notListed = 0;
  for (const r of indexed) {
    const student = students.get(r.idIndex);
    const unitCode = student?.unitCode ?? listed.get(r.idIndex);
    if (!unitCode) {
      notListed++;
      continue;
    }
    if (!unitInScope(ctx.scope, unitCode)) {
      errors.push({
        row: r.rowNumber,
        column: parsed.headers.idNumber!,
        message: '该学生不在您的数据范围内（只能导入本县市区学生的发放记录）',
      });
      continue;
    }
    if (student && !itemFitsStage(r.value.item, student.stage)) {
      errors.push({
        row: r.rowNumber,
        column: parsed.headers.item!,
        message: `${AID_ITEM_LABELS[r.value.item].zh}不是${AID_STAGE_LABELS[student.stage].zh}学生的资助项目（按学籍）`,
      });
      continue;
    }
    rows.push({
      rowNumber: r.rowNumber,
      idIndex: r.idIndex,
      studentId: student?.id ?? null,
      schoolId: student?.schoolId ?? null,
      unitCode,
      value: r.value,
    });
  }
  const keys = rows.map((r) => ({ id_index: r.idIndex, item: r.value.item, semester: r.value.semester }));
  const [paid] = rows.length
    ? rowsOf<{ n: number }>(
        await ctx.db.execute(sql`
          select count(*)::int as n from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as x(id_index text, item text, semester text)
          where exists (select 1 from ${p} where ${p.idIndex} = x.id_index and ${p.item} = x.item and ${p.semester} = x.semester
            and ${p.kind} = 'regular')`),
      )
    : [{ n: 0 }];
  return { total, errors, rows, notListed, withoutStudent: rows.filter((r) => r.studentId === null).length, alreadyPaid: paid!.n };
}

/**
 * Writes the roll's payments (staged, then one statement ON CONFLICT DO NOTHING on pupil + item + semester: a payment
 * already there — from an earlier import, by hand, or a concurrent import of the same roll — is skipped), then, for
 * the pupils just paid, the semester's matches turn aided and their open follow-ups are settled (资助到位, version + 1),
 * as `pay` does one at a time; `audit` records it all in the same transaction.
 */
export async function payRoll(
  ctx: Ctx,
  tracker: ImportTracker,
  rows: readonly PayRow[],
  audit: (tx: Tx, records: { id: number; rowNumber: number }[], also: Record<string, unknown>) => Promise<void>,
): Promise<{ paid: number; settled: number }> {
  const createdAt = ctx.now.toISOString();
  const staged = rows.map((r) => ({
    rowNumber: r.rowNumber,
    values: {
      idIndex: r.idIndex,
      studentId: r.studentId,
      schoolId: r.schoolId,
      unitCode: r.unitCode,
      item: r.value.item,
      semester: r.value.semester,
      kind: 'regular',
      amount: r.value.amount,
      paidOn: r.value.paidOn,
      reason: null,
      requestKey: null,
      createdBy: ctx.identity.username,
      createdAt,
    },
  }));
  const rowOf = new Map(rows.map((r) => [keyOf({ idIndex: r.idIndex, item: r.value.item, semester: r.value.semester }), r.rowNumber]));
  return stageAndPublish(ctx.db, tracker, {
    table: p,
    rows: staged,
    reserveIds: false,
    publish: async (tx, job) => {
      const written = await publishStaged<{ id: number; id_index: string; item: string; semester: string; student_id: number | null }>(
        tx,
        job,
        p,
        {
          keys: PAYMENT_KEYS,
          withIds: false,
          onConflict: sql`on conflict (id_index, item, semester) where kind = 'regular' do nothing`,
          returning: sql`id, id_index, item, semester, student_id`,
          oneConnection: ctx.engine === 'pglite',
        },
      );
      const paid = [
        ...new Map(
          written
            .filter((w) => w.student_id !== null)
            .map((w) => [`${w.id_index}|${w.semester}`, { id_index: w.id_index, semester: w.semester }]),
        ).values(),
      ];
      let settled: number[] = [];
      if (paid.length) {
        const people = sql`jsonb_to_recordset(${JSON.stringify(paid)}::jsonb) as x(id_index text, semester text)`;
        await tx.execute(sql`
          update ${m} set outcome = 'aided' from ${people}
          where ${m.semester} = x.semester and ${m.idIndex} = x.id_index and ${m.outcome} = 'unaided'`);
        settled = rowsOf<{ id: number }>(
          await tx.execute(sql`
            update ${f} set status = 'aided', settled_on = ${ctx.today}, updated_by = ${ctx.identity.username},
              updated_at = ${createdAt}, version = ${f.version} + 1
            from ${people}
            where ${f.semester} = x.semester and ${f.idIndex} = x.id_index and ${f.status} in ('open', 'recognised')
            returning ${f.id}`),
        ).map((r) => r.id);
      }
      await audit(
        tx,
        written.map((w) => ({ id: w.id, rowNumber: rowOf.get(keyOf({ idIndex: w.id_index, item: w.item, semester: w.semester }))! })),
        {
          paid: written.length,
          alreadyPaid: rows.length - written.length,
          withoutStudent: written.filter((w) => w.student_id === null).length,
          semesters: [...new Set(rows.map((r) => r.value.semester))].sort(),
          settled: settled.length,
          followUps: settled.slice(0, 1000),
        },
      );
      return { paid: written.length, settled: settled.length };
    },
  });
}
