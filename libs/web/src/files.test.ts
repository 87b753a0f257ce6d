import { describe, expect, it } from 'vitest';
import { fileUrl } from './files.ts';

describe('attachment links', () => {
  it('point at the download route of the module whose rules decide; pictures may ask to be shown inline', () => {
    expect(fileUrl('safety', 12)).toBe('/api/files/safety/12');
    expect(fileUrl('plan', 3, true)).toBe('/api/files/plan/3?inline=1');
  });
});
