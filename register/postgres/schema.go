package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/cpguide/cpguide/guidance"
)

type migration struct {
	note  string
	stmts []string
}

// migrations are the schema steps, version i+1 at index i. Released steps
// are never edited; new ones are appended. $APP is the application role.
var migrations = []migration{
	{note: "events, heads, access log, hash chains, append-only triggers", stmts: []string{
		`CREATE TABLE events (
			seq      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			child_id text        NOT NULL,
			version  bigint      NOT NULL CHECK (version >= 1),
			type     text        NOT NULL,
			recorded timestamptz NOT NULL,
			body     bytea       NOT NULL,
			prev     bytea       NOT NULL,
			hash     bytea       NOT NULL,
			UNIQUE (child_id, version)
		)`,
		`CREATE TABLE heads (
			child_id text   PRIMARY KEY,
			version  bigint NOT NULL,
			seq      bigint NOT NULL,
			hash     bytea  NOT NULL,
			state    bytea  NOT NULL
		)`,
		`CREATE TABLE access (
			seq      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			child_id text   NOT NULL,
			n        bigint NOT NULL CHECK (n >= 1),
			actor_id text   NOT NULL,
			outcome  text   NOT NULL,
			body     bytea  NOT NULL,
			prev     bytea  NOT NULL,
			hash     bytea  NOT NULL,
			UNIQUE (child_id, n)
		)`,
		`CREATE INDEX access_by_actor ON access (actor_id, seq)`,
		`CREATE TABLE access_heads (
			child_id text   PRIMARY KEY,
			n        bigint NOT NULL,
			seq      bigint NOT NULL,
			hash     bytea  NOT NULL
		)`,
		`CREATE FUNCTION register_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
		BEGIN
			RAISE EXCEPTION 'register table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
		END $f$`,
		`CREATE FUNCTION register_head_forward() RETURNS trigger LANGUAGE plpgsql AS $f$
		BEGIN
			IF TG_OP = 'DELETE' THEN
				RAISE EXCEPTION 'register heads are never deleted' USING ERRCODE = 'insufficient_privilege';
			END IF;
			IF NEW.child_id IS DISTINCT FROM OLD.child_id OR NEW.seq <= OLD.seq OR NEW.version <= OLD.version THEN
				RAISE EXCEPTION 'register heads only move forward' USING ERRCODE = 'insufficient_privilege';
			END IF;
			RETURN NEW;
		END $f$`,
		`CREATE FUNCTION register_access_head_forward() RETURNS trigger LANGUAGE plpgsql AS $f$
		BEGIN
			IF TG_OP = 'DELETE' THEN
				RAISE EXCEPTION 'register heads are never deleted' USING ERRCODE = 'insufficient_privilege';
			END IF;
			IF NEW.child_id IS DISTINCT FROM OLD.child_id OR NEW.seq <= OLD.seq OR NEW.n <= OLD.n THEN
				RAISE EXCEPTION 'register heads only move forward' USING ERRCODE = 'insufficient_privilege';
			END IF;
			RETURN NEW;
		END $f$`,
		`CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION register_append_only()`,
		`CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION register_append_only()`,
		`CREATE TRIGGER access_append_only BEFORE UPDATE OR DELETE ON access FOR EACH ROW EXECUTE FUNCTION register_append_only()`,
		`CREATE TRIGGER access_no_truncate BEFORE TRUNCATE ON access FOR EACH STATEMENT EXECUTE FUNCTION register_append_only()`,
		`CREATE TRIGGER heads_forward BEFORE UPDATE OR DELETE ON heads FOR EACH ROW EXECUTE FUNCTION register_head_forward()`,
		`CREATE TRIGGER heads_no_truncate BEFORE TRUNCATE ON heads FOR EACH STATEMENT EXECUTE FUNCTION register_append_only()`,
		`CREATE TRIGGER access_heads_forward BEFORE UPDATE OR DELETE ON access_heads FOR EACH ROW EXECUTE FUNCTION register_access_head_forward()`,
		`CREATE TRIGGER access_heads_no_truncate BEFORE TRUNCATE ON access_heads FOR EACH STATEMENT EXECUTE FUNCTION register_append_only()`,
		`REVOKE ALL ON events, heads, access, access_heads, schema_migrations FROM PUBLIC`,
		`GRANT SELECT, INSERT ON events, access TO $APP`,
		`GRANT SELECT, INSERT, UPDATE ON heads, access_heads TO $APP`,
		`GRANT SELECT ON schema_migrations TO $APP`,
	}},
}

// SchemaVersion returns the schema version this code migrates to.
func SchemaVersion() int { return len(migrations) }

// Migrate brings the schema in the connection's current schema (its
// search_path) up to date. Run it as the role that owns the tables, never
// as the application: appRole is the role the application connects as, and
// is granted only what the store needs (SELECT and INSERT on events and the
// access log; SELECT, INSERT and UPDATE on the heads; USAGE on the schema).
// Concurrent Migrate calls are serialised by an advisory lock. A schema
// newer than this code is refused.
func Migrate(ctx context.Context, connString, appRole string) error {
	if appRole == "" {
		return &guidance.Error{Kind: guidance.Invalid, Field: "app_role", Hint: "name the role the application connects as"}
	}
	conn, err := pgx.Connect(ctx, connString)
	if err != nil {
		return storeErr("connect", err)
	}
	defer conn.Close(ctx)
	tx, err := conn.Begin(ctx)
	if err != nil {
		return storeErr("migrate", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(7342001)`); err != nil {
		return storeErr("migrate", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version int PRIMARY KEY, note text NOT NULL, applied timestamptz NOT NULL DEFAULT now())`); err != nil {
		return storeErr("migrate", err)
	}
	var have int
	if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return storeErr("migrate", err)
	}
	if have > len(migrations) {
		return newer(have)
	}
	role := pgx.Identifier{appRole}.Sanitize()
	for v := have + 1; v <= len(migrations); v++ {
		for _, stmt := range migrations[v-1].stmts {
			if _, err := tx.Exec(ctx, strings.ReplaceAll(stmt, "$APP", role)); err != nil {
				return storeErr(fmt.Sprintf("migrate to schema %d", v), err)
			}
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, note) VALUES ($1, $2)`, v, migrations[v-1].note); err != nil {
			return storeErr("migrate", err)
		}
	}
	if _, err := tx.Exec(ctx, `GRANT USAGE ON SCHEMA `+pgx.Identifier{currentSchema(ctx, tx)}.Sanitize()+` TO `+role); err != nil {
		return storeErr("migrate", err)
	}
	return storeErr("migrate", tx.Commit(ctx))
}

func currentSchema(ctx context.Context, tx pgx.Tx) string {
	var s string
	if err := tx.QueryRow(ctx, `SELECT current_schema()`).Scan(&s); err != nil {
		return "public"
	}
	return s
}

func newer(have int) error {
	return &guidance.Error{Kind: guidance.Conflict, Field: "schema_version", Value: fmt.Sprint(have),
		Hint: fmt.Sprintf("the database was written by newer code (schema %d; this code knows %d)", have, len(migrations))}
}
