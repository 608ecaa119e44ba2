package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goIdentInMessage finds what a CLI user should never read: a call
// ("Rules()"), a field of the library's Options, or a package-qualified
// Go name ("timescale.Policies", "guidance.Edition2023").
var goIdentInMessage = regexp.MustCompile(`\(\)|Options\.|\b(guidance|timescale|meeting|plan|coregroup|register|cpguide|sqlite|strictjson|json|yaml|strconv|os|io)\.[A-Z]`)

// The error corpus: every kind of bad input the CLI meets. Each gives exit
// status 2 and one line on standard error, nothing on standard output; the
// line names the flag, file or JSON path at fault (at), never quotes the
// input given (secret) and names no Go identifier.
func TestErrorCorpus_OneLineNamesTheFaultNoValueNoGo(t *testing.T) {
	dir := t.TempDir()
	file := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		return p
	}
	onlyID := file("only-id.json", `{"id":"CASE-X"}`)
	badDate := file("bad-date.json", `{"id":"X","meetings":[{"kind":"initial","held":"2026-02-30","chair":{"name":"Secret Name"}}]}`)
	badKind := file("bad-kind.json", `{"id":"X","meetings":[{"kind":"Secretkind"}]}`)
	unknownField := file("unknown-field.json", `{"id":"X","Secretfield":1}`)
	badType := file("bad-type.json", `{"id":"X","concern":12345}`)
	malformed := file("malformed.json", `{"id":"X",`)
	badYAML := file("bad.yaml", "id: X\nconcern: [Secretlist\n")
	looser := file("looser.json", `{"name":"Secret Council","timescales":[{"rule":"coregroup.first","days":20,"unit":"working","source":"x"}]}`)
	badOverlay := file("bad-overlay.json", `{"name":"x","holidays":[{"date":"2026-13-01","name":"Secret Day","source":"x"}]}`)
	missingPath := filepath.Join(dir, "Secret-Name-case.json")
	for _, tc := range []struct {
		name   string
		args   []string
		at     string
		secret string
	}{
		{"unknown command", []string{"Secretcmd"}, "no such command", "Secretcmd"},
		{"help for an unknown command", []string{"help", "Secretcmd"}, "help", "Secretcmd"},
		{"unknown flag", []string{"check", onlyID, "--nosuchflag"}, "-nosuchflag", ""},
		{"flag without value", []string{"check", onlyID, "--today"}, "-today", ""},
		{"bad boolean", []string{"check", onlyID, "--json=Secretbool"}, "-json", "Secretbool"},
		{"bad integer", []string{"ics", onlyID, "--remind", "Secretint"}, "-remind", "Secretint"},
		{"remind out of range", []string{"ics", onlyID, "--remind", "99"}, "--remind", "99"},
		{"malformed today", []string{"check", onlyID, "--today", "Secret/06/2026"}, "--today", "Secret"},
		{"impossible today", []string{"check", onlyID, "--today", "2026-02-30"}, "--today", "2026-02-30"},
		{"unknown edition", []string{"check", onlyID, "--edition", "1999"}, "--edition", "1999"},
		{"policy without =", []string{"check", onlyID, "--policy", "Secretpolicy"}, "--policy", "Secretpolicy"},
		{"unknown policy, case with no meeting", []string{"check", onlyID, "--policy", "Secret.policy=stricter"}, "--policy", "Secret.policy"},
		{"unknown choice, case with no meeting", []string{"check", onlyID, "--policy", "coregroup.first.reading=Secretchoice"}, "--policy", "Secretchoice"},
		{"unknown choice for ics", []string{"ics", onlyID, "--policy", "cppm.notice.unit=Secretchoice"}, "--policy", "Secretchoice"},
		{"unknown choice for report", []string{"report", onlyID, "--html", "-", "--policy", "cppm.notice.unit=Secretchoice"}, "--policy", "Secretchoice"},
		{"unknown choice for due", []string{"due", "--rule", "coregroup.first", "--from", "2026-12-18", "--policy", "coregroup.first.reading=Secretchoice"}, "--policy", "Secretchoice"},
		{"missing case file", []string{"check", missingPath}, "case file", "Secret"},
		{"impossible date in the case", []string{"check", badDate}, "meetings[0].held", "Secret"},
		{"unknown meeting kind", []string{"check", badKind}, "meetings[0].kind", "Secretkind"},
		{"unknown field", []string{"check", unknownField}, "case file", "Secretfield"},
		{"wrong type", []string{"check", badType}, "concern", "12345"},
		{"malformed JSON", []string{"check", malformed}, "case file", ""},
		{"malformed YAML", []string{"check", badYAML}, "case file", "Secretlist"},
		{"looser overlay", []string{"check", cases + "initial-registration.json", "--overlay", looser}, "overlay.timescales[0].days", "Secret"},
		{"bad overlay date", []string{"check", onlyID, "--overlay", badOverlay}, "--overlay", "Secret"},
		{"missing overlay", []string{"check", onlyID, "--overlay", missingPath}, "--overlay", "Secret"},
		{"unknown rule", []string{"due", "--rule", "Secret.rule", "--from", "2026-12-18"}, "--rule", "Secret.rule"},
		{"rule not in edition", []string{"due", "--rule", "cppm.record", "--edition", "2021", "--from", "2026-12-18"}, "--rule", ""},
		{"malformed from", []string{"due", "--rule", "coregroup.first", "--from", "Secret-12-18"}, "--from", "Secret"},
		{"unknown anchor", []string{"due", "--rule", "cppm.pre-birth", "--from", "2026-01-05", "--anchor", "Secretevent=2026-06-01"}, "--anchor", "Secretevent"},
		{"bad anchor date", []string{"due", "--rule", "cppm.pre-birth", "--from", "2026-01-05", "--anchor", "expected-delivery=2026-06-31"}, "--anchor", "2026-06-31"},
		{"unknown rule to explain", []string{"explain", "Secret.rule"}, "explain", "Secret.rule"},
		{"bad year", []string{"calendar", "Secretyear"}, "calendar", "Secretyear"},
		{"argument to rules", []string{"rules", "Secretarg"}, "rules", "Secretarg"},
		{"missing scenario", []string{"test", missingPath}, "test", "Secret"},
		{"unwritable calendar", []string{"ics", onlyID, "-o", filepath.Join(dir, "Secret", "x.ics")}, "-o", "Secret"},
		{"unwritable page", []string{"report", onlyID, "--html", filepath.Join(dir, "Secret", "x.html")}, "--html", "Secret"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(tc.args...)
			assert.Equal(t, 2, code, errs)
			assert.Empty(t, out)
			require.Equal(t, 1, strings.Count(errs, "\n"), "one line: %q", errs)
			assert.True(t, strings.HasPrefix(errs, "cpguide: "), errs)
			assert.Contains(t, errs, tc.at, "names the place at fault")
			if tc.secret != "" {
				assert.NotContains(t, errs, tc.secret, "quotes the input")
			}
			assert.NotContains(t, errs, "Secret", "quotes the input")
			assert.NotRegexp(t, goIdentInMessage, errs, "names a Go identifier")
		})
	}
}

// A bad --policy is the flag's fault, found before the case is read: the
// message starts with the flag, even for a case with no meeting, whose
// check would never consult the policy.
func TestPolicyFlag_ValidatedWhenGiven(t *testing.T) {
	p := writeCase(t, "only-id.json", `{"id":"CASE-X"}`)
	code, _, errs := runCLI("check", p, "--policy", "coregroup.first.reading=weeks")
	assert.Equal(t, 2, code)
	assert.Equal(t, "cpguide: --policy: coregroup.first.reading offers only stricter, calendar, working\n", errs)
	code, _, errs = runCLI("check", p, "--policy", "no.such.policy=stricter")
	assert.Equal(t, 2, code)
	assert.True(t, strings.HasPrefix(errs, "cpguide: --policy: unknown policy: known policies: "), errs)
	assert.NotContains(t, errs, "case file")
}

// plain rewrites the library's Go identifiers for a person at a terminal.
func TestPlain_RewritesGoIdentifiers(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"use guidance.Edition2014, Edition2021 or Edition2023", "use 2014, 2021 or 2023"},
		{"give the CPPM date or choose Options.Edition, so the group is checked under one edition", "give the CPPM date or choose an edition with --edition, so the group is checked under one edition"},
		{"name a policy of timescale.Policies", "name a policy that cpguide explain RULE lists"},
		{"list the known rules with the `rules` command or guidance.Rules()", "list the known rules with cpguide rules"},
		{"set Options.MaxMeetingGap", "set the maxMeetingGap setting"},
		{"coregroup.first counts from the CPPM", "coregroup.first counts from the CPPM"},
	} {
		got := plain(tc.in)
		assert.Equal(t, tc.want, got)
		assert.NotRegexp(t, goIdentInMessage, got)
	}
}
