package postgres

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/register"
)

// Store is a [register.Store] and [register.Batcher] on PostgreSQL. It is
// safe for concurrent use, by several processes on several machines.
type Store struct {
	pool *pgxpool.Pool
}

var (
	_ register.Store   = (*Store)(nil)
	_ register.Batcher = (*Store)(nil)
)

// Open connects to the register whose schema [Migrate] installed, with a
// pool of connections (pgx's pool_max_conns and other settings may be
// given in connString; a search_path runtime parameter selects the
// schema). Connect as the application role, not the owner. A schema not
// migrated to this code's version is refused (older: run Migrate; newer:
// upgrade the code).
func Open(ctx context.Context, connString string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(connString)
	if err != nil {
		return nil, &guidance.Error{Kind: guidance.Invalid, Field: "conn_string", Hint: "not a PostgreSQL connection string"}
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, storeErr("connect", err)
	}
	var have int
	if err := pool.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		pool.Close()
		return nil, &guidance.Error{Kind: guidance.Conflict, Field: "schema_version", Hint: "no register schema here: run Migrate as the schema's owner", Err: err}
	}
	switch {
	case have > len(migrations):
		pool.Close()
		return nil, newer(have)
	case have < len(migrations):
		pool.Close()
		return nil, &guidance.Error{Kind: guidance.Conflict, Field: "schema_version", Hint: "the schema is older than this code: run Migrate as the schema's owner"}
	}
	return &Store{pool: pool}, nil
}

// Close closes the pool.
func (s *Store) Close() { s.pool.Close() }

// Append implements [register.Store]: one transaction, durable when it
// returns nil.
func (s *Store) Append(ctx context.Context, child register.ChildID, expected int64, events ...register.Event) error {
	return s.AppendBatch(ctx, register.AppendBatch{Child: child, Expected: expected, Events: events})
}

// AppendBatch implements [register.Batcher]: all the children's events in
// one transaction, all or nothing. Heads are locked in child ID order, so
// that two batches cannot deadlock.
func (s *Store) AppendBatch(ctx context.Context, batches ...register.AppendBatch) error {
	if err := register.CheckBatches(batches); err != nil {
		return err
	}
	for _, b := range batches {
		if err := register.CheckAppend(b.Child, b.Expected, b.Events); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	batches = slices.Clone(batches)
	slices.SortFunc(batches, func(a, b register.AppendBatch) int { return cmp.Compare(a.Child, b.Child) })
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		for _, b := range batches {
			h := register.ChainHead{Key: b.Child}
			// A first append needs no lock: the unique keys of events
			// and heads let only one of two concurrent ones commit.
			if b.Expected > 0 {
				err := tx.QueryRow(ctx, `SELECT version, seq, hash, state FROM heads WHERE child_id = $1 FOR UPDATE`, b.Child).Scan(&h.N, &h.Seq, &h.Hash, &h.State)
				if err != nil && !errors.Is(err, pgx.ErrNoRows) {
					return storeErr("read head", err)
				}
				if h.N != b.Expected {
					return register.StaleVersion()
				}
			}
			rows, nh, err := register.PrepareAppend(b.Child, h, b.Events)
			if err != nil {
				return err
			}
			for _, r := range rows {
				err := tx.QueryRow(ctx, `INSERT INTO events (child_id, version, type, recorded, body, prev, hash) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq`,
					r.Key, r.N, r.Type, r.Event.Recorded, r.Body, r.Prev, r.Hash).Scan(&nh.Seq)
				if err != nil {
					return storeErr("insert", err)
				}
			}
			if b.Expected == 0 {
				_, err = tx.Exec(ctx, `INSERT INTO heads (child_id, version, seq, hash, state) VALUES ($1, $2, $3, $4, $5)`, nh.Key, nh.N, nh.Seq, nh.Hash, nh.State)
			} else {
				_, err = tx.Exec(ctx, `UPDATE heads SET version = $1, seq = $2, hash = $3, state = $4 WHERE child_id = $5`, nh.N, nh.Seq, nh.Hash, nh.State, nh.Key)
			}
			if err != nil {
				return storeErr("write head", err)
			}
		}
		return nil
	})
	if isConflict(err) {
		return register.StaleVersion()
	}
	return err
}

// Head implements [register.Store]: one row.
func (s *Store) Head(ctx context.Context, child register.ChildID) (register.State, error) {
	var b []byte
	err := s.pool.QueryRow(ctx, `SELECT state FROM heads WHERE child_id = $1`, child).Scan(&b)
	if errors.Is(err, pgx.ErrNoRows) {
		return register.State{ChildID: child}, nil
	}
	if err != nil {
		return register.State{}, storeErr("read head", err)
	}
	return register.DecodeState(b)
}

// Load implements [register.Store], verifying the child's chain and head
// in one REPEATABLE READ snapshot.
func (s *Store) Load(ctx context.Context, child register.ChildID) ([]register.Event, int64, error) {
	var out []register.Event
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		v := register.NewChainVerifier(true)
		rows, err := tx.Query(ctx, `SELECT seq, version, type, body, prev, hash FROM events WHERE child_id = $1 ORDER BY version`, child)
		if err != nil {
			return storeErr("load", err)
		}
		for rows.Next() {
			r := register.ChainRow{Key: child}
			if err := rows.Scan(&r.Seq, &r.N, &r.Type, &r.Body, &r.Prev, &r.Hash); err != nil {
				rows.Close()
				return storeErr("load", err)
			}
			if err := v.Row(r); err != nil {
				rows.Close()
				return err
			}
			e, err := register.DecodeEvent(r.Body)
			if err != nil {
				rows.Close()
				return err
			}
			out = append(out, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return storeErr("load", err)
		}
		h := register.ChainHead{Key: child}
		err = tx.QueryRow(ctx, `SELECT version, seq, hash, state FROM heads WHERE child_id = $1`, child).Scan(&h.N, &h.Seq, &h.Hash, &h.State)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return storeErr("load", err)
		}
		return v.Head(h)
	})
	if err != nil {
		return nil, 0, err
	}
	return out, int64(len(out)), nil
}

// Scan implements [register.Store].
func (s *Store) Scan(ctx context.Context, fn func(register.Event) error) error {
	rows, err := s.pool.Query(ctx, `SELECT body FROM events ORDER BY child_id, version`)
	if err != nil {
		return storeErr("scan", err)
	}
	defer rows.Close()
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&b); err != nil {
			return storeErr("scan", err)
		}
		e, err := register.DecodeEvent(b)
		if err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return storeErr("scan", rows.Err())
}

// ScanHeads implements [register.Store].
func (s *Store) ScanHeads(ctx context.Context, fn func(register.State) error) error {
	rows, err := s.pool.Query(ctx, `SELECT state FROM heads ORDER BY child_id`)
	if err != nil {
		return storeErr("scan heads", err)
	}
	defer rows.Close()
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&b); err != nil {
			return storeErr("scan heads", err)
		}
		st, err := register.DecodeState(b)
		if err != nil {
			return err
		}
		if err := fn(st); err != nil {
			return err
		}
	}
	return storeErr("scan heads", rows.Err())
}

// Record implements [register.Store]: one transaction, each entry chained
// after the child's last under a lock on its access head; retried on a
// deadlock or serialization failure, so it never fails for being
// concurrent.
func (s *Store) Record(ctx context.Context, entries ...register.Access) error {
	for _, a := range entries {
		if err := a.Validate(); err != nil {
			return err
		}
	}
	entries = slices.Clone(entries)
	slices.SortStableFunc(entries, func(a, b register.Access) int { return cmp.Compare(a.ChildID, b.ChildID) })
	for attempt := 0; ; attempt++ {
		err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
			for _, a := range entries {
				if _, err := tx.Exec(ctx, `INSERT INTO access_heads (child_id, n, seq, hash) VALUES ($1, 0, 0, '') ON CONFLICT (child_id) DO NOTHING`, a.ChildID); err != nil {
					return err
				}
				h := register.ChainHead{Key: a.ChildID}
				if err := tx.QueryRow(ctx, `SELECT n, seq, hash FROM access_heads WHERE child_id = $1 FOR UPDATE`, a.ChildID).Scan(&h.N, &h.Seq, &h.Hash); err != nil {
					return err
				}
				r, nh, err := register.PrepareAccess(h, a)
				if err != nil {
					return err
				}
				if err := tx.QueryRow(ctx, `INSERT INTO access (child_id, n, actor_id, outcome, body, prev, hash) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq`,
					r.Key, r.N, a.Actor.ID, r.Type, r.Body, r.Prev, r.Hash).Scan(&nh.Seq); err != nil {
					return err
				}
				if _, err := tx.Exec(ctx, `UPDATE access_heads SET n = $1, seq = $2, hash = $3 WHERE child_id = $4`, nh.N, nh.Seq, nh.Hash, nh.Key); err != nil {
					return err
				}
			}
			return nil
		})
		if err == nil {
			return nil
		}
		if attempt < 100 && isRetryable(err) && ctx.Err() == nil {
			time.Sleep(time.Duration(attempt+1) * time.Millisecond)
			continue
		}
		var ge *guidance.Error
		if errors.As(err, &ge) {
			return err
		}
		return storeErr("record", err)
	}
}

// Accesses implements [register.Store].
func (s *Store) Accesses(ctx context.Context, q register.AccessQuery, fn func(register.Access) error) error {
	if err := q.Validate(); err != nil {
		return err
	}
	limit := any(nil)
	if q.Limit > 0 {
		limit = q.Limit
	}
	sql, key := `SELECT seq, body FROM access WHERE child_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, q.ChildID
	if q.ChildID == "" {
		sql, key = `SELECT seq, body FROM access WHERE actor_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, q.ActorID
	}
	rows, err := s.pool.Query(ctx, sql, key, q.After, limit)
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

// Verify implements [register.Store]: every row in sequence order against
// its chain, then every head, in one REPEATABLE READ snapshot. The Anchor
// it returns records each chain's last row (its head). Sequence numbers
// are identity values, which a rolled-back insert skips, so a gap is not
// evidence here: the heads show a deleted last row, and the role's lack of
// DELETE grants keeps it from happening.
func (s *Store) Verify(ctx context.Context, since register.Anchor) (register.Anchor, error) {
	var a register.Anchor
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		for _, log := range []struct {
			rows, heads string
			events      bool
			expect      []register.ChainEnd
			ends        *[]register.ChainEnd
		}{
			{`SELECT seq, child_id, version, type, body, prev, hash FROM events ORDER BY seq`, `SELECT child_id, version, seq, hash, state FROM heads ORDER BY child_id`,
				true, since.Events, &a.Events},
			{`SELECT seq, child_id, n, outcome, body, prev, hash FROM access ORDER BY seq`, `SELECT child_id, n, seq, hash, NULL::bytea FROM access_heads WHERE n > 0 ORDER BY child_id`,
				false, since.Access, &a.Access},
		} {
			v := register.NewChainVerifier(log.events)
			v.Expect(log.expect)
			verr := func(err error) error { return storeErr("verify", err) }
			rows, err := tx.Query(ctx, log.rows)
			if err != nil {
				return verr(err)
			}
			err = register.VerifyRows(v, rows, false, verr)
			rows.Close()
			if err != nil {
				return err
			}
			if rows, err = tx.Query(ctx, log.heads); err != nil {
				return verr(err)
			}
			err = register.VerifyHeads(v, rows, true, verr)
			rows.Close()
			if err != nil {
				return err
			}
			if _, err := v.Done(); err != nil {
				return err
			}
			*log.ends = v.Ends()
		}
		return nil
	})
	if err != nil {
		return register.Anchor{}, err
	}
	return a, nil
}

// isConflict reports a unique violation (another writer took the version
// first), a serialization failure or a deadlock: retry on fresh state.
func isConflict(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "23505" || pe.Code == "40001" || pe.Code == "40P01")
}

func isRetryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01" || pe.Code == "23505")
}

// storeErr wraps a database error; nil stays nil. Database errors carry no
// event bodies, so no personal data.
func storeErr(op string, err error) error {
	if err == nil {
		return nil
	}
	var ge *guidance.Error
	if errors.As(err, &ge) {
		return err
	}
	var te *register.TamperError
	if errors.As(err, &te) {
		return err
	}
	return &guidance.Error{Kind: guidance.Other, Field: "store", Hint: op, Err: err}
}
