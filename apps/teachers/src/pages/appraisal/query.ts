import { PlanYear, SchoolRef } from '@hyedu/domain';
import { AppraisalResult, EthicsResult } from '@hyedu/domain/teachers';
import { defineListQuery, oneOf, text, unit } from '@hyedu/web';

/** A number in the URL (`?year=2021`), read by the domain's bounded type. */
const numberOf = <T>(schema: { safeParse(v: unknown): { data?: T } }) => ({ safeParse: (raw: unknown) => schema.safeParse(Number(raw)) });

/** The list's filters as they live in the URL: `?unit=&school=&year=&result=&ethics=&q=&page=`. */
export const appraisalQuery = defineListQuery({
  unitCode: unit(),
  schoolId: oneOf(numberOf(SchoolRef), 'school'),
  year: oneOf(numberOf(PlanYear)),
  result: oneOf(AppraisalResult),
  ethics: oneOf(EthicsResult),
  q: text(),
});
