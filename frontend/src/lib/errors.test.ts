import { describe, expect, it } from 'vitest';
import { fieldIs, toAppError } from './errors';

describe('toAppError', () => {
  it('keeps the object Go sends', () => {
    const e = toAppError({ code: 'invalid', message: 'Écrivez le mois.', field: 'startMonth' });
    expect(e).toEqual({ code: 'invalid', message: 'Écrivez le mois.', field: 'startMonth' });
    expect(fieldIs(e, 'startMonth')).toBe(true);
    expect(fieldIs(e, 'endMonth')).toBe(false);
  });

  it('reads the object from JSON text', () => {
    expect(toAppError('{"code":"not_found","message":"Gone."}')).toEqual({
      code: 'not_found',
      message: 'Gone.',
      field: '',
    });
  });

  it('shows plain text as the message', () => {
    expect(toAppError('disk full').message).toBe('disk full');
  });

  it('gives an empty message for an unexpected failure', () => {
    expect(toAppError(new Error('socket closed'))).toEqual({ code: 'internal', message: '', field: '' });
    expect(toAppError(undefined).message).toBe('');
  });
});
