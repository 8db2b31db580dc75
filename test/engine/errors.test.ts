import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CATALOGUE, errorMessage } from '../../src/shared/errors.js';

describe('error catalogue', () => {
  it('has a Thai and an English message for every code', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect(entry.th, code).toMatch(/[\u0E00-\u0E7F]/);
      expect(entry.en, code).toMatch(/[A-Za-z]/);
    }
  });
  it('fills placeholders in both languages', () => {
    expect(errorMessage('FILE_TOO_LARGE', { maxMb: 20 })).toEqual({ th: 'ไฟล์มีขนาดเกิน 20 MB', en: 'The file is larger than 20 MB' });
    const e = new AppError('IMPORT_INVALID', { count: 2 }, [{ path: 'row 3', th: 'x', en: 'y' }]);
    expect(e.status).toBe(400);
    expect(e.toJSON().error.details).toHaveLength(1);
  });
});
