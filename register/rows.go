package register

// Rows is what a store's query gives back, as database/sql's *sql.Rows and
// pgx's Rows both offer it. The store closes its rows; the readers below
// only walk them.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// ReadAccesses decodes access-log rows of (seq, body), in their order. A
// scan or iteration error goes through wrap (the store's own error); a body
// that does not decode is returned as DecodeAccess reports it.
func ReadAccesses(rows Rows, wrap func(error) error) ([]Access, error) {
	var out []Access
	for rows.Next() {
		var seq int64
		var body []byte
		if err := rows.Scan(&seq, &body); err != nil {
			return nil, wrap(err)
		}
		a, err := DecodeAccess(body)
		if err != nil {
			return nil, err
		}
		a.Seq = seq
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(err)
	}
	return out, nil
}

// VerifyRows feeds a log's rows of (seq, key, n, type, body, prev, hash)
// and, when withState, the folded state, in sequence order, to v: the
// first bad row is v's *TamperError. A scan or iteration error goes
// through wrap.
func VerifyRows(v *ChainVerifier, rows Rows, withState bool, wrap func(error) error) error {
	for rows.Next() {
		var r ChainRow
		dest := []any{&r.Seq, &r.Key, &r.N, &r.Type, &r.Body, &r.Prev, &r.Hash}
		if withState {
			dest = append(dest, &r.State)
		}
		if err := rows.Scan(dest...); err != nil {
			return wrap(err)
		}
		if err := v.Row(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return wrap(err)
	}
	return nil
}

// VerifyHeads feeds a log's heads of (key, n, seq, hash) and, when
// withState, the folded state, to v. A scan or iteration error goes
// through wrap.
func VerifyHeads(v *ChainVerifier, rows Rows, withState bool, wrap func(error) error) error {
	for rows.Next() {
		var h ChainHead
		dest := []any{&h.Key, &h.N, &h.Seq, &h.Hash}
		if withState {
			dest = append(dest, &h.State)
		}
		if err := rows.Scan(dest...); err != nil {
			return wrap(err)
		}
		if err := v.Head(h); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return wrap(err)
	}
	return nil
}
