// Package postgres is a [register.Store] on PostgreSQL, through pgx v5,
// for a register shared by several application servers.
//
// It lives in its own module, like the SQLite store, so that importers of
// the core library are not forced onto a database driver.
//
// The schema has the same ideas as the SQLite store's: events (each
// child's history, UNIQUE (child_id, version)), heads (each child's folded
// [register.State], so that a registration or an enquiry reads one row),
// access (the access log) and access_heads; every event and access row
// carries the SHA-256 hash of its predecessor in its child's chain and its
// own hash, verified by [Store.Load] for one child and [Store.Verify] for
// the whole store, which report the first bad sequence number as a
// *[register.TamperError]. Verify returns a [register.Anchor] to keep
// outside the database; given to a later Verify it finds a history
// rewritten or truncated since, even by the schema's owner. Unlike the
// SQLite store, which keeps the state in every event row, this store
// keeps head rows: they are what concurrent writers lock.
//
// Append-only is enforced by the database twice over. [Migrate], run by the
// schema's owner, installs triggers refusing UPDATE, DELETE and TRUNCATE
// of events and access rows (heads only move forward), and grants the
// application's role only SELECT and INSERT on them (SELECT, INSERT and
// UPDATE on the heads). The application connects as that role ([Open]),
// so it cannot drop the triggers or rewrite a row even if compromised.
//
// Concurrent writers: an append locks the child's head row (SELECT ... FOR
// UPDATE) in a READ COMMITTED transaction, compares the version and
// writes the events and the new head; the first append of a child is
// decided by the unique (child_id, version) and head keys. Two appends at
// one version never both succeed; the loser gets a Conflict on field
// "version" and the [register.Register] retries on fresh state. Access
// records lock the child's access head the same way and are retried on a
// deadlock, so they never fail for being concurrent. Commits are durable
// when they return (the server's synchronous_commit, on by default).
package postgres
