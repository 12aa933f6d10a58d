/**
 * The `next dev` arguments of `npm run dev`: the port, and the address to listen on —
 * `localhost` unless HOST says otherwise (HOST=0.0.0.0 opens it to the network), so a
 * development server with demo data is not reachable from other machines by default.
 */
export function nextDevArgs(env: Record<string, string | undefined>): string[] {
  return ["dev", "--port", env.PORT || "3000", "--hostname", env.HOST || "localhost"];
}
