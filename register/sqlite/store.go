package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/register"
)

// Store is a [register.Store] and [register.Batcher] on an SQLite database
// file. It is safe for concurrent use, also by several processes on one
// machine.
type Store struct {
	db *sql.DB
	d  dialect
}

var (
	_ register.Store   = (*Store)(nil)
	_ register.Batcher = (*Store)(nil)
)

// Open opens (creating if need be) the database at path and brings its
// schema up to date. A database whose schema is newer than this code is
// refused.
func Open(ctx context.Context, path string) (*Store, error) {
	d := sqliteDialect
	db, err := sql.Open(d.driver, d.dsn(path))
	if err != nil {
		return nil, storeErr("open", err)
	}
	s := &Store{db: db, d: d}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// SchemaVersion returns the schema version this code migrates to.
func SchemaVersion() int { return len(sqliteDialect.migrations) }

func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return storeErr("migrate", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, s.d.createMigrationsTable); err != nil {
		return storeErr("migrate", err)
	}
	var have int
	if err := tx.QueryRowContext(ctx, s.d.selectMigrations).Scan(&have); err != nil {
		return storeErr("migrate", err)
	}
	if have > len(s.d.migrations) {
		return &guidance.Error{Kind: guidance.Conflict, Field: "schema_version", Value: fmt.Sprint(have),
			Hint: fmt.Sprintf("the database was written by newer code (schema %d; this code knows %d)", have, len(s.d.migrations))}
	}
	for v := have + 1; v <= len(s.d.migrations); v++ {
		m := s.d.migrations[v-1]
		for _, stmt := range m.stmts {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return storeErr(fmt.Sprintf("migrate to schema %d", v), err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.d.insertMigration, v, m.note, time.Now().UTC().Format(time.RFC3339)); err != nil {
			return storeErr("migrate", err)
		}
	}
	return storeErr("migrate", tx.Commit())
}

// Append implements [register.Store]: one transaction, durable when it
// returns nil.
func (s *Store) Append(ctx context.Context, child register.ChildID, expected int64, events ...register.Event) error {
	return s.AppendBatch(ctx, register.AppendBatch{Child: child, Expected: expected, Events: events})
}

// AppendBatch implements [register.Batcher]: every child's events in one
// transaction, all or nothing.
func (s *Store) AppendBatch(ctx context.Context, batches ...register.AppendBatch) error {
	type row struct {
		child    string
		version  int64
		typ      string
		recorded string
		body     []byte
	}
	var rows []row
	seen := map[register.ChildID]bool{}
	for _, b := range batches {
		if seen[b.Child] {
			return &guidance.Error{Kind: guidance.Invalid, Field: "batches.child", Hint: "one batch per child"}
		}
		seen[b.Child] = true
		if err := register.CheckAppend(b.Child, b.Expected, b.Events); err != nil {
			return err
		}
		for _, e := range b.Events {
			body, err := register.MarshalEvent(e)
			if err != nil {
				return storeErr("encode event", err)
			}
			rows = append(rows, row{e.ChildID, e.Version, string(e.Type), e.Recorded.UTC().Format(time.RFC3339Nano), body})
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return storeErr("begin", err)
	}
	defer tx.Rollback()
	for _, b := range batches {
		var cur int64
		if err := tx.QueryRowContext(ctx, s.d.currentVersion, b.Child).Scan(&cur); err != nil {
			return storeErr("read version", err)
		}
		if cur != b.Expected {
			return register.StaleVersion()
		}
	}
	stmt, err := tx.PrepareContext(ctx, s.d.insertEvent)
	if err != nil {
		return storeErr("prepare", err)
	}
	defer stmt.Close()
	for _, r := range rows {
		if _, err := stmt.ExecContext(ctx, r.child, r.version, r.typ, r.recorded, r.body); err != nil {
			if s.d.isUnique(err) {
				return register.StaleVersion()
			}
			return storeErr("insert", err)
		}
	}
	if err := tx.Commit(); err != nil {
		if s.d.isUnique(err) {
			return register.StaleVersion()
		}
		return storeErr("commit", err)
	}
	return nil
}

// Load implements [register.Store].
func (s *Store) Load(ctx context.Context, child register.ChildID) ([]register.Event, int64, error) {
	rows, err := s.db.QueryContext(ctx, s.d.loadEvents, child)
	if err != nil {
		return nil, 0, storeErr("load", err)
	}
	defer rows.Close()
	var out []register.Event
	for rows.Next() {
		e, err := decodeRow(rows)
		if err != nil {
			return nil, 0, err
		}
		if e.Version != int64(len(out))+1 || e.ChildID != child {
			return nil, 0, &guidance.Error{Kind: guidance.Conflict, Field: "events.version", Hint: "the stored history has a gap or a foreign event"}
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
	rows, err := s.db.QueryContext(ctx, s.d.scanEvents)
	if err != nil {
		return storeErr("scan", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := decodeRow(rows)
		if err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return storeErr("scan", rows.Err())
}

// Check runs the database's own integrity check.
func (s *Store) Check(ctx context.Context) error {
	var res string
	if err := s.db.QueryRowContext(ctx, s.d.integrityCheck).Scan(&res); err != nil {
		return storeErr("integrity check", err)
	}
	if res != "ok" {
		return &guidance.Error{Kind: guidance.Conflict, Field: "database", Hint: "integrity check failed: " + res}
	}
	return nil
}

func decodeRow(rows *sql.Rows) (register.Event, error) {
	var body []byte
	if err := rows.Scan(&body); err != nil {
		return register.Event{}, storeErr("read row", err)
	}
	return register.DecodeEvent(body)
}

// storeErr wraps a database error; nil stays nil. Database errors carry no
// event bodies, so no personal data.
func storeErr(op string, err error) error {
	if err == nil {
		return nil
	}
	return &guidance.Error{Kind: guidance.Other, Field: "store", Hint: op, Err: err}
}
