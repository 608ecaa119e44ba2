package sqlite

// Everything specific to SQLite is in this file: the driver, the connection
// settings, the schema, how a uniqueness violation is recognised, and the
// integrity check. A PostgreSQL dialect would replace this file ($1
// placeholders, BIGSERIAL, pgconn's 23505 code); store.go would not change.

import (
	"errors"
	"net/url"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

type dialect struct {
	driver string
	// dsn returns the data source name for the database at path.
	dsn func(path string) string
	// migrations are the schema steps, version i+1 at index i. Released
	// steps are never edited; new ones are appended.
	migrations []migration
	// SQL, with this dialect's placeholders.
	createMigrationsTable, selectMigrations, insertMigration string
	currentVersion, insertEvent, loadEvents, scanEvents      string
	integrityCheck                                           string
	// isUnique reports whether err is a uniqueness violation.
	isUnique func(error) bool
}

type migration struct {
	note  string
	stmts []string
}

var sqliteDialect = dialect{
	driver: "sqlite",
	dsn: func(path string) string {
		q := url.Values{}
		// Per connection: WAL for concurrent readers; FULL sync so that a
		// commit is on disk before Append returns; wait rather than fail
		// when another writer holds the lock.
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)")
		q.Add("_pragma", "busy_timeout(30000)")
		q.Add("_pragma", "foreign_keys(ON)")
		// Take the write lock at BEGIN, so a transaction never has to
		// upgrade a read lock (which SQLite resolves by failing).
		q.Set("_txlock", "immediate")
		return "file:" + path + "?" + q.Encode()
	},
	migrations: []migration{
		{note: "events table, append-only", stmts: []string{
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
		}},
	},
	createMigrationsTable: `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		note    TEXT NOT NULL,
		applied TEXT NOT NULL
	)`,
	selectMigrations: `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`,
	insertMigration:  `INSERT INTO schema_migrations (version, note, applied) VALUES (?, ?, ?)`,
	currentVersion:   `SELECT COALESCE(MAX(version), 0) FROM events WHERE child_id = ?`,
	insertEvent:      `INSERT INTO events (child_id, version, type, recorded, body) VALUES (?, ?, ?, ?, ?)`,
	loadEvents:       `SELECT body FROM events WHERE child_id = ? ORDER BY version`,
	scanEvents:       `SELECT body FROM events ORDER BY child_id, version`,
	integrityCheck:   `PRAGMA integrity_check`,
	isUnique: func(err error) bool {
		var e *sqlite.Error
		if !errors.As(err, &e) {
			return false
		}
		return e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	},
}
