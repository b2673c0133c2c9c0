import { describe, expect, it } from 'vitest';
import { call, fieldIs, toAppError } from './errors';

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

describe('call', () => {
  it('gives what Go answered', async () => {
    expect(await call(async () => ({ id: 3 }))).toEqual({ id: 3 });
  });

  it('rejects with an AppError whatever the call threw', async () => {
    await expect(call(() => Promise.reject('{"code":"locked","message":"Locked."}'))).rejects.toEqual({
      code: 'locked',
      message: 'Locked.',
      field: '',
    });
    await expect(
      call(() => {
        throw new Error('boom');
      }),
    ).rejects.toEqual({ code: 'internal', message: '', field: '' });
  });
});
