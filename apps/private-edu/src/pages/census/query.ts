import { Ownership } from '@hyedu/domain';
import { SchoolYear } from '@hyedu/domain/private-edu';
import { defineListQuery, oneOf, text, unit } from '@hyedu/web';

/** The list's filters as they live in the URL: `?year=&unit=&ownership=&q=&page=`. */
export const censusQuery = defineListQuery({ year: oneOf(SchoolYear), unitCode: unit(), ownership: oneOf(Ownership), q: text() });
