/**
 * Whether a POST comes from a page of this site. Server actions check the Origin header
 * against the host to stop cross-site posts; route handlers that change data do the same.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
