package postgres_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/register/postgres"
)

// envConn names the keyword/value connection string of a superuser on a
// throw-away PostgreSQL server (.ci/run starts one). Without it the tests
// are skipped.
const envConn = "CPGUIDE_POSTGRES"

// appRole is the role the store connects as: no UPDATE or DELETE grants.
const appRole = "cpguide_app"

var schemas atomic.Int64

func ownerConn(t testing.TB) string {
	t.Helper()
	c := os.Getenv(envConn)
	if c == "" {
		t.Skip(envConn + " is not set: no PostgreSQL server to test against (bash .ci/run starts one)")
	}
	return c
}

// newSchema creates a fresh schema, migrates it as the owner and returns
// the owner's and the application's connection strings for it. The schema
// is dropped when the test ends.
func newSchema(t testing.TB) (owner, app string) {
	t.Helper()
	base := ownerConn(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	require.NoError(t, err)
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `DO $$ BEGIN CREATE ROLE `+appRole+` LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`)
	require.NoError(t, err)
	name := fmt.Sprintf("t_%d_%d", os.Getpid(), schemas.Add(1))
	_, err = conn.Exec(ctx, `CREATE SCHEMA `+name)
	require.NoError(t, err)
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), base)
		if err == nil {
			_, _ = c.Exec(context.Background(), `DROP SCHEMA `+name+` CASCADE`)
			c.Close(context.Background())
		}
	})
	owner = base + " search_path=" + name
	require.NoError(t, postgres.Migrate(ctx, owner, appRole))
	return owner, strings.TrimSpace(base) + " user=" + appRole + " search_path=" + name
}

func openApp(t testing.TB, app string) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), app)
	require.NoError(t, err)
	t.Cleanup(s.Close)
	return s
}
