// The one error shape the UI handles; Go's ErrorFormatter sends it already translated.

/** AppError is what a rejected Go call carries: a code, a translated message, the field at fault. */
export interface AppError {
  code: string;
  message: string;
  field: string;
}

function fromObject(value: Record<string, unknown>): AppError {
  return {
    code: typeof value.code === 'string' ? value.code : 'internal',
    message: typeof value.message === 'string' ? value.message : '',
    field: typeof value.field === 'string' ? value.field : '',
  };
}

/**
 * toAppError normalises whatever a rejected call gave (object, JSON text, Error, string).
 * An empty message means "unexpected": the UI then shows its own generic text.
 */
export function toAppError(e: unknown): AppError {
  if (e && typeof e === 'object' && !(e instanceof Error)) {
    return fromObject(e as Record<string, unknown>);
  }
  if (typeof e === 'string') {
    const text = e.trim();
    if (text.startsWith('{')) {
      try {
        return fromObject(JSON.parse(text) as Record<string, unknown>);
      } catch {
        // Not JSON after all: fall through and show the text itself.
      }
    }
    return { code: 'internal', message: text, field: '' };
  }
  return { code: 'internal', message: '', field: '' };
}

/** fieldIs tells whether err points at the field with the given JSON name. */
export function fieldIs(err: AppError | null | undefined, field: string): boolean {
  return !!err && err.field === field;
}

/**
 * call runs a Go call and gives its result; when the call rejects, it rejects with an AppError,
 * so every store reports failures in the one shape the screens handle.
 */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toAppError(e);
  }
}
