-- Database security objects, applied after every `prisma migrate deploy` by tools/db/migrate.ts.
-- Idempotent. Kept outside the Prisma migrations because the JS schema engine splits migration
-- scripts on semicolons and cannot run dollar-quoted function bodies.

-- The audit trail is append-only: no role (not even the owner) may change or remove a row.
-- Retention purges of rows older than the legal minimum (12 months, Decree 53/2022) are done by a
-- DBA who disables the trigger explicitly, never by the application.
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER IF EXISTS audit_event_no_update ON audit_event;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event;
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- Group roles (NOLOGIN); deployments create login users that are members of one of them:
--   skss_app       the API: reads and writes data, only INSERT and SELECT on the audit trail, no DDL
--   skss_readonly  reporting and analytics: SELECT only
-- The role that runs migrations owns the schema. Creating roles needs CREATEROLE; where the
-- migrating role lacks it, a DBA creates them beforehand (docs/operations/deployment.md).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'skss_app') THEN
    CREATE ROLE skss_app NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'skss_readonly') THEN
    CREATE ROLE skss_readonly NOLOGIN;
  END IF;
END;
$$;

GRANT USAGE ON SCHEMA public TO skss_app, skss_readonly;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO skss_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO skss_app;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO skss_readonly;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM skss_app;
-- The API reads which migrations are applied (health); it never writes them.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON _prisma_migrations FROM skss_app;
