import { SchoolRef } from '@hyedu/domain';
import { DropoutGroup, DropoutPeriod, DropoutReason, DropoutReturnKind, DropoutStatus } from '@hyedu/domain/funding';
import { among, defineListQuery, oneOf, text, unit, yesNo } from '@hyedu/web';

const numberOf = <T>(schema: { safeParse(v: unknown): { data?: T } }) => ({ safeParse: (raw: unknown) => schema.safeParse(Number(raw)) });

export const DROPOUT_LEDGERS = ['suspected', 'dropout', 'open'] as const;

/** The ledger's filters as they live in the URL: `?unit=&school=&ledger=&status=&reason=&group=&q=&page=` (the KPI links set unit). */
export const dropoutQuery = defineListQuery({
  unitCode: unit(),
  schoolId: oneOf(numberOf(SchoolRef), 'school'),
  ledger: among(DROPOUT_LEDGERS),
  status: oneOf(DropoutStatus),
  reason: oneOf(DropoutReason),
  group: oneOf(DropoutGroup),
  q: text(),
});

/** The returns' filters: `?kind=&period=&unit=&late=yes|no&page=` (the 待办 links set kind and period). */
export const returnsQuery = defineListQuery({
  kind: oneOf(DropoutReturnKind),
  period: oneOf(DropoutPeriod),
  unitCode: unit(),
  late: yesNo('late'),
});
