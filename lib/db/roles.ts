import pg from "pg";

// Two database roles (docs/decisions/020-hardening.md):
//   owner — runs migrations, installs and maintains pg-boss's schema, operator maintenance;
//           owns every table (DATABASE_OWNER_URL).
//   app   — what the web server connects as (DATABASE_URL): the privileges of
//           `permanencia_app`, granted by the 20261130160000_hardening migration, i.e. data
//           reads and writes, INSERT/SELECT only on audit_log, no ownership.

/** The group role the migrations grant to; the app's login role is it or a member of it. */
export const APP_ROLE = "permanencia_app";

type Capabilities = {
  role: string;
  superuser: boolean;
  owns_audit_log: boolean;
  audit_update: boolean;
  audit_delete: boolean;
  audit_truncate: boolean;
  audit_trigger: boolean;
  replication_role: boolean;
};

/**
 * Why the connection at `url` must not serve the web app, in Spanish for the operator, or null
 * when it cannot tamper with the audit log: not a superuser, not (a member of) the table's
 * owner, no UPDATE, DELETE, TRUNCATE or TRIGGER on it, and no right to set
 * session_replication_role (which would silence the append-only triggers).
 */
export async function appRoleProblem(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Capabilities>(`
      SELECT current_user AS role,
             r.rolsuper AS superuser,
             pg_has_role(current_user, c.relowner, 'MEMBER') AS owns_audit_log,
             has_table_privilege(c.oid, 'UPDATE') AS audit_update,
             has_table_privilege(c.oid, 'DELETE') AS audit_delete,
             has_table_privilege(c.oid, 'TRUNCATE') AS audit_truncate,
             has_table_privilege(c.oid, 'TRIGGER') AS audit_trigger,
             has_parameter_privilege('session_replication_role', 'SET') AS replication_role
        FROM pg_roles r, pg_class c
       WHERE r.rolname = current_user AND c.oid = 'public.audit_log'::regclass`);
    const c = rows[0];
    if (!c) return "No se encontró la tabla audit_log: aplique las migraciones primero.";
    const powers = [
      c.superuser && "es superusuario",
      c.owns_audit_log && "es dueño de audit_log",
      (c.audit_update || c.audit_delete || c.audit_truncate) && "puede modificar o borrar audit_log",
      c.audit_trigger && "puede crear disparadores en audit_log",
      c.replication_role && "puede cambiar session_replication_role",
    ].filter(Boolean);
    if (powers.length === 0) return null;
    return (
      `DATABASE_URL usa el rol «${c.role}», que ${powers.join(", ")}: la aplicación no debe poder alterar ` +
      `el registro de auditoría. Use un rol con los permisos de ${APP_ROLE} en DATABASE_URL y el rol dueño ` +
      `en DATABASE_OWNER_URL (README, «Database roles»).`
    );
  } finally {
    await client.end();
  }
}

/**
 * Lets the app role use pg-boss's schema (send, fetch and complete jobs), which pg-boss creates
 * itself at install, after the migrations. Run as the owner right after installing it; tables
 * the owner creates there later (queue partitions, statistics) get the same grants by default.
 */
export async function grantJobSchema(ownerUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const s = pg.escapeIdentifier(schema);
    const exists = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [APP_ROLE]);
    // A database migrated before the role existed has nothing to grant to; the migration
    // that creates it runs first everywhere else.
    if (!exists.rowCount) return;
    await client.query(`
      GRANT USAGE ON SCHEMA ${s} TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${APP_ROLE};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${APP_ROLE};
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO ${APP_ROLE};
      ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE};
      ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE};
      ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT EXECUTE ON FUNCTIONS TO ${APP_ROLE};`);
  } finally {
    await client.end();
  }
}
