import { DivisionCode, SchoolRef } from '@hyedu/domain';
import { RegistrationStanding } from '@hyedu/domain/teachers';
import { defineListQuery, oneOf, text } from '@hyedu/web';

const numberOf = <T>(schema: { safeParse(v: unknown): { data?: T } }) => ({ safeParse: (raw: unknown) => schema.safeParse(Number(raw)) });

/** The list's filters as they live in the URL: `?unit=&schoolId=&registrationStanding=&q=&page=` (the 待办 links set school and standing). */
export const registrationQuery = defineListQuery({
  unitCode: oneOf(DivisionCode, 'unit'),
  schoolId: oneOf(numberOf(SchoolRef)),
  registrationStanding: oneOf(RegistrationStanding),
  q: text(),
});
