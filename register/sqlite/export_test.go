package sqlite

import (
	"context"
	"database/sql"
)

// DSN is the store's own data source name, for the raw benchmarks.
var DSN = dsn

// CreateAtSchema creates the database at path with the schema of version
// n, as the release that knew only n migrations left it, for migration
// tests.
func CreateAtSchema(ctx context.Context, path string, n int) error {
	if err := private(path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", dsn(path, "FULL"))
	if err != nil {
		return err
	}
	defer db.Close()
	return (&Store{db: db}).migrate(ctx, n)
}
