const SAFE_SCHEMES = new Set(['https:', 'http:', 'mailto:']);

/** A record's URL, only when it is absolute with a safe scheme; otherwise `undefined` (shown as text). */
export function safeUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return SAFE_SCHEMES.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
