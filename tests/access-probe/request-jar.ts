// The request the probe's calls run in. Pages, route handlers and actions read the session
// through next/headers; outside a Next server there is no request, so the probe's test file
// mocks next/headers with `nextHeaders` below, backed by this one mutable request. Everything
// behind it is real: the cookie is next-auth's encrypted token for a `user_session` row made by
// signing in (request-scope.ts), and lib/auth/session.ts decodes it and re-reads the user.
// No import of app code here: the mock's factory loads this module, and app code imports
// next/headers, which would wait for the factory.

export type JarCookie = { name: string; value: string };

const HOST = "permanencia.test";
const current = { cookies: [] as JarCookie[] };

function cookieStore() {
  return {
    getAll: () => current.cookies,
    get: (name: string) => current.cookies.find((c) => c.name === name),
    has: (name: string) => current.cookies.some((c) => c.name === name),
    // Actions that succeed may set or drop cookies (the positive controls); nothing reads them back.
    set: () => undefined,
    delete: () => undefined,
  };
}

function requestHeaders(): Headers {
  return new Headers({
    host: HOST,
    "user-agent": "access-probe",
    cookie: current.cookies.map((c) => `${c.name}=${c.value}`).join("; "),
  });
}

/** What the test file's `vi.mock("next/headers")` returns. */
export const nextHeaders = {
  cookies: async () => cookieStore(),
  headers: async () => requestHeaders(),
};

/** Makes the following calls come from this browser (its session cookie). */
export function actAs(cookies: JarCookie[]) {
  current.cookies = cookies;
}

/** A Request of the current browser, for route handlers. */
export function browserRequest(path: string, init: RequestInit = {}): Request {
  const headers = requestHeaders();
  headers.set("origin", `http://${HOST}`);
  for (const [k, v] of new Headers(init.headers).entries()) headers.set(k, v);
  return new Request(`http://${HOST}${path}`, { ...init, headers });
}
