import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflatedZeros, entriesOf, rawZip, realXlsx } from './testing.ts';
import { INFLATE_SLICE, rebuildZip, safeUnzip, UnsafeFileError, type ZipLimits } from './unzip.ts';

const MB = 1024 * 1024;
const LIMITS: ZipLimits = { maxEntries: 1_000, maxUnpackedBytes: 60 * MB, maxEntryBytes: 40 * MB, maxRatio: 100 };
/** The most one step of the inflater can hand out past a cap: one slice of input at deflate's best ratio. */
const STEP = INFLATE_SLICE * 1032;

/** Unzips, counting every byte the inflater hands out; returns the refusal and that count. */
function attempt(zip: Uint8Array, limits = LIMITS) {
  let inflated = 0;
  try {
    safeUnzip(zip, limits, { onInflate: (n) => (inflated = n) });
    return { reason: null, message: '', inflated };
  } catch (e) {
    if (!(e instanceof UnsafeFileError)) throw e;
    return { reason: e.reason, message: e.message, inflated };
  }
}

const workbook = entriesOf(realXlsx());
const zeros = (mb: number, declaredSize?: number) => ({
  name: 'xl/media/image1.bin',
  deflated: deflatedZeros(mb * MB),
  size: mb * MB,
  declaredSize,
});

describe('safe unzip: hard caps on what is really inflated, whatever the headers say', () => {
  it('an honest workbook comes out whole, and its rebuilt copy holds exactly the verified entries', () => {
    const entries = safeUnzip(realXlsx(), LIMITS);
    expect([...entries.keys()]).toContain('xl/workbook.xml');
    const rebuilt = unzipSync(rebuildZip(entries));
    expect(Object.keys(rebuilt).sort()).toEqual([...entries.keys()].sort());
    expect(new TextDecoder().decode(rebuilt['xl/workbook.xml'])).toContain('台账');
  });

  it('an entry of zeros declared as 1 KB stops at the ratio cap, long before it is inflated', () => {
    const r = attempt(rawZip([...workbook, zeros(48, 1024)]));
    expect(r.reason).toBe('ratio');
    expect(r.message).toContain('疑似压缩炸弹');
    expect(r.inflated).toBeLessThan(12 * MB);
  });

  it('with no ratio cap, the per-entry cap stops the same lie at 40 MB of 48', () => {
    const r = attempt(rawZip([...workbook, zeros(48, 1024)]), { ...LIMITS, maxRatio: Infinity });
    expect(r.reason).toBe('entry');
    expect(r.inflated).toBeLessThanOrEqual(LIMITS.maxEntryBytes + STEP);
  });

  it('many lying entries, each under the per-entry cap, stop at the total cap', () => {
    const parts = Array.from({ length: 2 }, (_, i) => ({ ...zeros(48, 10), name: `xl/media/image${i}.bin` }));
    const r = attempt(rawZip([...workbook, ...parts]), { ...LIMITS, maxRatio: Infinity, maxEntryBytes: 50 * MB });
    expect(r.reason).toBe('total');
    expect(r.inflated).toBeLessThanOrEqual(LIMITS.maxUnpackedBytes + STEP);
  });

  it('sizes declared honestly but too large are refused from the directory, before a byte is inflated', () => {
    const r = attempt(rawZip([...workbook, zeros(48)]));
    expect(r.reason).toBe('entry');
    expect(r.inflated).toBe(0);
  });

  it('local headers and the central directory must list the same entries, once each', () => {
    const hidden = { name: 'xl/vbaProject.bin', data: new Uint8Array([1, 2, 3]), hidden: true };
    expect(attempt(rawZip([...workbook, hidden])).reason).toBe('mismatch');
    const twice = workbook.findIndex((e) => e.name === 'xl/workbook.xml');
    expect(
      attempt(
        rawZip([...workbook.map((e, i) => (i === twice ? { ...e, pointsAt: workbook.length } : e)), { ...workbook[twice]!, hidden: true }]),
      ).reason,
    ).toBe('mismatch');
    expect(attempt(rawZip(workbook, workbook.length + 5)).reason).toBe('mismatch');
  });

  it('an archive that holds more entries than allowed is refused at the first one too many', () => {
    const many = Array.from({ length: 5_000 }, (_, i) => ({ name: `x/${i}`, data: new Uint8Array(0), store: true }));
    expect(attempt(rawZip([...workbook, ...many])).reason).toBe('entries');
    expect(attempt(rawZip([...workbook, ...many.map((e) => ({ ...e, hidden: true }))])).reason).toBe('entries');
  });

  it('a truncated or garbled archive is corrupt, not a crash', () => {
    const zip = realXlsx();
    expect(attempt(zip.subarray(0, zip.length - 40)).reason).toBe('corrupt');
    const garbled = Buffer.from(zip);
    garbled.fill(0x41, 60, 400);
    expect(['corrupt', 'mismatch']).toContain(attempt(garbled).reason);
  });
});
