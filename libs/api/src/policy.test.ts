import { describe, expect, it } from 'vitest';
import { appRouter } from './router.ts';
import type { Meta } from './trpc.ts';

describe('every procedure declares its access policy', () => {
  const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta; type: string } }>);
  it.each(procedures)('%s', (_path, procedure) => {
    const policy = procedure._def.meta?.policy;
    expect(policy).toBeDefined();
    expect(['public', 'session', 'area']).toContain(policy?.access);
    // Queries are read-only (a GET changes nothing but the audit trail: refusals and exports are recorded).
    if (procedure._def.type === 'query' && policy?.access === 'area') expect(policy.action).toBe('read');
  });
  it('finds the procedures', () => expect(procedures.length).toBeGreaterThan(10));
});
