package sqlite

// DSN is the store's own data source name, for the raw benchmarks.
var DSN = dsn
