package sqlite

// Everything specific to SQLite is in this file: the connection settings,
// the schema and its migrations, and how a uniqueness violation is
// recognised.

import (
	"context"
	"database/sql"
	"errors"
	"net/url"
	"slices"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// dsn returns the driver's data source name for the database file at
// path (absolute), URI-escaped so that '#', '?' and '%' in a file name
// are part of the name.
func dsn(path string, synchronous string) string {
	q := url.Values{}
	// Per connection: WAL for concurrent readers; FULL sync so that a
	// commit is on disk before Append returns; wait rather than fail when
	// another process holds the write lock.
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous("+synchronous+")")
	q.Add("_pragma", "busy_timeout(30000)")
	q.Add("_pragma", "foreign_keys(ON)")
	// Take the write lock at BEGIN, so a transaction never has to upgrade
	// a read lock (which SQLite resolves by failing).
	q.Set("_txlock", "immediate")
	return "file:" + escapePath(path) + "?" + q.Encode()
}

// escapePath percent-encodes every byte of path but unreserved ones and
// '/', as an SQLite URI file name needs.
func escapePath(path string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		c := path[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~/", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// A migration is one schema step: statements and Go code, run in order in
// one transaction.
type migration struct {
	note  string
	steps []step
}

// A step is a statement or, if run is set, Go code.
type step struct {
	sql string
	run func(context.Context, *sql.Tx) error
}

// stmts returns a step per statement.
func stmts(qs ...string) []step {
	out := make([]step, len(qs))
	for i, q := range qs {
		out[i] = step{sql: q}
	}
	return out
}

// migrations are the schema steps, version i+1 at index i. Released steps
// are never edited; new ones are appended.
var migrations = []migration{
	{note: "events table, append-only", steps: stmts(
		`CREATE TABLE events (
			seq      INTEGER PRIMARY KEY AUTOINCREMENT,
			child_id TEXT    NOT NULL,
			version  INTEGER NOT NULL CHECK (version >= 1),
			type     TEXT    NOT NULL,
			recorded TEXT    NOT NULL,
			body     TEXT    NOT NULL,
			UNIQUE (child_id, version)
		)`,
		`CREATE TRIGGER events_no_update BEFORE UPDATE ON events
			BEGIN SELECT RAISE(ABORT, 'register events are append-only'); END`,
		`CREATE TRIGGER events_no_delete BEFORE DELETE ON events
			BEGIN SELECT RAISE(ABORT, 'register events are append-only'); END`,
	)},
	{note: "hash chains, folded heads, access log; no re-use of a row", steps: append(stmts(
		`DROP TRIGGER events_no_update`,
		`ALTER TABLE events ADD COLUMN prev BLOB NOT NULL DEFAULT x''`,
		`ALTER TABLE events ADD COLUMN hash BLOB NOT NULL DEFAULT x''`,
		`CREATE TABLE heads (
			child_id TEXT    PRIMARY KEY,
			version  INTEGER NOT NULL,
			seq      INTEGER NOT NULL,
			hash     BLOB    NOT NULL,
			state    TEXT    NOT NULL
		) WITHOUT ROWID`,
		`CREATE TABLE access (
			seq      INTEGER PRIMARY KEY AUTOINCREMENT,
			child_id TEXT    NOT NULL,
			n        INTEGER NOT NULL CHECK (n >= 1),
			actor_id TEXT    NOT NULL,
			outcome  TEXT    NOT NULL,
			body     TEXT    NOT NULL,
			prev     BLOB    NOT NULL,
			hash     BLOB    NOT NULL,
			UNIQUE (child_id, n)
		)`,
		`CREATE INDEX access_by_actor ON access (actor_id, seq)`,
		`CREATE TABLE access_heads (
			child_id TEXT    PRIMARY KEY,
			n        INTEGER NOT NULL,
			seq      INTEGER NOT NULL,
			hash     BLOB    NOT NULL
		) WITHOUT ROWID`,
	), step{run: chainSchema1})},
	{note: "triggers: no update, delete or re-use of events and access rows; heads only move forward", steps: stmts(
		`CREATE TRIGGER events_no_update BEFORE UPDATE ON events
			BEGIN SELECT RAISE(ABORT, 'register events are append-only'); END`,
		// INSERT OR REPLACE deletes the row it replaces without firing
		// the delete trigger; refuse any insert that would re-use a
		// sequence number or a (child, version) before that can happen.
		`CREATE TRIGGER events_no_reuse BEFORE INSERT ON events
			WHEN EXISTS (SELECT 1 FROM events WHERE seq = NEW.seq)
			  OR EXISTS (SELECT 1 FROM events WHERE child_id = NEW.child_id AND version = NEW.version)
			BEGIN SELECT RAISE(ABORT, 'register events are append-only: sequence number or version already used'); END`,
		`CREATE TRIGGER access_no_update BEFORE UPDATE ON access
			BEGIN SELECT RAISE(ABORT, 'the register access log is append-only'); END`,
		`CREATE TRIGGER access_no_delete BEFORE DELETE ON access
			BEGIN SELECT RAISE(ABORT, 'the register access log is append-only'); END`,
		`CREATE TRIGGER access_no_reuse BEFORE INSERT ON access
			WHEN EXISTS (SELECT 1 FROM access WHERE seq = NEW.seq)
			  OR EXISTS (SELECT 1 FROM access WHERE child_id = NEW.child_id AND n = NEW.n)
			BEGIN SELECT RAISE(ABORT, 'the register access log is append-only: sequence number already used'); END`,
		`CREATE TRIGGER heads_no_delete BEFORE DELETE ON heads
			BEGIN SELECT RAISE(ABORT, 'register heads are never deleted'); END`,
		`CREATE TRIGGER heads_forward BEFORE UPDATE ON heads
			WHEN NEW.child_id IS NOT OLD.child_id OR NEW.version <= OLD.version OR NEW.seq <= OLD.seq
			BEGIN SELECT RAISE(ABORT, 'register heads only move forward'); END`,
		`CREATE TRIGGER heads_no_reuse BEFORE INSERT ON heads
			WHEN EXISTS (SELECT 1 FROM heads WHERE child_id = NEW.child_id)
			BEGIN SELECT RAISE(ABORT, 'register heads are never replaced'); END`,
		`CREATE TRIGGER access_heads_no_delete BEFORE DELETE ON access_heads
			BEGIN SELECT RAISE(ABORT, 'register heads are never deleted'); END`,
		`CREATE TRIGGER access_heads_forward BEFORE UPDATE ON access_heads
			WHEN NEW.child_id IS NOT OLD.child_id OR NEW.n <= OLD.n OR NEW.seq <= OLD.seq
			BEGIN SELECT RAISE(ABORT, 'register heads only move forward'); END`,
		`CREATE TRIGGER access_heads_no_reuse BEFORE INSERT ON access_heads
			WHEN EXISTS (SELECT 1 FROM access_heads WHERE child_id = NEW.child_id)
			BEGIN SELECT RAISE(ABORT, 'register heads are never replaced'); END`,
	)},
	// A commit writes one row: the head of a chain is its last row, found
	// through the (child, version) and (child, n) indexes, and each event
	// row keeps the folded state after it. The history is verified
	// against the old heads before they go.
	{note: "the folded state in each event row; a chain's head is its last row (no heads tables)", steps: slices.Concat(
		[]step{{run: verifySchema3}},
		stmts(
			`DROP TRIGGER events_no_update`,
			`ALTER TABLE events ADD COLUMN state TEXT NOT NULL DEFAULT ''`,
		),
		[]step{{run: statesIntoRows}},
		stmts(
			`DROP TRIGGER heads_no_delete`,
			`DROP TRIGGER heads_forward`,
			`DROP TRIGGER heads_no_reuse`,
			`DROP TRIGGER access_heads_no_delete`,
			`DROP TRIGGER access_heads_forward`,
			`DROP TRIGGER access_heads_no_reuse`,
			`DROP TABLE heads`,
			`DROP TABLE access_heads`,
			`CREATE TRIGGER events_no_update BEFORE UPDATE ON events
				BEGIN SELECT RAISE(ABORT, 'register events are append-only'); END`,
			// The store's inserts leave seq to AUTOINCREMENT, which a
			// BEFORE INSERT trigger sees as -1: only an insert that names
			// a sequence number needs it looked up (a probe per row
			// less). Rows never have a sequence number below 1 (Verify
			// reports one), so -1 re-uses none.
			`DROP TRIGGER events_no_reuse`,
			`CREATE TRIGGER events_no_reuse BEFORE INSERT ON events
				WHEN (NEW.seq <> -1 AND EXISTS (SELECT 1 FROM events WHERE seq = NEW.seq))
				  OR EXISTS (SELECT 1 FROM events WHERE child_id = NEW.child_id AND version = NEW.version)
				BEGIN SELECT RAISE(ABORT, 'register events are append-only: sequence number or version already used'); END`,
			`DROP TRIGGER access_no_reuse`,
			`CREATE TRIGGER access_no_reuse BEFORE INSERT ON access
				WHEN (NEW.seq <> -1 AND EXISTS (SELECT 1 FROM access WHERE seq = NEW.seq))
				  OR EXISTS (SELECT 1 FROM access WHERE child_id = NEW.child_id AND n = NEW.n)
				BEGIN SELECT RAISE(ABORT, 'the register access log is append-only: sequence number already used'); END`,
		),
	)},
}

const (
	createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		note    TEXT NOT NULL,
		applied TEXT NOT NULL
	)`
	hasMigrationsTable = `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`
	selectMigrations   = `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`
	insertMigration    = `INSERT INTO schema_migrations (version, note, applied) VALUES (?, ?, ?)`

	// The head of a child's chain is its last row, one step down the
	// (child_id, version) index.
	// (A child's first row keeps no state: its body is read instead.)
	qHead        = `SELECT version, seq, hash, state, CASE version WHEN 1 THEN body END FROM events WHERE child_id = ? ORDER BY version DESC LIMIT 1`
	qInsertEvent = `INSERT INTO events (child_id, version, type, recorded, body, prev, hash, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	// The prefix of the multi-row inserts.
	qInsertEvents = `INSERT INTO events (child_id, version, type, recorded, body, prev, hash, state) VALUES `
	qLoad         = `SELECT seq, version, type, body, prev, hash, state FROM events WHERE child_id = ? ORDER BY version`
	qScan         = `SELECT body FROM events ORDER BY child_id, version`
	qScanHeads    = `SELECT e.child_id, e.version, e.seq, e.state, CASE e.version WHEN 1 THEN e.body END FROM events e
		JOIN (SELECT child_id, MAX(version) AS version FROM events GROUP BY child_id) h ON e.child_id = h.child_id AND e.version = h.version
		ORDER BY e.child_id`
	qVerifyRows = `SELECT seq, child_id, version, type, body, prev, hash, state FROM events ORDER BY seq`

	qAccessHead     = `SELECT n, seq, hash FROM access WHERE child_id = ? ORDER BY n DESC LIMIT 1`
	qInsertAccess   = `INSERT INTO access (child_id, n, actor_id, outcome, body, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?)`
	qAccessByChild  = `SELECT seq, body FROM access WHERE child_id = ? AND seq > ? ORDER BY seq LIMIT ?`
	qAccessByActor  = `SELECT seq, body FROM access WHERE actor_id = ? AND seq > ? ORDER BY seq LIMIT ?`
	qVerifyAccess   = `SELECT seq, child_id, n, outcome, body, prev, hash FROM access ORDER BY seq`
	qIssued         = `SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ?), 0)`
	integrityCheck  = `PRAGMA integrity_check`
	schema3Heads    = `SELECT child_id, version, seq, hash, state FROM heads ORDER BY child_id`
	schema3AccHeads = `SELECT child_id, n, seq, hash FROM access_heads ORDER BY child_id`
	schema3Rows     = `SELECT seq, child_id, version, type, body, prev, hash FROM events ORDER BY seq`
)

// isUnique reports whether err is a uniqueness violation.
func isUnique(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	return e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// isBusy reports whether err is SQLITE_BUSY (another connection holds the
// lock past the busy timeout).
func isBusy(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && e.Code()&0xff == sqlite3.SQLITE_BUSY
}

// isTrigger reports whether err is a trigger's RAISE(ABORT): here, a
// re-used version that a concurrent writer took first.
func isTrigger(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && e.Code() == sqlite3.SQLITE_CONSTRAINT_TRIGGER
}
