import { eq, inArray } from 'drizzle-orm';
import { encryptField, tables, writeAudit, type Db } from '@hyedu/db';
import { maskIdCard } from '@hyedu/domain';
import {
  ENTRY_RULES,
  ethicsBars,
  gateRefusal,
  gateRefusalText,
  type AdmissionQuery,
  type EntryKind,
  type GateRefusalCode,
} from '@hyedu/domain/teachers';
import type { AuthedContext } from '../../context.ts';
import { fieldError } from '../../field-error.ts';
import { passes } from '../../trpc.ts';

const { teacherBlacklist: bl, teacherEntries: entries, teacherEthicsCases: ec } = tables;
export const STAFF_TARGET = 'teacher_staff';
/** The encrypted number is bound to the person's blind index, so a ciphertext copied onto another person does not decrypt. */
export const staffCipherId = (idIndex: string) => `${STAFF_TARGET}:${idIndex}`;

/** Refusals shown beside the query's date (the person entering the hire fixes them); the rest beside the ID number. */
export const ABOUT_THE_QUERY: readonly string[] = ['no_query', 'query_future', 'query_stale'];

export interface Entry {
  kind: EntryKind;
  /** The person: the name, the ID number (kept encrypted on a refusal, masked in the audit) and its blind index. */
  name: string;
  idNumber: string;
  idIndex: string;
  schoolId: number;
  unitCode: string;
  fromSchoolId?: number | null;
  entersOn: string;
  query: AdmissionQuery | null;
  /** A nomination: the honour's year (the 师德 record of that year bars it). */
  honourYear?: number;
  /** The form's field a refusal about the person is shown on (the ID number of a hire; the picked teacher otherwise). */
  personField?: string;
}

/** The audit action of each kind of entry (a refused one is audited as denied under it). */
export const ENTRY_ACTIONS: Record<EntryKind, string> = {
  hire: 'teachers.staff.hire',
  transfer: 'teachers.staff.transfer',
  support: 'teachers.support.dispatch',
  nomination: 'teachers.honours.nominate',
};

/** The person's ethics cases in any county (their 师德 record, read for a nomination). */
export const ethicsOf = (db: Db, idIndex: string) =>
  db
    .select({ status: ec.status, handling: ec.handling, effectiveOn: ec.effectiveOn, sanctionEndsOn: ec.sanctionEndsOn })
    .from(ec)
    .where(eq(ec.idIndex, idIndex));

/** Every 黑名单 entry about a person, in any county: the gate is city-wide, whoever's scope asks. */
export const blacklistOf = (db: Db, idIndex: string) =>
  db.select({ from: bl.fromDate, until: bl.untilDate, liftedOn: bl.liftedOn }).from(bl).where(eq(bl.idIndex, idIndex));

/**
 * The entry gate, on the server: 准入查询 and the 黑名单 (`gateRefusal`). A refused entry is recorded — an entry row with
 * the reason's code and a denied audit record — in a transaction of its own (the caller's is rolled back by the
 * refusal), and refused on the ID number's field with the reason for those entitled to know it (`teachers:ethics`),
 * “不符合准入条件” for the rest.
 */
export async function passGate(ctx: AuthedContext, e: Entry): Promise<void> {
  const ethicsBarred =
    ENTRY_RULES[e.kind].ethics && ethicsBars(await ethicsOf(ctx.db, e.idIndex), e.honourYear ?? Number(e.entersOn.slice(0, 4)), e.entersOn);
  const code = gateRefusal({
    kind: e.kind,
    query: e.query,
    blacklist: await blacklistOf(ctx.db, e.idIndex),
    entersOn: e.entersOn,
    ethicsBarred,
  });
  if (!code) return;
  await recordRefusals(ctx, [{ entry: e, code }]);
  throw fieldError(
    ABOUT_THE_QUERY.includes(code) ? 'query.queriedOn' : (e.personField ?? 'idNumber'),
    gateRefusalText(code, await knowsWhy(ctx)),
  );
}

/** Whether the caller may read the gate's reasons (the county's ethics role, the city department). */
export const knowsWhy = (ctx: AuthedContext) => passes(ctx, { access: 'area', area: 'teachers:ethics', action: 'read' });

/** The 黑名单 entries of many people at once (any county), by blind index — the gate of an import's rows. */
export async function blacklistsOf(db: Db, idIndexes: readonly string[]) {
  const out = new Map<string, { from: string; until: string | null; liftedOn: string | null }[]>();
  for (let i = 0; i < idIndexes.length; i += 1_000) {
    const rows = await db
      .select({ idIndex: bl.idIndex, from: bl.fromDate, until: bl.untilDate, liftedOn: bl.liftedOn })
      .from(bl)
      .where(inArray(bl.idIndex, idIndexes.slice(i, i + 1_000)));
    for (const { idIndex, ...r } of rows) out.set(idIndex, [...(out.get(idIndex) ?? []), r]);
  }
  return out;
}

/**
 * Records refused entries — each an entry row with the reason's code and a denied audit record — in one transaction
 * of its own (the caller's, if any, is rolled back by the refusal).
 */
export async function recordRefusals(ctx: AuthedContext, refused: readonly { entry: Entry; code: GateRefusalCode }[]): Promise<void> {
  if (!refused.length) return;
  await ctx.db.transaction(async (tx) => {
    for (const { entry: e, code } of refused) {
      const [row] = await tx
        .insert(entries)
        .values({
          ...entryRow(ctx, e),
          refusal: code,
          name: e.name,
          idCipher: encryptField(ctx.keys.dataKey, e.idNumber, staffCipherId(e.idIndex)),
        })
        .returning({ id: entries.id });
      await writeAudit(tx, ctx.auditKey, {
        actor: ctx.identity.username,
        action: ENTRY_ACTIONS[e.kind],
        targetType: 'teacher_entry',
        targetId: String(row!.id),
        after: { idNumber: maskIdCard(e.idNumber), schoolId: e.schoolId, entersOn: e.entersOn, refusal: code },
        result: 'denied',
        source: ctx.ip,
      });
    }
  });
}

/** The entry row of an entry, admitted (with the staff row it opened) or refused (with the reason's code). */
export const entryRow = (ctx: AuthedContext, e: Entry) => ({
  kind: e.kind,
  idIndex: e.idIndex,
  fromSchoolId: e.fromSchoolId ?? null,
  schoolId: e.schoolId,
  unitCode: e.unitCode,
  entersOn: e.entersOn,
  queriedOn: e.query?.queriedOn ?? null,
  queryResult: e.query?.result ?? null,
  createdBy: ctx.identity.username,
  createdAt: ctx.now,
});

/** Records an admitted entry (in the caller's transaction, beside the staff row it opened). */
export const recordEntry = (tx: Parameters<Parameters<Db['transaction']>[0]>[0], ctx: AuthedContext, e: Entry, staffId: number) =>
  tx
    .insert(entries)
    .values({ ...entryRow(ctx, e), staffId })
    .returning({ id: entries.id });
