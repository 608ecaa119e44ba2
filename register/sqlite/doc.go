// Package sqlite is a durable [register.Store] on an embedded SQLite
// database, through the pure-Go driver modernc.org/sqlite (no cgo).
//
// It lives in its own module so that importers of the core library are not
// forced onto a database driver or onto the newer Go release the driver
// needs.
//
// Tables: events (each child's history, one row per event), heads (each
// child's folded [register.State], so that a registration or an enquiry
// reads one row), access (the access log) and access_heads. Every event
// and access row carries the SHA-256 hash of its predecessor in its
// child's chain and its own hash; [Store.Load] verifies the child's chain
// and head, [Store.Verify] (and [Store.Check], after SQLite's integrity
// check) the whole file, reporting the first bad sequence number as a
// *[register.TamperError]. Triggers refuse UPDATE and DELETE of events and
// access rows and any INSERT that would re-use a sequence number or a
// (child, version), which is how INSERT OR REPLACE deletes; heads only
// move forward. Triggers can be dropped by anyone who can write the file:
// the hash chains are what shows that it happened.
//
// Optimistic versioning: the child's head is read inside the write
// transaction and compared with the expected version; two writers
// appending to one child at the same version cannot both succeed; the
// loser gets a Conflict error on field "version" and retries on fresh
// state. The database runs in WAL mode with synchronous=FULL, so an append
// that returned nil survives a crash of the process or of the machine;
// each Append is one IMMEDIATE transaction, and a process's writers queue
// on a mutex rather than in SQLite's sleeping busy handler. Statements are
// prepared once per store. [Options.GroupCommit] lets concurrent
// access-log records share a commit.
//
// The file: the database and its -wal and -shm files are created 0600;
// the path is a file name, URI-escaped for the driver, so "a#b.db" is a
// file named a#b.db. Opening a database whose schema is current takes no
// write lock; a migration does, and a busy lock is a Conflict on field
// "database" to retry. The schema is migrated in code (see migrations),
// each step recorded in schema_migrations; schema 2 chains and folds the
// histories written under schema 1.
package sqlite
