// Package sqlite is a durable [register.Store] on an embedded SQLite
// database, through the pure-Go driver modernc.org/sqlite (no cgo).
//
// It lives in its own module so that importers of the core library are not
// forced onto a database driver or onto the newer Go release the driver
// needs.
//
// Each child's events are rows of one table, never updated or deleted.
// Optimistic versioning rests on a UNIQUE(child_id, version) constraint:
// two writers appending to one child at the same version cannot both
// succeed; the loser gets a Conflict error on field "version" and retries
// on fresh state. The database runs in WAL mode with synchronous=FULL, so
// an append that returned nil survives a crash of the process or of the
// machine; each Append is one IMMEDIATE transaction. The schema is
// migrated in code (see migrations), each step recorded in
// schema_migrations.
//
// All SQL that depends on SQLite is in dialect_sqlite.go; the rest is plain
// database/sql, so that a PostgreSQL store is a new dialect file away.
package sqlite
