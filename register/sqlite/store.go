package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/register"
)

// Options tune a [Store]. The zero value is the durable default.
type Options struct {
	// GroupCommit commits access-log records (enquiries, refusals) of
	// concurrent callers together: while one transaction commits, the
	// records that arrive queue up and the next commit writes them all.
	// Each Record still returns only when its entry is durable; under
	// load, many enquiries share one fsync. Off by default; it changes
	// nothing for a single caller.
	GroupCommit bool
	// Synchronous is SQLite's synchronous setting, "FULL" (the default:
	// an append that returned nil survives a power cut) or "NORMAL" (it
	// survives a crash of the program, not of the machine).
	Synchronous string
}

// Store is a [register.Store], [register.Batcher] and [register.Updater]
// on an SQLite database file. It is safe for concurrent use, also by
// several processes on one machine.
type Store struct {
	db    *sql.DB
	opts  Options
	stmts map[string]*sql.Stmt // prepared by Open, read-only after
	smu   sync.Mutex           // guards multi
	multi map[string]*sql.Stmt // multi-row inserts, prepared on first use
	// wmu serialises this process's write transactions, so that they
	// queue in Go instead of in SQLite's busy handler (which sleeps).
	wmu sync.Mutex
	// queue holds access records waiting for a group commit.
	qmu   sync.Mutex
	queue []*pending
}

type pending struct {
	entries []register.Access
	done    chan error
}

var (
	_ register.Store   = (*Store)(nil)
	_ register.Batcher = (*Store)(nil)
	_ register.Updater = (*Store)(nil)
)

// Open opens (creating if need be) the database at path with the default
// [Options]. See [OpenWith].
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenWith(ctx, path, Options{})
}

// OpenWith opens (creating if need be) the database at path and brings its
// schema up to date. The path is a file name, never a URI: any byte may be
// part of it. The database and its -wal and -shm files are created
// readable and writable by the owner only (0600), and an existing
// database file readable by others is made 0600. A database whose schema
// is current is opened without taking the write lock; a migration takes
// it, and if another process holds it past the busy timeout Open returns
// a Conflict error on field "database" saying to retry. A database whose
// schema is newer than this code is refused.
func OpenWith(ctx context.Context, path string, opts Options) (*Store, error) {
	switch opts.Synchronous {
	case "":
		opts.Synchronous = "FULL"
	case "FULL", "NORMAL":
	default:
		return nil, &guidance.Error{Kind: guidance.Invalid, Field: "synchronous", Value: opts.Synchronous, Hint: "FULL or NORMAL"}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, storeErr("open", err)
	}
	if err := private(abs); err != nil {
		return nil, storeErr("open", err)
	}
	db, err := sql.Open("sqlite", dsn(abs, opts.Synchronous))
	if err != nil {
		return nil, storeErr("open", err)
	}
	s := &Store{db: db, opts: opts}
	if err := s.migrate(ctx, len(migrations)); err != nil {
		db.Close()
		return nil, err
	}
	for _, f := range []string{abs + "-wal", abs + "-shm"} {
		if err := chmodPrivate(f); err != nil {
			db.Close()
			return nil, storeErr("open", err)
		}
	}
	if err := s.prepare(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// private creates the database file 0600 if it does not exist, so that
// SQLite (which gives the -wal and -shm files the database's mode) never
// creates any of them readable by others, and tightens an existing one.
func private(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return chmodPrivate(path)
}

func chmodPrivate(path string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return os.Chmod(path, fi.Mode().Perm()&0o600)
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	for _, st := range s.stmts {
		st.Close()
	}
	s.smu.Lock()
	for _, st := range s.multi {
		st.Close()
	}
	s.smu.Unlock()
	return s.db.Close()
}

// SchemaVersion returns the schema version this code migrates to.
func SchemaVersion() int { return len(migrations) }

func (s *Store) prepare(ctx context.Context) error {
	s.stmts = map[string]*sql.Stmt{}
	for _, q := range []string{qHead, qInsertEvent, qLoad, qAccessHead, qInsertAccess, qAccessByChild, qAccessByActor} {
		st, err := s.db.PrepareContext(ctx, q)
		if err != nil {
			return storeErr("prepare", err)
		}
		s.stmts[q] = st
	}
	return nil
}

// schemaVersion reads the schema version without taking the write lock.
func (s *Store) schemaVersion(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, hasMigrationsTable).Scan(&n); err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, nil
	}
	var have int
	err := s.db.QueryRowContext(ctx, selectMigrations).Scan(&have)
	return have, err
}

// migrate brings the schema up to version to (len(migrations) but in
// tests).
func (s *Store) migrate(ctx context.Context, to int) error {
	have, err := s.schemaVersion(ctx)
	if err != nil {
		return s.lockErr("migrate", err)
	}
	if have > len(migrations) {
		return newer(have)
	}
	if have >= to {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.lockErr("migrate", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, createMigrationsTable); err != nil {
		return s.lockErr("migrate", err)
	}
	// Read again under the lock: another process may have migrated.
	if err := tx.QueryRowContext(ctx, selectMigrations).Scan(&have); err != nil {
		return storeErr("migrate", err)
	}
	if have > len(migrations) {
		return newer(have)
	}
	for v := have + 1; v <= to; v++ {
		m := migrations[v-1]
		for _, st := range m.steps {
			if st.run != nil {
				if err := st.run(ctx, tx); err != nil {
					return err
				}
				continue
			}
			if _, err := tx.ExecContext(ctx, st.sql); err != nil {
				return storeErr(fmt.Sprintf("migrate to schema %d", v), err)
			}
		}
		if _, err := tx.ExecContext(ctx, insertMigration, v, m.note, time.Now().UTC().Format(time.RFC3339)); err != nil {
			return storeErr("migrate", err)
		}
	}
	return s.lockErr("migrate", tx.Commit())
}

func newer(have int) error {
	return &guidance.Error{Kind: guidance.Conflict, Field: "schema_version", Value: fmt.Sprint(have),
		Hint: fmt.Sprintf("the database was written by newer code (schema %d; this code knows %d)", have, len(migrations))}
}

// lockErr turns SQLITE_BUSY into a clear Conflict.
func (s *Store) lockErr(op string, err error) error {
	if err != nil && isBusy(err) {
		return &guidance.Error{Kind: guidance.Conflict, Field: "database", Hint: op + ": another process holds the database's write lock; retry later", Err: err}
	}
	return storeErr(op, err)
}

// chainSchema1 chains and folds the histories written before schema 2,
// with a head row per child (schema 2's layout).
func chainSchema1(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT seq, child_id, body FROM events ORDER BY child_id, version`)
	if err != nil {
		return storeErr("backfill", err)
	}
	type row struct {
		seq   int64
		child string
		e     register.Event
	}
	var all []row
	for rows.Next() {
		var r row
		var body []byte
		if err := rows.Scan(&r.seq, &r.child, &body); err != nil {
			rows.Close()
			return storeErr("backfill", err)
		}
		if r.e, err = register.DecodeEvent(body); err != nil {
			rows.Close()
			return err
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return storeErr("backfill", err)
	}
	for i := 0; i < len(all); {
		j := i
		for j < len(all) && all[j].child == all[i].child {
			j++
		}
		evs := make([]register.Event, 0, j-i)
		for _, r := range all[i:j] {
			evs = append(evs, r.e)
		}
		chain, head, err := register.PrepareAppend(all[i].child, register.ChainHead{}, evs)
		if err != nil {
			return err
		}
		for k, c := range chain {
			if _, err := tx.ExecContext(ctx, `UPDATE events SET body = ?, prev = ?, hash = ? WHERE seq = ?`, c.Body, c.Prev, c.Hash, all[i+k].seq); err != nil {
				return storeErr("backfill", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO heads (child_id, version, seq, hash, state) VALUES (?, ?, ?, ?, ?)`,
			head.Key, head.N, all[j-1].seq, head.Hash, head.State); err != nil {
			return storeErr("backfill", err)
		}
		i = j
	}
	return nil
}

// verifySchema3 verifies both logs against their heads tables (schema
// 3's layout) before schema 4 drops them: a history that fails is not
// migrated, so that the evidence stays.
func verifySchema3(ctx context.Context, tx *sql.Tx) error {
	for _, log := range []struct {
		rows, heads string
		events      bool
	}{{schema3Rows, schema3Heads, true}, {qVerifyAccess, schema3AccHeads, false}} {
		v := register.NewChainVerifier(log.events)
		if err := each(ctx, tx, log.rows, func(rows *sql.Rows) error { return register.VerifyRows(v, rows, false, verr) }); err != nil {
			return schema3Err(err)
		}
		if err := each(ctx, tx, log.heads, func(rows *sql.Rows) error { return register.VerifyHeads(v, rows, log.events, verr) }); err != nil {
			return schema3Err(err)
		}
		if _, err := v.Done(); err != nil {
			return schema3Err(err)
		}
	}
	return nil
}

func schema3Err(err error) error {
	var te *register.TamperError
	if errors.As(err, &te) {
		return fmt.Errorf("register/sqlite: the history does not verify, so it is not migrated to schema 4 (the previous release opens it, to examine it): %w", err)
	}
	return err
}

// statesIntoRows writes into each event row but a child's first the
// child's folded state after it, a page of rows at a time in (child,
// version) order. The rows were verified (verifySchema3): each child's
// run starts at version 1.
func statesIntoRows(ctx context.Context, tx *sql.Tx) error {
	const page = 1024
	type row struct {
		seq  int64
		body []byte
		e    register.Event
	}
	var (
		after   string
		afterV  int64
		last    register.ChainRow
		hasMore = true
	)
	for hasMore {
		rows, err := tx.QueryContext(ctx, `SELECT seq, child_id, version, body FROM events WHERE (child_id, version) > (?, ?)
			ORDER BY child_id, version LIMIT ?`, after, afterV, page)
		if err != nil {
			return storeErr("fold into rows", err)
		}
		var got []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.seq, &after, &afterV, &r.body); err != nil {
				rows.Close()
				return storeErr("fold into rows", err)
			}
			if r.e, err = register.DecodeEvent(r.body); err != nil {
				rows.Close()
				return err
			}
			got = append(got, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return storeErr("fold into rows", err)
		}
		hasMore = len(got) == page
		for _, r := range got {
			if r.e.Version == 1 {
				last = register.ChainRow{}
			}
			chain, err := register.PrepareRows(r.e.ChildID, last, []register.Event{r.e})
			if err != nil {
				return err
			}
			c := chain[0]
			if len(c.State) > 0 {
				if _, err := tx.ExecContext(ctx, `UPDATE events SET state = ? WHERE seq = ?`, c.State, r.seq); err != nil {
					return storeErr("fold into rows", err)
				}
			}
			last = register.ChainRow{Key: c.Key, N: c.N, Seq: r.seq, Hash: c.Hash, State: c.State, Body: r.body}
		}
	}
	return nil
}

// Append implements [register.Store]: one transaction, durable when it
// returns nil.
func (s *Store) Append(ctx context.Context, child register.ChildID, expected int64, events ...register.Event) error {
	return s.AppendBatch(ctx, register.AppendBatch{Child: child, Expected: expected, Events: events})
}

// AppendBatch implements [register.Batcher]: every child's events in one
// transaction, all or nothing. Each child's head is its last row (one
// row, read through the (child, version) index); the events are folded
// onto its state and chained on its hash, and each new row keeps the
// state after it, so that a commit writes only the new rows.
func (s *Store) AppendBatch(ctx context.Context, batches ...register.AppendBatch) error {
	if err := register.CheckBatches(batches); err != nil {
		return err
	}
	return s.write(ctx, len(batches), func(tx *sql.Tx, add func([]register.ChainRow)) error {
		for _, b := range batches {
			var last register.ChainRow
			if b.Expected > 0 {
				ok, err := s.last(ctx, tx, b.Child, &last)
				if err != nil {
					return err
				}
				if !ok || last.N != b.Expected {
					return register.StaleVersion()
				}
			}
			rows, err := register.PrepareRows(b.Child, last, b.Events)
			if err != nil {
				return err
			}
			add(rows)
		}
		return nil
	})
}

// Update implements [register.Updater]: the child's head (its last row)
// is read, decide called and the events appended in one write
// transaction, so that a change reads the head once and never meets a
// concurrent change (the transaction holds the database's write lock).
func (s *Store) Update(ctx context.Context, child register.ChildID, decide func(register.State) ([]register.Event, error)) error {
	return s.write(ctx, 1, func(tx *sql.Tx, add func([]register.ChainRow)) error {
		var last register.ChainRow
		if _, err := s.last(ctx, tx, child, &last); err != nil {
			return err
		}
		rows, err := register.PrepareUpdate(child, last, decide)
		if err != nil {
			return err
		}
		add(rows)
		return nil
	})
}

// last reads the child's head, its last row, into r in tx (with its body
// if it is the child's first, which keeps no state); false if the child
// has no history.
func (s *Store) last(ctx context.Context, tx *sql.Tx, child register.ChildID, r *register.ChainRow) (bool, error) {
	return scanHead(tx.StmtContext(ctx, s.stmts[qHead]).QueryRowContext(ctx, child), child, r)
}

// scanHead scans a row of qHead into r; false for no row.
func scanHead(row *sql.Row, child register.ChildID, r *register.ChainRow) (bool, error) {
	*r = register.ChainRow{Key: child}
	err := row.Scan(&r.N, &r.Seq, &r.Hash, &r.State, &r.Body)
	if errors.Is(err, sql.ErrNoRows) {
		*r = register.ChainRow{}
		return false, nil
	}
	if err != nil {
		return false, storeErr("read head", err)
	}
	return true, nil
}

// write runs prepare in a write transaction; the rows prepare adds
// (about rows of them) are inserted, with sequence numbers from the
// events table's AUTOINCREMENT (the next after the highest ever given
// out: under the write lock, one by one), and committed: durable when it
// returns nil. An error from prepare is returned as it is, with nothing
// written.
func (s *Store) write(ctx context.Context, rows int, prepare func(tx *sql.Tx, add func([]register.ChainRow)) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return storeErr("begin", err)
	}
	defer tx.Rollback()
	args := make([]any, 0, rows*eventCols)
	n := 0
	err = prepare(tx, func(rows []register.ChainRow) {
		for _, r := range rows {
			var state any = r.State
			if len(r.State) == 0 {
				state = "" // a child's first row: the column's default
			}
			args = append(args, r.Key, r.N, r.Type, r.Event.Recorded.UTC().Format(time.RFC3339Nano), r.Body, r.Prev, r.Hash, state)
		}
		n += len(rows)
	})
	if err != nil {
		return err
	}
	// Multi-row inserts: one statement per chunk, not per row. A child
	// with no history (expected 0) that has one by now fails on its
	// (child, version) key: a stale version.
	if err := s.insertRows(ctx, tx, tx.StmtContext(ctx, s.stmts[qInsertEvent]), qInsertEvents, eventCols, n, args); err != nil {
		return err
	}
	return storeErr("commit", tx.Commit())
}

// eventCols is the number of columns qInsertEvent writes.
const eventCols = 8

// insertRows inserts n rows of cols values from args with multi-row
// INSERT statements of at most 64 rows, each shape prepared once per
// store; one is the single-row statement. A re-used version (which only
// a concurrent writer or a tampered file can cause) is a stale version.
func (s *Store) insertRows(ctx context.Context, tx *sql.Tx, one *sql.Stmt, prefix string, cols, n int, args []any) error {
	for n > 0 {
		k := 1
		for k*2 <= min(n, 64) {
			k *= 2
		}
		st := one
		if k > 1 {
			var err error
			if st, err = s.multiRow(ctx, prefix, cols, k); err != nil {
				return err
			}
			st = tx.StmtContext(ctx, st)
		}
		if _, err := st.ExecContext(ctx, args[:k*cols]...); err != nil {
			if isUnique(err) || isTrigger(err) {
				return register.StaleVersion()
			}
			return storeErr("insert", err)
		}
		args, n = args[k*cols:], n-k
	}
	return nil
}

// multiRow returns the prepared INSERT of k rows.
func (s *Store) multiRow(ctx context.Context, prefix string, cols, k int) (*sql.Stmt, error) {
	key := prefix + "#" + strconv.Itoa(k)
	s.smu.Lock()
	defer s.smu.Unlock()
	if st, ok := s.multi[key]; ok {
		return st, nil
	}
	if s.multi == nil {
		s.multi = map[string]*sql.Stmt{}
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	st, err := s.db.PrepareContext(ctx, prefix+strings.TrimSuffix(strings.Repeat(row+", ", k), ", "))
	if err != nil {
		return nil, storeErr("prepare", err)
	}
	s.multi[key] = st
	return st, nil
}

// Head implements [register.Store]: one row, the child's last.
func (s *Store) Head(ctx context.Context, child register.ChildID) (register.State, error) {
	var last register.ChainRow
	if _, err := scanHead(s.stmts[qHead].QueryRowContext(ctx, child), child, &last); err != nil {
		return register.State{}, err
	}
	return register.LastRowState(child, last)
}

// Load implements [register.Store], verifying the child's chain and the
// state kept in each row. The chain itself cannot show that its last rows
// were deleted: [Store.Verify] can, by the log's sequence numbers, and
// with an [register.Anchor] even after the sequence counter was wound
// back.
func (s *Store) Load(ctx context.Context, child register.ChildID) ([]register.Event, int64, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, storeErr("load", err)
	}
	defer tx.Rollback()
	rows, err := tx.StmtContext(ctx, s.stmts[qLoad]).QueryContext(ctx, child)
	if err != nil {
		return nil, 0, storeErr("load", err)
	}
	defer rows.Close()
	v := register.NewChainVerifier(true)
	v.NoHeads()
	var out []register.Event
	for rows.Next() {
		r := register.ChainRow{Key: child}
		if err := rows.Scan(&r.Seq, &r.N, &r.Type, &r.Body, &r.Prev, &r.Hash, &r.State); err != nil {
			return nil, 0, storeErr("load", err)
		}
		if err := v.Row(r); err != nil {
			return nil, 0, err
		}
		e, err := register.DecodeEvent(r.Body)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, storeErr("load", err)
	}
	return out, int64(len(out)), nil
}

// Scan implements [register.Store]. fn must not write to the store.
func (s *Store) Scan(ctx context.Context, fn func(register.Event) error) error {
	rows, err := s.db.QueryContext(ctx, qScan)
	if err != nil {
		return storeErr("scan", err)
	}
	defer rows.Close()
	for rows.Next() {
		var body []byte
		if err := rows.Scan(&body); err != nil {
			return storeErr("scan", err)
		}
		e, err := register.DecodeEvent(body)
		if err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return storeErr("scan", rows.Err())
}

// ScanHeads implements [register.Store]: each child's last row. fn must
// not write to the store.
func (s *Store) ScanHeads(ctx context.Context, fn func(register.State) error) error {
	rows, err := s.db.QueryContext(ctx, qScanHeads)
	if err != nil {
		return storeErr("scan heads", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r register.ChainRow
		if err := rows.Scan(&r.Key, &r.N, &r.Seq, &r.State, &r.Body); err != nil {
			return storeErr("scan heads", err)
		}
		st, err := register.LastRowState(r.Key, r)
		if err != nil {
			return err
		}
		if err := fn(st); err != nil {
			return err
		}
	}
	return storeErr("scan heads", rows.Err())
}

// Record implements [register.Store]. With [Options.GroupCommit], the
// records of concurrent callers share a transaction.
func (s *Store) Record(ctx context.Context, entries ...register.Access) error {
	for _, a := range entries {
		if err := a.Validate(); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if !s.opts.GroupCommit {
		s.wmu.Lock()
		defer s.wmu.Unlock()
		return s.record(ctx, entries)
	}
	p := &pending{entries: entries, done: make(chan error, 1)}
	s.qmu.Lock()
	s.queue = append(s.queue, p)
	s.qmu.Unlock()
	s.wmu.Lock()
	s.qmu.Lock()
	batch := s.queue
	s.queue = nil
	s.qmu.Unlock()
	if len(batch) > 0 {
		var all []register.Access
		for _, b := range batch {
			all = append(all, b.entries...)
		}
		// The leader's context governs the shared transaction; a
		// follower whose own context ends still gets the shared result.
		err := s.record(context.WithoutCancel(ctx), all)
		for _, b := range batch {
			b.done <- err
		}
	}
	s.wmu.Unlock()
	return <-p.done
}

// record writes entries in one transaction; the caller holds wmu. The
// head of each access chain is its last row (one row, read through the
// (child, n) index); sequence numbers come from the table's
// AUTOINCREMENT, one by one under the write lock.
func (s *Store) record(ctx context.Context, entries []register.Access) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return storeErr("begin", err)
	}
	defer tx.Rollback()
	head, ins := tx.StmtContext(ctx, s.stmts[qAccessHead]), tx.StmtContext(ctx, s.stmts[qInsertAccess])
	for _, a := range entries {
		h := register.ChainHead{Key: a.ChildID}
		err := head.QueryRowContext(ctx, a.ChildID).Scan(&h.N, &h.Seq, &h.Hash)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return storeErr("read access head", err)
		}
		r, _, err := register.PrepareAccess(h, a)
		if err != nil {
			return err
		}
		if _, err := ins.ExecContext(ctx, r.Key, r.N, a.Actor.ID, r.Type, r.Body, r.Prev, r.Hash); err != nil {
			return storeErr("insert access", err)
		}
	}
	return storeErr("commit", tx.Commit())
}

// Accesses implements [register.Store].
func (s *Store) Accesses(ctx context.Context, q register.AccessQuery, fn func(register.Access) error) error {
	if err := q.Validate(); err != nil {
		return err
	}
	limit := int64(-1)
	if q.Limit > 0 {
		limit = int64(q.Limit)
	}
	st, key := s.stmts[qAccessByChild], q.ChildID
	if q.ChildID == "" {
		st, key = s.stmts[qAccessByActor], q.ActorID
	}
	rows, err := st.QueryContext(ctx, key, q.After, limit)
	if err != nil {
		return storeErr("access log", err)
	}
	out, err := register.ReadAccesses(rows, func(err error) error { return storeErr("access log", err) })
	rows.Close()
	if err != nil {
		return err
	}
	for _, a := range out {
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

// Verify implements [register.Store]: every event and access-log row in
// sequence order against its chain, each event row's state against the
// fold, and the sequence numbers, which the store gives out one by one
// (a gap, or a log that ends before the highest number given out, which
// SQLite keeps in sqlite_sequence, is a deleted row), all in one read
// transaction (a consistent snapshot; writers are not blocked). The
// Anchor it returns records each chain's last row.
func (s *Store) Verify(ctx context.Context, since register.Anchor) (register.Anchor, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return register.Anchor{}, storeErr("verify", err)
	}
	defer tx.Rollback()
	var a register.Anchor
	for _, log := range []struct {
		table, rows string
		events      bool
		expect      []register.ChainEnd
		ends        *[]register.ChainEnd
	}{{"events", qVerifyRows, true, since.Events, &a.Events}, {"access", qVerifyAccess, false, since.Access, &a.Access}} {
		v := register.NewChainVerifier(log.events)
		v.NoHeads()
		v.Gapless()
		v.Expect(log.expect)
		if err := each(ctx, tx, log.rows, func(rows *sql.Rows) error { return register.VerifyRows(v, rows, log.events, verr) }); err != nil {
			return register.Anchor{}, err
		}
		var issued int64
		if err := tx.QueryRowContext(ctx, qIssued, log.table).Scan(&issued); err != nil {
			return register.Anchor{}, verr(err)
		}
		if err := v.Issued(issued); err != nil {
			return register.Anchor{}, err
		}
		if _, err := v.Done(); err != nil {
			return register.Anchor{}, err
		}
		*log.ends = v.Ends()
	}
	return a, nil
}

// each runs query q in tx and hands its rows to fn, closing them after.
func each(ctx context.Context, tx *sql.Tx, q string, fn func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return verr(err)
	}
	defer rows.Close()
	return fn(rows)
}

func verr(err error) error { return storeErr("verify", err) }

// Check runs the database's own integrity check, then [Store.Verify].
func (s *Store) Check(ctx context.Context, since register.Anchor) (register.Anchor, error) {
	var res string
	if err := s.db.QueryRowContext(ctx, integrityCheck).Scan(&res); err != nil {
		return register.Anchor{}, storeErr("integrity check", err)
	}
	if res != "ok" {
		return register.Anchor{}, &guidance.Error{Kind: guidance.Conflict, Field: "database", Hint: "integrity check failed: " + res}
	}
	return s.Verify(ctx, since)
}

// storeErr wraps a database error; nil stays nil. Database errors carry no
// event bodies, so no personal data.
func storeErr(op string, err error) error {
	if err == nil {
		return nil
	}
	return &guidance.Error{Kind: guidance.Other, Field: "store", Hint: op, Err: err}
}
