-- Every API instance keeps resolved sessions (account, roles, view scope) in memory for a few
-- seconds (libs/api/auth/src/lib/sessions/session-cache.ts). These triggers tell every instance,
-- on channel skss_session_cache, that an answer it may hold has changed, whichever path changed
-- it (the API, the first-administrator command, a DBA):
--   session:<id>  a session was ended, moved or reset (not the once-a-minute last_seen_at touch)
--   user:<id>     an account or its roles changed (disabled, password, second factor, unit, ...)
--   all           a role, a facility or the reporting chain changed (permissions, view scopes)
-- The JS schema engine splits migration scripts at every semicolon, even inside quotes, so the
-- function body is an escape string that writes them as \073.

CREATE FUNCTION session_cache_notify() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_LEVEL = ''STATEMENT'' THEN
    PERFORM pg_notify(''skss_session_cache'', ''all'')\073
    RETURN NULL\073
  END IF\073
  IF TG_OP <> ''INSERT'' THEN
    PERFORM pg_notify(''skss_session_cache'', TG_ARGV[0] || '':'' || (to_jsonb(OLD) ->> TG_ARGV[1]))\073
  END IF\073
  IF TG_OP <> ''DELETE'' THEN
    PERFORM pg_notify(''skss_session_cache'', TG_ARGV[0] || '':'' || (to_jsonb(NEW) ->> TG_ARGV[1]))\073
  END IF\073
  RETURN NULL\073
END
';

-- Moving last_seen_at forward is the API's own touch, moving it back (a test, a DBA) may end the session.
CREATE TRIGGER session_cache_session_changed AFTER UPDATE ON session FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
    OR OLD.fully_authenticated IS DISTINCT FROM NEW.fully_authenticated OR NEW.last_seen_at < OLD.last_seen_at
    OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.token_hash IS DISTINCT FROM NEW.token_hash
    OR OLD.csrf_token IS DISTINCT FROM NEW.csrf_token OR OLD.method IS DISTINCT FROM NEW.method)
  EXECUTE FUNCTION session_cache_notify('session', 'id');

CREATE TRIGGER session_cache_session_deleted AFTER DELETE ON session FOR EACH ROW
  EXECUTE FUNCTION session_cache_notify('session', 'id');

CREATE TRIGGER session_cache_user_changed AFTER UPDATE OR DELETE ON user_account FOR EACH ROW
  EXECUTE FUNCTION session_cache_notify('user', 'id');

CREATE TRIGGER session_cache_user_roles_changed AFTER INSERT OR UPDATE OR DELETE ON user_role FOR EACH ROW
  EXECUTE FUNCTION session_cache_notify('user', 'user_id');

CREATE TRIGGER session_cache_roles_changed AFTER UPDATE OR DELETE ON role FOR EACH STATEMENT
  EXECUTE FUNCTION session_cache_notify();

CREATE TRIGGER session_cache_facilities_changed AFTER UPDATE OR DELETE ON facility FOR EACH STATEMENT
  EXECUTE FUNCTION session_cache_notify();

CREATE TRIGGER session_cache_reporting_lines_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON facility_reporting_line
  FOR EACH STATEMENT EXECUTE FUNCTION session_cache_notify();
