package cpguide_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/ird"
)

// The old form of a case file, with the IRD as a date and its decisions as
// case fields, checks as it did before the IRD record existed: the same
// findings for every rule but the new IRD rules, which need the record and
// say how to write it. Written out again, it keeps its form.
func TestIRD_OldDateFormChecksAsBefore(t *testing.T) {
	old := `{"id":"C-OLD","concern":"2026-03-02","out_of_hours_ird":"2026-03-02","ird":"2026-03-03","investigation":"2026-03-03"}`
	now := `{"id":"C-OLD","concern":"2026-03-02","ird":{"out_of_hours":"2026-03-02","held":"2026-03-03","decisions":{"investigation":"2026-03-03"}}}`
	opts := cpguide.Options{Today: date("2026-04-15")}
	co, err := cpguide.DecodeCase(strings.NewReader(old))
	require.NoError(t, err)
	cn, err := cpguide.DecodeCase(strings.NewReader(now))
	require.NoError(t, err)
	ro, err := cpguide.Check(co, opts)
	require.NoError(t, err)
	rn, err := cpguide.Check(cn, opts)
	require.NoError(t, err)

	notIRD := func(fs []guidance.Finding) []guidance.Finding {
		var out []guidance.Finding
		for _, f := range fs {
			if !strings.HasPrefix(f.Rule, "ird.") || f.Rule == "ird.follow-up" || f.Rule == "ird.required" || f.Rule == "ird.prompt" {
				out = append(out, f)
			}
		}
		return out
	}
	assert.Equal(t, notIRD(rn.Report.Findings()), notIRD(ro.Report.Findings()), "the timings read the old fields as the record")
	assert.Equal(t, rn.Deadlines, ro.Deadlines)
	for _, f := range ro.Report.Findings() {
		if strings.HasPrefix(f.Rule, "ird.") && !strings.Contains("ird.follow-up ird.required ird.prompt", f.Rule) {
			assert.Equal(t, guidance.NotApplicable, f.Status, f.Rule)
			assert.Contains(t, f.Message, `write "ird" as a record`, f.Rule)
		}
	}
	// 28 days from the concern: the IRD's dates feed cppm.initial either way.
	require.NotEmpty(t, ro.Deadlines)
	assert.Equal(t, date("2026-03-30"), ro.Deadlines[0].Due)

	b, err := cpguide.MarshalCase(co)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"ird":"2026-03-03"`, "the old form is written back as it was read")
	again, err := cpguide.DecodeCase(strings.NewReader(string(b)))
	require.NoError(t, err)
	ra, err := cpguide.Check(again, opts)
	require.NoError(t, err)
	assert.Equal(t, ro.Report.Findings(), ra.Report.Findings())
}

// The old fields and the record cannot say two different things.
func TestIRD_OldAndNewFormsMustAgree(t *testing.T) {
	for _, tc := range []struct{ doc, field string }{
		{`{"id":"C","out_of_hours_ird":"2026-03-01","ird":{"out_of_hours":"2026-03-02"}}`, "out_of_hours_ird"},
		{`{"id":"C","investigation":"2026-03-01","ird":{"decisions":{"investigation":"2026-03-02"}}}`, "investigation"},
		{`{"id":"C","no_cppm":true,"ird":{"decisions":{"cppm":true}}}`, "no_cppm"},
		{`{"id":"C","concern":"2026-03-05","ird":"2026-03-04"}`, "ird"},
		{`{"id":"C","ird":"2026-02-30"}`, "ird"},
		{`{"id":"C","ird":{"agencies":["police","fire"]}}`, "ird.agencies[1]"},
	} {
		_, err := cpguide.DecodeCase(strings.NewReader(tc.doc))
		require.Error(t, err, tc.doc)
		var ge *guidance.Error
		require.ErrorAs(t, err, &ge, tc.doc)
		assert.Equal(t, tc.field, ge.Field, tc.doc)
	}
}

// Validate refuses what Check refuses: an IRD closed before the out-of-hours
// IRD that the old field gives (the record as the checks read it).
func TestIRD_ValidateAsCheckOnTheFilledInRecord(t *testing.T) {
	c := cpguide.Case{IRD: &ird.IRD{Closed: date("2026-03-01")}, OutOfHoursIRD: date("2026-03-05")}
	verr := c.Validate()
	require.Error(t, verr)
	_, cerr := cpguide.Check(c, cpguide.Options{Today: date("2026-06-15")})
	require.Error(t, cerr)
	var gv, gc *guidance.Error
	require.ErrorAs(t, verr, &gv)
	require.ErrorAs(t, cerr, &gc)
	require.Equal(t, gc.Field, gv.Field)
	require.True(t, strings.HasPrefix(gv.Field, "ird"), gv.Field)
}
