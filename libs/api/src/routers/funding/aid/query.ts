import { and, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, textField, type DataScope } from '@hyedu/domain';
import {
  AidFollowUpStatus,
  AidItem,
  AidPaymentKind,
  AidSemester,
  AidStage,
  maskName,
  MatchOutcome,
  type AidCategory,
} from '@hyedu/domain/funding';
import type { AuthedContext } from '../../../context.ts';
import { Page } from '../../../inputs.ts';
import { Cursor } from '../../../keyset.ts';
import { contains } from '../../../queries.ts';
import { recordScope } from '../../../record-scope.ts';
import { passes } from '../../../trpc.ts';

const { fundingAidFollowUps: f, fundingAidMatches: m, fundingAidPayments: p, schools } = tables;

/** Whether the caller holds the aid role (names, categories, the follow-up's steps); everyone else sees counts and masked rows. */
export const hasAidRole = (ctx: AuthedContext) => passes(ctx, { access: 'area', area: 'funding:aid', action: 'read' });

/** A person as the caller may see them: the name masked and the categories left out without the aid role. */
export function person<R extends { name: string; categories: string[] }>(row: R, aid: boolean): R & { masked: boolean } {
  return aid ? { ...row, masked: false } : { ...row, name: maskName(row.name), categories: [], masked: true };
}

const yesNo = z.enum(['yes', 'no'], { message: '请选择是或否' });

/** The 应助未助 list's filter: semester (default the business date's), county, status, stage, in the 100% target, name. */
export const FollowUpFilter = Page.extend({
  semester: AidSemester.optional(),
  unitCode: DivisionCode.optional(),
  status: AidFollowUpStatus.optional(),
  stage: AidStage.optional(),
  target: yesNo.optional(),
  q: textField(40, '姓名或学校').optional(),
}).strict();
export type FollowUpFilter = z.infer<typeof FollowUpFilter>;

export function followUpWhere(
  db: Db,
  scope: DataScope,
  semester: string,
  input: Omit<FollowUpFilter, 'page' | 'pageSize'>,
): SQL | undefined {
  return and(
    eq(f.semester, semester),
    recordScope(scope, f),
    input.unitCode ? eq(f.unitCode, input.unitCode) : undefined,
    input.status ? eq(f.status, input.status) : inArray(f.status, ['open', 'recognised']),
    input.stage ? eq(f.stage, input.stage) : undefined,
    input.target ? eq(f.inTarget, input.target === 'yes') : undefined,
    // The name, or the school's (the dashboard's drill-down to a school sends its name).
    input.q
      ? or(
          ilike(f.name, contains(input.q)),
          inArray(
            f.schoolId,
            db
              .select({ id: schools.id })
              .from(schools)
              .where(ilike(schools.name, contains(input.q))),
          ),
        )
      : undefined,
  );
}

/** The match result's filter (the unmatched list and the full result): semester, county, outcome, name. */
export const MatchFilter = Page.extend({
  semester: AidSemester.optional(),
  unitCode: DivisionCode.optional(),
  outcome: MatchOutcome.optional(),
  q: textField(20, '姓名').optional(),
}).strict();
export type MatchFilter = z.infer<typeof MatchFilter>;

export function matchWhere(scope: DataScope, semester: string, input: Omit<MatchFilter, 'page' | 'pageSize'>): SQL | undefined {
  return and(
    eq(m.semester, semester),
    recordScope(scope, m),
    input.unitCode ? eq(m.unitCode, input.unitCode) : undefined,
    eq(m.outcome, input.outcome ?? 'unmatched'),
    input.q ? ilike(m.name, contains(input.q)) : undefined,
  );
}

/** The aid roll's filter: semester, county, item, kind. */
export const PaymentFilter = Page.extend({
  semester: AidSemester.optional(),
  unitCode: DivisionCode.optional(),
  item: AidItem.optional(),
  kind: AidPaymentKind.optional(),
  /** The next page after this key (the previous page's last payment); without it the page is found by offset. */
  after: Cursor.optional(),
}).strict();
export type PaymentFilter = z.infer<typeof PaymentFilter>;

export function paymentWhere(scope: DataScope, semester: string, input: Omit<PaymentFilter, 'page' | 'pageSize'>): SQL | undefined {
  return and(
    eq(p.semester, semester),
    recordScope(scope, p),
    input.unitCode ? eq(p.unitCode, input.unitCode) : undefined,
    input.item ? eq(p.item, input.item) : undefined,
    input.kind ? eq(p.kind, input.kind) : undefined,
  );
}

export const categoriesOf = (c: string[]) => c as AidCategory[];
