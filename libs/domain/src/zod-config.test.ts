import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ModuleManifest } from './index.ts';

describe('zod configuration', () => {
  it('never compiles parsers with eval (pages run under a CSP without unsafe-eval)', () => {
    expect(z.config().jitless).toBe(true);
    // Parsing still works without the compiled fast path.
    expect(ModuleManifest.safeParse({}).success).toBe(false);
  });
});
