// Package sqlite is a durable [register.Store] on an embedded SQLite
// database, through the pure-Go driver modernc.org/sqlite (no cgo).
//
// It lives in its own module so that importers of the core library are not
// forced onto a database driver or onto the newer Go release the driver
// needs.
//
// Tables: events (each child's history, one row per event, each row with
// the child's folded [register.State] after it, but a child's first row,
// whose state is the fold of its own event) and access (the access log). The head of a chain is its last row, one step down the (child_id,
// version) or (child_id, n) index, so that a registration or an enquiry
// reads one row and a commit writes only its new rows. Every event and
// access row carries the SHA-256 hash of its predecessor in its child's
// chain and its own hash; [Store.Load] verifies the child's chain and the
// states in its rows, [Store.Verify] (and [Store.Check], after SQLite's
// integrity check) the whole file, reporting the first bad sequence
// number as a *[register.TamperError]. Sequence numbers are given out one
// by one under the write lock, so Verify also reports a gap, or a log that
// ends before the highest number given out (which SQLite keeps in
// sqlite_sequence): the trace of a deleted last row. Verify returns a
// [register.Anchor] to keep outside the file; given to a later Verify it
// finds a history rewritten or truncated since, even with every hash
// recomputed and the sequence counter wound back. Triggers refuse UPDATE
// and DELETE of events and access rows and any INSERT that would re-use a
// sequence number or a (child, version), which is how INSERT OR REPLACE
// deletes. Triggers can be dropped by anyone who can write the file: the
// hash chains and the anchor are what show that it happened.
//
// Versioning: the child's head is read inside the write transaction. An
// Append compares it with the expected version; two writers appending to
// one child at the same version cannot both succeed; the loser gets a
// Conflict error on field "version" and retries on fresh state.
// [Store.Update] ([register.Updater], which [register.Register] uses)
// decides on the head it read under the write lock, so it never meets a
// concurrent change. The database runs in WAL mode with synchronous=FULL,
// so an append that returned nil survives a crash of the process or of the
// machine; each Append and Update is one IMMEDIATE transaction, and a
// process's writers queue on a mutex rather than in SQLite's sleeping busy
// handler. Statements are prepared once per store. [Options.GroupCommit]
// lets concurrent access-log records share a commit.
//
// The file: the database and its -wal and -shm files are created 0600;
// the path is a file name, URI-escaped for the driver, so "a#b.db" is a
// file named a#b.db. Opening a database whose schema is current takes no
// write lock; a migration does, and a busy lock is a Conflict on field
// "database" to retry. The schema is migrated in code (see migrations),
// each step recorded in schema_migrations; schema 2 chains and folds the
// histories written under schema 1; schema 4 verifies a schema 3 file
// against its heads tables (a file that fails is not migrated: Open
// returns the *[register.TamperError]), writes each event row's state (but
// first rows') and drops the heads tables.
package sqlite
