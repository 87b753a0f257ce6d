import { describe, expect, it } from 'vitest';
import { authorityRefusal } from './inspection.ts';
import {
  approvalRefusal,
  LICENCE_EXPIRY_WARNING_DAYS,
  LICENCE_KIND_LABELS,
  licenceCase,
  LicenceInput,
  LicenceKind,
  licenceRefusal,
  licenceStanding,
  registryChange,
  LICENCE_WORKFLOW as wf,
} from './licence.ts';

const school = { level: 'school' as const, username: 'school' };
const county = { level: 'county' as const, username: 'county' };

describe('办学许可事项', () => {
  it('has four kinds, each with a Chinese label', () => {
    expect(LicenceKind.options.map((k) => LICENCE_KIND_LABELS[k].zh)).toEqual(['设立', '变更', '延续', '注销']);
  });

  it('is applied for by the school, accepted and approved or refused by the authority, returned with a reason', () => {
    expect(wf.allowed(licenceCase({ status: 'draft', submittedBy: null }), school)).toEqual(['submit']);
    expect(wf.allowed(licenceCase({ status: 'draft', submittedBy: null }), county)).toEqual([]);
    expect(wf.allowed(licenceCase({ status: 'submitted', submittedBy: 'school' }), county)).toEqual(['accept', 'return']);
    expect(wf.allowed(licenceCase({ status: 'reviewing', submittedBy: 'school' }), county)).toEqual(['return', 'approve', 'refuse']);
    expect(wf.allowed(licenceCase({ status: 'reviewing', submittedBy: 'school' }), school)).toEqual([]);
    expect(wf.refusal(licenceCase({ status: 'reviewing', submittedBy: 'school' }), 'refuse', county, { reason: ' ' })).toBe(
      '请填写不予批准原因',
    );
    expect(wf.finalStates).toEqual(['approved', 'refused']);
  });

  it('never lets a school teaching compulsory grades register as 营利', () => {
    const input = { kind: 'establish' as const, registration: 'for_profit' as const };
    expect(licenceRefusal(input, true)).toEqual({ field: 'registration', message: '实施义务教育的民办学校不得设立为营利性学校' });
    expect(licenceRefusal(input, false)).toBeNull();
    expect(licenceRefusal({ ...input, registration: 'non_profit' }, true)).toBeNull();
  });

  it('requires the licence number for 变更/延续/注销 and the change text for 变更', () => {
    expect(licenceRefusal({ kind: 'renew', registration: 'non_profit' }, false)?.field).toBe('licenceNo');
    expect(licenceRefusal({ kind: 'change', registration: 'non_profit', licenceNo: '教民1234' }, false)?.field).toBe('alteration');
    expect(licenceRefusal({ kind: 'establish', registration: 'non_profit', licenceNo: '教民1234' }, false)?.field).toBe('licenceNo');
    expect(licenceRefusal({ kind: 'cancel', registration: 'non_profit', licenceNo: '教民1234' }, false)).toBeNull();
    expect(LicenceInput.safeParse({ schoolId: 1, kind: 'x', registration: 'non_profit' }).error?.issues[0]?.message).toBe('请选择许可事项');
  });

  it('issues a number for 设立 and a validity for 设立/延续 on approval', () => {
    const today = '2022-11-30';
    expect(approvalRefusal('establish', { validUntil: '2027-11-30' }, today)?.field).toBe('licenceNo');
    expect(approvalRefusal('establish', { licenceNo: '教民1234', validUntil: '2022-11-30' }, today)?.field).toBe('validUntil');
    expect(approvalRefusal('establish', { licenceNo: '教民1234', validUntil: '2027-11-30' }, today)).toBeNull();
    expect(approvalRefusal('renew', { validUntil: '2027-11-30' }, today)).toBeNull();
    expect(approvalRefusal('change', { validUntil: '2027-11-30' }, today)?.field).toBe('validUntil');
    expect(approvalRefusal('cancel', {}, today)).toBeNull();
  });

  it('counts a licence as expiring within 90 days of its end unless a renewal is under way', () => {
    expect(LICENCE_EXPIRY_WARNING_DAYS).toBe(90);
    const today = '2022-11-30';
    const issued = { id: 1, kind: 'establish' as const, status: 'approved' as const, validUntil: '2023-02-28' };
    expect(licenceStanding([], today)).toBeNull();
    expect(licenceStanding([issued], today)).toEqual({ standing: 'expiring', validUntil: '2023-02-28' });
    expect(licenceStanding([{ ...issued, validUntil: '2023-03-01' }], today)?.standing).toBe('valid');
    expect(licenceStanding([{ ...issued, validUntil: '2022-11-29' }], today)?.standing).toBe('expired');
    const renewal = { id: 2, kind: 'renew' as const, status: 'submitted' as const, validUntil: null };
    expect(licenceStanding([issued, renewal], today)?.standing).toBe('renewing');
    expect(licenceStanding([issued, { ...renewal, status: 'refused' }], today)?.standing).toBe('expiring');
    expect(licenceStanding([issued, { ...renewal, status: 'approved', validUntil: '2028-02-28' }], today)).toEqual({
      standing: 'valid',
      validUntil: '2028-02-28',
    });
    expect(licenceStanding([issued, { id: 3, kind: 'cancel', status: 'approved', validUntil: null }], today)?.standing).toBe('cancelled');
  });

  it('names the matter in the authority refusal', () => {
    expect(authorityRefusal('city', 'county', '办学许可')).toBe('该校由县市区教育局审批，办学许可由县市区教育局办理');
    expect(authorityRefusal('county', 'city')).toBe('该校由市教育局审批，年检由市教育局办理');
  });

  it('an approved 设立 or 变更 carries its number and 分类登记 into the registry entry; 延续 and 注销 do not', () => {
    expect(registryChange({ kind: 'establish', registration: 'non_profit', licenceNo: '教民143040000000123号' })).toEqual({
      licenceNo: '教民143040000000123号',
      forProfit: false,
    });
    expect(registryChange({ kind: 'change', registration: 'for_profit', licenceNo: null })).toEqual({ forProfit: true });
    expect(registryChange({ kind: 'renew', registration: 'non_profit', licenceNo: 'x' })).toBeNull();
    expect(registryChange({ kind: 'cancel', registration: 'non_profit', licenceNo: 'x' })).toBeNull();
  });
});
