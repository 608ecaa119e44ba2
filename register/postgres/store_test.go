package postgres_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/postgres"
	"github.com/cpguide/cpguide/register/storetest"
)

func TestPostgresStoreConformance(t *testing.T) {
	ownerConn(t)
	storetest.Run(t, func(t *testing.T) register.Store {
		_, app := newSchema(t)
		return openApp(t, app)
	})
}

func TestPostgresStoreRaceRegisterTransferDeregister(t *testing.T) {
	_, app := newSchema(t)
	storetest.Race(t, openApp(t, app), 16, 40)
}

func TestPostgresStoreConcurrentEnquiriesAllRecorded(t *testing.T) {
	_, app := newSchema(t)
	storetest.Enquiries(t, openApp(t, app), 32)
}

func TestOpenRefusesAnUnmigratedOrNewerSchema(t *testing.T) {
	owner, app := newSchema(t)
	ctx := context.Background()
	_, err := postgres.Open(ctx, ownerConn(t)+" search_path=nowhere")
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Conflict, Field: "schema_version"}, err), "got %v", err)
	conn, err := pgx.Connect(ctx, owner)
	require.NoError(t, err)
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `INSERT INTO schema_migrations (version, note) VALUES ($1, 'future')`, postgres.SchemaVersion()+1)
	require.NoError(t, err)
	_, err = postgres.Open(ctx, app)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "newer code")
	err = postgres.Migrate(ctx, owner, appRole)
	assert.Contains(t, err.Error(), "newer code")
}

func fixture(t *testing.T, s *postgres.Store) {
	t.Helper()
	ctx := context.Background()
	require.NoError(t, s.Append(ctx, "c1", 0, storetest.Registration("c1", "fife", 1)))
	require.NoError(t, s.Append(ctx, "c2", 0, storetest.Registration("c2", "fife", 1)))
	require.NoError(t, s.Append(ctx, "c1", 1, storetest.Enquiry("c1", 2), storetest.Enquiry("c1", 3)))
	require.NoError(t, s.Append(ctx, "c1", 3, storetest.Enquiry("c1", 4)))
	pc := storetest.Enquiry("c1", 1).Actor
	require.NoError(t, s.Record(ctx, register.Access{ChildID: "c1", Recorded: storetest.T0, Actor: pc, Action: register.ActionEnquire,
		Authority: pc.Authority, Purpose: "welfare check", Outcome: register.Answered, OnRegister: true}))
	storetest.Verify(t, s)
}

func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// The application's role has no UPDATE or DELETE grant and cannot touch
// the triggers; the owner is refused by the triggers.
func TestTamperingIsRefusedByTheDatabase(t *testing.T) {
	owner, app := newSchema(t)
	s := openApp(t, app)
	fixture(t, s)
	ctx := context.Background()
	edits := []string{
		`UPDATE events SET body = body || ' '::bytea WHERE seq = 3`,
		`DELETE FROM events WHERE seq = 3`,
		`TRUNCATE events`,
		`INSERT INTO events (seq, child_id, version, type, recorded, body, prev, hash) OVERRIDING SYSTEM VALUE
			SELECT seq, 'decoy', 1, type, recorded, body, prev, hash FROM events WHERE child_id = 'c1' AND version = 2
			ON CONFLICT (seq) DO UPDATE SET child_id = excluded.child_id`,
		`UPDATE access SET body = '{}'::bytea`,
		`DELETE FROM access`,
		`DELETE FROM heads WHERE child_id = 'c1'`,
		`UPDATE heads SET version = 1 WHERE child_id = 'c1'`,
	}
	// The application first: the owner's turn ends by dropping a trigger,
	// after which the application's DROP TRIGGER would find none to refuse.
	for _, r := range []struct{ who, cs string }{{"application", app}, {"owner", owner}} {
		who, cs := r.who, r.cs
		conn, err := pgx.Connect(ctx, cs)
		require.NoError(t, err)
		for _, q := range append(edits, `ALTER TABLE events DISABLE TRIGGER USER`, `DROP TRIGGER events_append_only ON events`) {
			_, err := conn.Exec(ctx, q)
			if who == "owner" && (q == `ALTER TABLE events DISABLE TRIGGER USER` || q == `DROP TRIGGER events_append_only ON events`) {
				continue // the owner can; it is the application that must not
			}
			require.Error(t, err, "%s: %s", who, q)
			assert.Equal(t, "42501", pgCode(err), "%s: %s: %v", who, q, err)
		}
		conn.Close(ctx)
		if who == "application" {
			storetest.Verify(t, s) // nothing changed
		}
	}
}

// A superuser who switches the triggers off can edit the tables; Verify
// and Load find each edit with the first bad sequence number.
func TestVerifyAndLoadDetectTampering(t *testing.T) {
	swap := []string{ // swap the contents of seq 3 and 4 (identity values cannot be updated)
		`CREATE TEMP TABLE sw AS SELECT * FROM events WHERE seq IN (3, 4)`,
		`UPDATE events e SET child_id = s.child_id, version = s.version + 1000, type = s.type, body = s.body, prev = s.prev, hash = s.hash FROM sw s WHERE e.seq = 3 AND s.seq = 4`,
		`UPDATE events e SET child_id = s.child_id, version = s.version, type = s.type, body = s.body, prev = s.prev, hash = s.hash FROM sw s WHERE e.seq = 4 AND s.seq = 3`,
		`UPDATE events SET version = version - 1000 WHERE seq = 3`,
	}
	for _, tc := range []struct {
		name    string
		sql     []string
		log     string
		seq     int64
		loadSeq int64 // 0: no Load check
	}{
		{"an upsert erases c1/2", []string{`INSERT INTO events (seq, child_id, version, type, recorded, body, prev, hash) OVERRIDING SYSTEM VALUE
			SELECT seq, 'decoy', 1, type, recorded, body, prev, hash FROM events WHERE child_id = 'c1' AND version = 2
			ON CONFLICT (seq) DO UPDATE SET child_id = excluded.child_id, version = excluded.version`}, "events", 3, 4},
		{"one byte of a body", []string{`UPDATE events SET body = overlay(body placing 'X'::bytea from 20 for 1) WHERE seq = 4`}, "events", 4, 4},
		{"a deleted row", []string{`DELETE FROM events WHERE seq = 3`}, "events", 4, 4},
		{"a swapped pair of rows", swap, "events", 3, 3},
		{"the last row deleted", []string{`DELETE FROM events WHERE seq = 5`}, "events", 5, 5},
		{"one byte of an access entry", []string{`UPDATE access SET body = overlay(body placing 'X'::bytea from 20 for 1)`}, "access", 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			_, app := newSchema(t)
			s := openApp(t, app)
			fixture(t, s)
			conn, err := pgx.Connect(ctx, app[:0]+ownerConn(t)+" search_path="+app[len(app)-len(schemaOf(app)):])
			require.NoError(t, err)
			defer conn.Close(ctx)
			_, err = conn.Exec(ctx, `SET session_replication_role = replica`) // triggers off: superuser only
			require.NoError(t, err)
			for _, q := range tc.sql {
				_, err := conn.Exec(ctx, q)
				require.NoError(t, err, q)
			}
			_, err = s.Verify(ctx, register.Anchor{})
			var te *register.TamperError
			require.ErrorAs(t, err, &te)
			assert.True(t, errors.Is(err, register.ErrTampered))
			assert.Equal(t, tc.log, te.Log)
			assert.Equal(t, tc.seq, te.Seq, "first bad sequence number: %v", err)
			assert.NotContains(t, err.Error(), "Test Child")
			if tc.loadSeq != 0 {
				_, _, err := s.Load(ctx, "c1")
				require.ErrorAs(t, err, &te, "Load")
				assert.Equal(t, tc.loadSeq, te.Seq, "Load: %v", err)
			}
		})
	}
}

// A superuser who deletes a child's whole history with its head, or the
// whole access log with its heads, leaves consistent tables: Verify with
// no anchor passes. The anchor of an earlier Verify, kept outside the
// database, finds it, at the recorded row.
func TestAnchorFindsADeletedHistory(t *testing.T) {
	for _, tc := range []struct {
		name string
		sql  []string
		log  string
		seq  int64
	}{
		{"events", []string{`DELETE FROM events WHERE child_id = 'c2'`, `DELETE FROM heads WHERE child_id = 'c2'`}, "events", 2},
		{"access", []string{`DELETE FROM access`, `DELETE FROM access_heads`}, "access", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			_, app := newSchema(t)
			s := openApp(t, app)
			fixture(t, s)
			anchor := storetest.Verify(t, s)
			conn, err := pgx.Connect(ctx, ownerConn(t)+" search_path="+schemaOf(app))
			require.NoError(t, err)
			defer conn.Close(ctx)
			_, err = conn.Exec(ctx, `SET session_replication_role = replica`) // triggers off: superuser only
			require.NoError(t, err)
			for _, q := range tc.sql {
				_, err := conn.Exec(ctx, q)
				require.NoError(t, err, q)
			}
			later := storetest.Verify(t, s) // without the anchor, consistent tables
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

// schemaOf returns the search_path value at the end of a connection string.
func schemaOf(cs string) string {
	const k = "search_path="
	for i := len(cs) - len(k); i >= 0; i-- {
		if cs[i:i+len(k)] == k {
			return cs[i+len(k):]
		}
	}
	return ""
}
