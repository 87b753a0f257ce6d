import { TRPCError } from '@trpc/server';
import { z } from 'zod';

/**
 * A refusal that belongs to one field of the form (a rule the input schema cannot see, such as a missing file): a 400
 * whose `issues` name the field, so the page shows the message beside it, as it does for zod's own errors.
 * (`ZodRealError`: zod 4's `ZodError` is no `Error`, and tRPC keeps only an `Error` as the cause.)
 */
export function fieldError(field: string, message: string): TRPCError {
  return new TRPCError({
    code: 'BAD_REQUEST',
    message,
    cause: new z.ZodRealError([{ code: 'custom', path: [field], message, input: undefined }]),
  });
}
