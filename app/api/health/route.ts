import { pingDatabase } from "@/lib/health/ping-database";

// Liveness + database check for load balancers and uptime monitors. No authentication and
// no detail in the body: it says only whether `SELECT 1` answered in time.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const ok = await pingDatabase(process.env.DATABASE_URL);
  return Response.json(ok ? { status: "ok", db: "ok" } : { status: "error", db: "error" }, {
    status: ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
