package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/sqlite"
	"github.com/cpguide/cpguide/register/storetest"
)

// tamperFixture writes c1 (versions 1 to 4) and c2 (version 1) so that the
// rows' sequence numbers are c1/1=1, c2/1=2, c1/2=3, c1/3=4, c1/4=5, and
// one access-log entry (access sequence number 1), then closes the store and returns its path.
func tamperFixture(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.db")
	s, err := sqlite.Open(ctx, path)
	require.NoError(t, err)
	require.NoError(t, s.Append(ctx, "c1", 0, storetest.Registration("c1", "fife", 1)))
	require.NoError(t, s.Append(ctx, "c2", 0, storetest.Registration("c2", "fife", 1)))
	require.NoError(t, s.Append(ctx, "c1", 1, storetest.Enquiry("c1", 2), storetest.Enquiry("c1", 3)))
	require.NoError(t, s.Append(ctx, "c1", 3, storetest.Enquiry("c1", 4)))
	pc := storetest.Enquiry("c1", 1).Actor
	require.NoError(t, s.Record(ctx, register.Access{ChildID: "c1", Recorded: storetest.T0, Actor: pc, Action: register.ActionEnquire,
		Authority: pc.Authority, Purpose: "welfare check", Outcome: register.Answered, OnRegister: true}))
	storetest.Verify(t, s)
	require.NoError(t, s.Close())
	return path
}

func raw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	require.NoError(t, err)
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

// dropTriggers does what anyone able to write the file can do.
func dropTriggers(t *testing.T, db *sql.DB) {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'trigger'`)
	require.NoError(t, err)
	var names []string
	for rows.Next() {
		var n string
		require.NoError(t, rows.Scan(&n))
		names = append(names, n)
	}
	require.NoError(t, rows.Close())
	require.NotEmpty(t, names)
	for _, n := range names {
		_, err := db.Exec(`DROP TRIGGER ` + n)
		require.NoError(t, err)
	}
}

// The review's INSERT OR REPLACE, adapted to the hash columns.
const insertOrReplace = `INSERT OR REPLACE INTO events(seq,child_id,version,type,recorded,body,prev,hash)
	SELECT seq,'decoy',1,type,recorded,body,prev,hash FROM events WHERE child_id='c1' AND version=2`

func TestTriggersRefuseUpdateDeleteAndReplace(t *testing.T) {
	path := tamperFixture(t)
	db := raw(t, path)
	for name, q := range map[string]string{
		"update body":          `UPDATE events SET body = replace(body, 'welfare', 'wolfare') WHERE seq = 3`,
		"delete":               `DELETE FROM events WHERE seq = 4`,
		"insert or replace":    insertOrReplace,
		"replace":              `REPLACE INTO events(seq,child_id,version,type,recorded,body,prev,hash) SELECT seq,child_id,version,type,recorded,body,prev,hash FROM events WHERE seq = 3`,
		"re-use a version":     `INSERT INTO events(child_id,version,type,recorded,body,prev,hash) SELECT child_id,version,type,recorded,body,prev,hash FROM events WHERE seq = 3`,
		"upsert":               `INSERT INTO events(seq,child_id,version,type,recorded,body) VALUES (3,'x',1,'t','r','{}') ON CONFLICT(seq) DO UPDATE SET body = '{}'`,
		"update access":        `UPDATE access SET body = '{}'`,
		"delete access":        `DELETE FROM access`,
		"replace access":       `INSERT OR REPLACE INTO access SELECT * FROM access`,
		"update a state":       `UPDATE events SET state = replace(state, 'fife', 'fyfe') WHERE seq = 5`,
		"re-use an access n":   `INSERT INTO access(child_id,n,actor_id,outcome,body,prev,hash) SELECT child_id,n,actor_id,outcome,body,prev,hash FROM access`,
		"replace at seq -1":    `INSERT OR REPLACE INTO events(seq,child_id,version,type,recorded,body,prev,hash) SELECT -1,child_id,version,type,recorded,body,prev,hash FROM events WHERE seq = 3`,
		"replace without seq":  `INSERT OR REPLACE INTO events(child_id,version,type,recorded,body,prev,hash) SELECT child_id,version,type,recorded,body,prev,hash FROM events WHERE seq = 3`,
		"replace access at -1": `INSERT OR REPLACE INTO access(seq,child_id,n,actor_id,outcome,body,prev,hash) SELECT -1,child_id,n,actor_id,outcome,body,prev,hash FROM access`,
	} {
		_, err := db.Exec(q)
		assert.ErrorContains(t, err, "register", name)
	}
	s, err := sqlite.Open(context.Background(), path)
	require.NoError(t, err)
	defer s.Close()
	_, err = s.Check(context.Background(), register.Anchor{})
	require.NoError(t, err, "nothing changed")
}

// With the triggers dropped, each tampering is found by Verify (and Check)
// and, for the child concerned, by Load, with the first bad sequence
// number. Load reads one child's chain, which cannot show that its last
// rows were deleted; Verify sees the gap they leave in the log's sequence
// numbers (sequence numbers are given out one by one), or the log ending
// before the highest number given out.
func TestVerifyAndLoadDetectTampering(t *testing.T) {
	for _, tc := range []struct {
		name  string
		sql   []string
		log   string
		seq   int64
		child string // whose Load must fail; "" if none
		// loadSeq is where Load, reading the child's rows in version
		// order, finds the first fault (0: seq).
		loadSeq int64
	}{
		{"insert or replace erases c1/2", []string{insertOrReplace}, "events", 3, "c1", 4},
		{"one byte of a body", []string{`UPDATE events SET body = replace(body, 'welfare', 'wolfare') WHERE seq = 4`}, "events", 4, "c1", 0},
		{"a deleted row", []string{`DELETE FROM events WHERE seq = 3`}, "events", 4, "c1", 0},
		{"a swapped pair of rows", []string{`UPDATE events SET seq = -3 WHERE seq = 3`, `UPDATE events SET seq = 3 WHERE seq = 4`, `UPDATE events SET seq = 4 WHERE seq = -3`}, "events", 3, "c1", 0},
		{"the last row deleted", []string{`DELETE FROM events WHERE seq = 5`}, "events", 5, "", 0},
		{"a child's only row deleted", []string{`DELETE FROM events WHERE seq = 2`}, "events", 2, "", 0},
		{"a row re-inserted at a new place", []string{`DELETE FROM events WHERE seq = 3`, `INSERT INTO events(seq,child_id,version,type,recorded,body,prev,hash) SELECT 9,child_id,2,type,recorded,body,prev,hash FROM events WHERE seq = 4`}, "events", 4, "c1", 9},
		{"an edited state", []string{`UPDATE events SET state = replace(state, 'fife', 'fyfe') WHERE seq = 5`}, "events", 5, "c1", 0},
		{"a state put into a first row", []string{`UPDATE events SET state = (SELECT state FROM events WHERE seq = 3) WHERE seq = 2`}, "events", 2, "c2", 0},
		{"an edited state of an earlier row", []string{`UPDATE events SET state = replace(state, '"enquiries":1', '"enquiries":7') WHERE seq = 3`}, "events", 3, "c1", 0},
		{"one byte of an access entry", []string{`UPDATE access SET body = replace(body, 'welfare', 'wolfare')`}, "access", 1, "", 0},
		{"the access log's last row deleted", []string{`DELETE FROM access`}, "access", 1, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			path := tamperFixture(t)
			db := raw(t, path)
			dropTriggers(t, db)
			for _, q := range tc.sql {
				_, err := db.Exec(q)
				require.NoError(t, err, q)
			}
			require.NoError(t, db.Close())
			s, err := sqlite.Open(ctx, path)
			require.NoError(t, err)
			defer s.Close()
			_, verr := s.Verify(ctx, register.Anchor{})
			_, cerr := s.Check(ctx, register.Anchor{})
			for name, err := range map[string]error{"Verify": verr, "Check": cerr} {
				var te *register.TamperError
				require.ErrorAs(t, err, &te, name)
				assert.True(t, errors.Is(err, register.ErrTampered), name)
				assert.Equal(t, tc.log, te.Log, name)
				assert.Equal(t, tc.seq, te.Seq, "%s: first bad sequence number (%v)", name, err)
				assert.NotContains(t, err.Error(), "Test Child", "no personal data in the error")
			}
			if tc.child != "" {
				_, _, err := s.Load(ctx, tc.child)
				var te *register.TamperError
				require.ErrorAs(t, err, &te, "Load")
				want := tc.seq
				if tc.loadSeq != 0 {
					want = tc.loadSeq
				}
				assert.Equal(t, want, te.Seq, "Load: %v", err)
			}
		})
	}
}

// Someone who deletes the last rows of the logs and winds the sequence
// counter back leaves a consistent file: Verify with no anchor passes (the
// limit of hashes that are not keyed). The anchor of an earlier Verify,
// kept outside the database, finds it, at the recorded row.
func TestAnchorFindsATruncatedTail(t *testing.T) {
	for _, tc := range []struct {
		name string
		sql  []string
		log  string
		seq  int64
	}{
		{"events", []string{`DELETE FROM events WHERE seq = 5`, `UPDATE sqlite_sequence SET seq = 4 WHERE name = 'events'`}, "events", 5},
		{"access", []string{`DELETE FROM access`, `UPDATE sqlite_sequence SET seq = 0 WHERE name = 'access'`}, "access", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			path := tamperFixture(t)
			s, err := sqlite.Open(ctx, path)
			require.NoError(t, err)
			anchor, err := s.Verify(ctx, register.Anchor{})
			require.NoError(t, err)
			require.NoError(t, s.Close())
			db := raw(t, path)
			dropTriggers(t, db)
			for _, q := range tc.sql {
				_, err := db.Exec(q)
				require.NoError(t, err, q)
			}
			require.NoError(t, db.Close())

			s, err = sqlite.Open(ctx, path)
			require.NoError(t, err)
			defer s.Close()
			later, err := s.Verify(ctx, register.Anchor{})
			require.NoError(t, err, "without the anchor, a consistent file")
			assert.NotEqual(t, anchor.Digest(), later.Digest())
			_, err = s.Verify(ctx, anchor)
			var te *register.TamperError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, tc.log, te.Log)
			assert.Equal(t, tc.seq, te.Seq, "the recorded row: %v", err)
			assert.Contains(t, te.Problem, "truncated")
		})
	}
}

func TestFilesArePrivate(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "r.db")
	s, err := sqlite.Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.Append(ctx, "c1", 0, storetest.Registration("c1", "fife", 1)))
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(f)
		require.NoError(t, err, f)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), f)
	}
	// An existing world-readable database is tightened.
	old := filepath.Join(dir, "old.db")
	require.NoError(t, os.WriteFile(old, nil, 0o644))
	require.NoError(t, os.Chmod(old, 0o644))
	s2, err := sqlite.Open(ctx, old)
	require.NoError(t, err)
	defer s2.Close()
	fi, err := os.Stat(old)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
}

func TestPathIsAFileNameNotAURI(t *testing.T) {
	ctx := context.Background()
	for _, name := range []string{"a#b.db", "q?mode=ro.db", "p%41.db", "sp ace.db"} {
		dir := t.TempDir()
		s, err := sqlite.Open(ctx, filepath.Join(dir, name))
		require.NoError(t, err, name)
		require.NoError(t, s.Append(ctx, "c1", 0, storetest.Registration("c1", "fife", 1)), name)
		require.NoError(t, s.Close())
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		assert.Contains(t, names, name)
		for _, n := range names {
			assert.Contains(t, n, name, "no stray file %q", n)
		}
	}
	// A relative name, as the review wrote it.
	t.Chdir(t.TempDir())
	s, err := sqlite.Open(ctx, "a#b.db")
	require.NoError(t, err)
	require.NoError(t, s.Close())
	_, err = os.Stat("a#b.db")
	require.NoError(t, err)
	_, err = os.Stat("a")
	assert.True(t, errors.Is(err, os.ErrNotExist))
}

// A database of schema 1 (no hashes, no heads) is chained, folded and
// verified when opened.
func TestMigrationFromSchema1ChainsTheOldHistory(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	db := raw(t, path)
	for _, q := range []string{
		`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, note TEXT NOT NULL, applied TEXT NOT NULL)`,
		`INSERT INTO schema_migrations VALUES (1, 'events table, append-only', '2026-01-01T00:00:00Z')`,
		`CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, child_id TEXT NOT NULL, version INTEGER NOT NULL CHECK (version >= 1),
			type TEXT NOT NULL, recorded TEXT NOT NULL, body TEXT NOT NULL, UNIQUE (child_id, version))`,
		`CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'register events are append-only'); END`,
		`CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'register events are append-only'); END`,
	} {
		_, err := db.Exec(q)
		require.NoError(t, err)
	}
	for _, e := range []register.Event{storetest.Registration("c1", "fife", 1), storetest.Registration("c2", "angus", 1), storetest.Enquiry("c1", 2)} {
		body, err := register.MarshalEvent(e)
		require.NoError(t, err)
		_, err = db.Exec(`INSERT INTO events (child_id, version, type, recorded, body) VALUES (?, ?, ?, ?, ?)`, e.ChildID, e.Version, e.Type, e.Recorded.Format(time.RFC3339Nano), body)
		require.NoError(t, err)
	}
	require.NoError(t, db.Close())
	s, err := sqlite.Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	_, err = s.Check(ctx, register.Anchor{})
	require.NoError(t, err)
	st, err := s.Head(ctx, "c1")
	require.NoError(t, err)
	assert.Equal(t, int64(2), st.Version)
	assert.Equal(t, 1, st.Enquiries)
	require.NoError(t, s.Append(ctx, "c1", 2, storetest.Enquiry("c1", 3)))
	storetest.Verify(t, s)
}

// schema3Fixture writes, as the release of schema 3 did, c1 (versions 1
// and 2, the second an enquiry event), c2 (version 1) and two access-log
// entries, with their chains and the heads tables, and returns the path.
func schema3Fixture(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v3.db")
	require.NoError(t, sqlite.CreateAtSchema(ctx, path, 3))
	db := raw(t, path)
	seq := int64(0)
	heads := map[string]register.ChainHead{}
	for _, evs := range [][]register.Event{{storetest.Registration("c1", "fife", 1)}, {storetest.Registration("c2", "angus", 1)}, {storetest.Enquiry("c1", 2)}} {
		c := evs[0].ChildID
		rows, head, err := register.PrepareAppend(c, heads[c], evs)
		require.NoError(t, err)
		for _, r := range rows {
			seq++
			_, err := db.Exec(`INSERT INTO events (seq, child_id, version, type, recorded, body, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				seq, r.Key, r.N, r.Type, r.Event.Recorded.Format(time.RFC3339Nano), r.Body, r.Prev, r.Hash)
			require.NoError(t, err)
		}
		head.Seq = seq
		if heads[c].N == 0 {
			_, err = db.Exec(`INSERT INTO heads (child_id, version, seq, hash, state) VALUES (?, ?, ?, ?, ?)`, head.Key, head.N, head.Seq, head.Hash, head.State)
		} else {
			_, err = db.Exec(`UPDATE heads SET version = ?, seq = ?, hash = ?, state = ? WHERE child_id = ?`, head.N, head.Seq, head.Hash, head.State, head.Key)
		}
		require.NoError(t, err)
		heads[c] = head
	}
	pc := storetest.Enquiry("c1", 1).Actor
	var ah register.ChainHead
	for i := range 2 {
		a := register.Access{ChildID: "c1", Recorded: storetest.T0, Actor: pc, Action: register.ActionEnquire, Authority: pc.Authority,
			Purpose: "welfare check", Outcome: register.Answered, OnRegister: true}
		r, h, err := register.PrepareAccess(ah, a)
		require.NoError(t, err)
		h.Seq = int64(i + 1)
		_, err = db.Exec(`INSERT INTO access (seq, child_id, n, actor_id, outcome, body, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			h.Seq, r.Key, r.N, pc.ID, r.Type, r.Body, r.Prev, r.Hash)
		require.NoError(t, err)
		if i == 0 {
			_, err = db.Exec(`INSERT INTO access_heads (child_id, n, seq, hash) VALUES (?, ?, ?, ?)`, h.Key, h.N, h.Seq, h.Hash)
		} else {
			_, err = db.Exec(`UPDATE access_heads SET n = ?, seq = ?, hash = ? WHERE child_id = ?`, h.N, h.Seq, h.Hash, h.Key)
		}
		require.NoError(t, err)
		ah = h
	}
	require.NoError(t, db.Close())
	return path
}

// A database of schema 3 (heads tables) is verified against its heads,
// then each event row gets the state after it and the heads tables go.
func TestMigrationFromSchema3MovesTheStatesIntoTheRows(t *testing.T) {
	ctx := context.Background()
	path := schema3Fixture(t)
	s, err := sqlite.Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	_, err = s.Check(ctx, register.Anchor{})
	require.NoError(t, err)
	for _, c := range []string{"c1", "c2"} {
		evs, v, err := s.Load(ctx, c)
		require.NoError(t, err)
		want, err := register.Fold(c, evs)
		require.NoError(t, err)
		st, err := s.Head(ctx, c)
		require.NoError(t, err)
		assert.Equal(t, want, st, c)
		assert.Equal(t, want.Version, v)
	}
	st, err := s.Head(ctx, "c1")
	require.NoError(t, err)
	assert.Equal(t, 1, st.Enquiries)
	require.NoError(t, s.Append(ctx, "c1", 2, storetest.Enquiry("c1", 3)))
	require.NoError(t, s.Record(ctx, register.Access{ChildID: "c1", Recorded: storetest.T0, Actor: storetest.Keeper("fife"),
		Action: register.ActionHistory, Authority: "fife", Outcome: register.Answered}))
	a := storetest.Verify(t, s)
	assert.Equal(t, int64(3), a.Access[0].N, "the access chain goes on from its last row")

	db := raw(t, path)
	var tables, empty int
	require.NoError(t, db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE name IN ('heads', 'access_heads')`).Scan(&tables))
	assert.Zero(t, tables, "the heads tables are gone")
	require.NoError(t, db.QueryRow(`SELECT COUNT(*) FROM events WHERE (state = '') != (version = 1)`).Scan(&empty))
	assert.Zero(t, empty, "every row but a child's first has its state")
}

// A database of schema 3 that fails verification is not migrated: the
// evidence (the heads) stays, and Open says why.
func TestMigrationFromSchema3RefusesATamperedHistory(t *testing.T) {
	ctx := context.Background()
	path := schema3Fixture(t)
	db := raw(t, path)
	dropTriggers(t, db)
	_, err := db.Exec(`DELETE FROM events WHERE seq = 3`) // c1's last row; its head says version 2
	require.NoError(t, err)
	_, err = sqlite.Open(ctx, path)
	var te *register.TamperError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, int64(3), te.Seq)
	assert.Contains(t, err.Error(), "not migrated")
	var v int
	require.NoError(t, db.QueryRow(`SELECT MAX(version) FROM schema_migrations`).Scan(&v))
	assert.Equal(t, 3, v)
	var tables int
	require.NoError(t, db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE name IN ('heads', 'access_heads')`).Scan(&tables))
	assert.Equal(t, 2, tables)
}

// Opening a database whose schema is current takes no write lock, so it
// succeeds while another process holds one.
func TestOpenDoesNotWaitForTheWriteLock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.db")
	s, err := sqlite.Open(ctx, path)
	require.NoError(t, err)
	require.NoError(t, s.Close())
	db := raw(t, path)
	conn, err := db.Conn(ctx)
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.ExecContext(ctx, `BEGIN IMMEDIATE`)
	require.NoError(t, err)
	defer conn.ExecContext(ctx, `ROLLBACK`) //nolint:errcheck
	start := time.Now()
	s, err = sqlite.Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	assert.Less(t, time.Since(start), 5*time.Second)
	_, err = s.Head(ctx, "c1")
	require.NoError(t, err)
}
