/**
 * A domain enumeration's values as the non-empty tuple a text column's `enum` takes: the column is built from the
 * domain's declaration (a zod enum's options, a workflow's states), never from a second copy of the list.
 */
export const members = <T extends string>(values: readonly T[]): readonly [T, ...T[]] => {
  if (values.length === 0) throw new Error('an enumeration column needs at least one value');
  return values as readonly [T, ...T[]];
};
