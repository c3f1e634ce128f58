/** The one object guard for data that crossed a boundary (storage, messages, imported files). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
