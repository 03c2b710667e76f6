import { describe, expect, it } from 'vitest';
import { restColumns, withEmployeeId } from '../../../../shared/contract/rest.js';

describe('the REST names of report rows', () => {
  it('renames employee_code to employee_id, first, and keeps every other column and its order', () => {
    const rows = [
      { employee_code: 'E1', name: 'Esha', seconds: 3600 },
      { employee_code: null, name: 'team total', seconds: 7200 },
      { team: 'Engineering', seconds: 10 },
    ];
    const out = withEmployeeId(rows);
    expect(out).toEqual([
      { employee_id: 'E1', name: 'Esha', seconds: 3600 },
      { employee_id: null, name: 'team total', seconds: 7200 },
      { team: 'Engineering', seconds: 10 },
    ]);
    expect(Object.keys(out[0]!)).toEqual(['employee_id', 'name', 'seconds']);
    // The rows given are not changed.
    expect(rows[0]).toEqual({ employee_code: 'E1', name: 'Esha', seconds: 3600 });
    expect(restColumns(['employee_code', 'date'])).toEqual(['employee_id', 'date']);
  });
});
