// The module drill needs the production build and Chromium: it runs with the browser tests, after the build.
import { expect, it } from 'vitest';
import { moduleFaultDrill } from './fault-modules.ts';
import { describeFault } from './report.ts';

it('a module down, far too slow or answering HTML: the portal stays up and says so', async () => {
  const drill = await moduleFaultDrill();
  expect(drill.passed, describeFault(drill).join('\n')).toBe(true);
});
