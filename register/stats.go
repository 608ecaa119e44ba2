package register

import (
	"context"
	"slices"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

// Query says what [Statistics] counts.
type Query struct {
	// From and To bound the period, both days included.
	From, To timescale.Date
	// Authority limits the counts to one authority's register; empty
	// counts every authority (a child on two registers is counted once on
	// the register, and each registration once).
	Authority string
	// ReRegistrationMonths is the re-registration window: a registration is
	// a re-registration if the child's previous registration ended less
	// than this many months before. Commonly 12, 18 or 24; required.
	ReRegistrationMonths int
	// Bands are the upper bounds, in months, of the episode length bands;
	// nil means [DefaultBands].
	Bands []int
}

// DefaultBands are the episode length bands, in months: under 3, 3 to
// under 6, 6 to under 12, 12 to under 18, 18 to under 24, 24 and over.
var DefaultBands = []int{3, 6, 12, 18, 24}

// Stats are the counts a Child Protection Committee reports from the
// register. Temporary registrations are counted only in Temporary, so a
// child on a temporary move is not counted twice.
type Stats struct {
	Query Query `json:"query"`
	// OnRegisterAtStart and OnRegisterAtEnd count children on the register
	// on the first and last day of the period.
	OnRegisterAtStart int `json:"on_register_at_start"`
	OnRegisterAtEnd   int `json:"on_register_at_end"`

	Registrations       int                      `json:"registrations"`
	RegistrationsByKind map[RegistrationKind]int `json:"registrations_by_kind"`
	// RegistrationsByConcern counts each area of concern recorded at a
	// registration in the period (a registration with three concerns
	// counts in three).
	RegistrationsByConcern map[string]int `json:"registrations_by_concern"`
	PreBirth               int            `json:"pre_birth"`
	ReRegistrations        int            `json:"re_registrations"`
	Temporary              int            `json:"temporary"`

	Deregistrations         int            `json:"deregistrations"`
	DeregistrationsByReason map[Reason]int `json:"deregistrations_by_reason"`
	// LengthBands counts the de-registrations in the period by the length
	// of the episode, measured from its registration (rule
	// register.episode-length). Keys are "<3m", "3-6m", ..., ">=24m".
	LengthBands map[string]int `json:"length_bands"`
}

// statistics computes the counts from the children's folded states.
func statistics(ctx context.Context, s Store, q Query) (Stats, error) {
	if !q.From.Valid() || !q.To.Valid() || q.To.Before(q.From) {
		return Stats{}, invalid("query.from", "give a period with valid dates, from not after to")
	}
	if q.ReRegistrationMonths <= 0 {
		return Stats{}, &guidance.Error{Kind: guidance.MissingFact, Field: "query.re_registration_months", Hint: "choose the re-registration window (commonly 12, 18 or 24 months)"}
	}
	if q.Bands == nil {
		q.Bands = DefaultBands
	}
	st := Stats{Query: q, RegistrationsByKind: map[RegistrationKind]int{}, RegistrationsByConcern: map[string]int{},
		DeregistrationsByReason: map[Reason]int{}, LengthBands: map[string]int{}}
	err := s.ScanHeads(ctx, func(state State) error {
		st.add(q, state)
		return nil
	})
	if err != nil {
		return Stats{}, err
	}
	return st, nil
}

func (st *Stats) add(q Query, s State) {
	in := func(d timescale.Date) bool { return !d.Before(q.From) && !d.After(q.To) }
	var eps []Episode
	for _, ep := range s.Episodes {
		if q.Authority == "" || ep.Authority == q.Authority {
			eps = append(eps, ep)
		}
	}
	onStart, onEnd := false, false
	for i, ep := range eps {
		if ep.Kind == Temporary {
			if in(ep.Start) {
				st.Temporary++
			}
			continue
		}
		onStart = onStart || ep.OpenOn(q.From)
		onEnd = onEnd || ep.OpenOn(q.To)
		if in(ep.Start) {
			st.Registrations++
			st.RegistrationsByKind[ep.Kind]++
			for _, c := range ep.Concerns {
				st.RegistrationsByConcern[c]++
			}
			if ep.Kind == ByPreBirthCPPM {
				st.PreBirth++
			}
			if ep.Kind != ByTransferCPPM && reRegistration(eps[:i], ep.Start, q.ReRegistrationMonths) {
				st.ReRegistrations++
			}
		}
		if !ep.Open() && in(ep.End) {
			st.Deregistrations++
			st.DeregistrationsByReason[ep.Reason]++
			st.LengthBands[band(ep.Start, ep.End, q.Bands)]++
		}
	}
	if onStart {
		st.OnRegisterAtStart++
	}
	if onEnd {
		st.OnRegisterAtEnd++
	}
}

// reRegistration reports whether a non-temporary earlier episode ended
// within months before start.
func reRegistration(earlier []Episode, start timescale.Date, months int) bool {
	return slices.ContainsFunc(earlier, func(e Episode) bool {
		return e.Kind != Temporary && !e.Open() && e.Reason != Transferred && !e.End.After(start) && start.Before(e.End.AddMonths(months))
	})
}

// band names the length band of an episode from start to end.
func band(start, end timescale.Date, bands []int) string {
	lo := 0
	for _, hi := range bands {
		if end.Before(start.AddMonths(hi)) {
			if lo == 0 {
				return "<" + itoa(int64(hi)) + "m"
			}
			return itoa(int64(lo)) + "-" + itoa(int64(hi)) + "m"
		}
		lo = hi
	}
	return ">=" + itoa(int64(lo)) + "m"
}
