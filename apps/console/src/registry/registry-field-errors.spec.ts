import type { Problem } from '../api/client';
import { registryFieldErrors } from './registry-field-errors';

const problem = (status: number, errors: { field: string; message: string }[]): Problem => ({
  type: 'about:blank',
  title: 't',
  status,
  errors,
});

describe('registryFieldErrors', () => {
  const fields = ['id', 'certificate.number', 'certificate.validUntil'];
  const aliases = { validUntil: ['certificate', 'validUntil'] };

  it('places a 400 error on the nested field it names', () => {
    expect(registryFieldErrors(problem(400, [{ field: 'certificate.number', message: 'm' }]), fields, aliases)).toEqual({
      placed: [{ name: ['certificate', 'number'], errors: ['m'] }],
      unplaced: [],
    });
  });

  it('places a registry rule’s field through its alias, and keeps errors no field shows for the alert', () => {
    const p = problem(422, [
      { field: 'validUntil', message: '有效期起始日不得晚于截止日' },
      { field: 'agencyId', message: '所属机构不存在' },
    ]);
    expect(registryFieldErrors(p, fields, aliases)).toEqual({
      placed: [{ name: ['certificate', 'validUntil'], errors: ['有效期起始日不得晚于截止日'] }],
      unplaced: ['agencyId：所属机构不存在'],
    });
  });

  it('places nothing for a problem without field errors', () => {
    expect(registryFieldErrors({ type: 'x', title: '无权操作', status: 403 }, fields)).toEqual({ placed: [], unplaced: [] });
  });
});
