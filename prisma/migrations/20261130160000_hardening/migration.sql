-- Hardening (docs/decisions/020-hardening.md): server-side sessions, the shared sign-in
-- limiter, the audit flood guard, and the application's own database role.

-- CreateTable
CREATE TABLE "user_session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "user_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "audit_throttle" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "previousSuppressed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "audit_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "user_session_userId_idx" ON "user_session"("userId");

-- AddForeignKey
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The application's role (by hand). The web server connects as `permanencia_app` (or as a
-- login role that is a member of it): it reads and writes the data, may only append to the
-- audit log, and owns nothing, so it can neither ALTER/DROP a table nor DISABLE its triggers,
-- and (not being a superuser) cannot SET session_replication_role. Migrations and pg-boss's
-- schema maintenance run as the owner role that runs this file. The role is created here when
-- the migrating role may create roles (the embedded cluster creates it beforehand, with a
-- login); otherwise an administrator creates it first (README, "Database roles").
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'permanencia_app') THEN
    BEGIN
      CREATE ROLE permanencia_app NOLOGIN;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE EXCEPTION 'Falta el rol permanencia_app y % no puede crearlo: créelo antes de migrar (README, «Database roles»)', current_user;
    END;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO permanencia_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO permanencia_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO permanencia_app;

-- Tables and sequences that later migrations create (as this same role) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO permanencia_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO permanencia_app;

-- The audit log: append and read, nothing else.
REVOKE ALL ON "audit_log" FROM permanencia_app;
GRANT SELECT, INSERT ON "audit_log" TO permanencia_app;

-- Migration bookkeeping belongs to the migrating role alone.
REVOKE ALL ON "_prisma_migrations" FROM permanencia_app;
