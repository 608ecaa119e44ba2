package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/cpguide/cpguide/internal/fuzzbudget"
)

// oracleText is redactor.text as it was written with regular expressions:
// the withheld dates, with a weekday written just before them, then the
// counts of days that would give a withheld date away.
func oracleText(dates []string, s string) string {
	alts := make([]string, len(dates))
	for i, d := range dates {
		alts[i] = regexp.QuoteMeta(d)
	}
	re := regexp.MustCompile(`(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) )?(?:` + strings.Join(alts, "|") + `)\b`)
	if !re.MatchString(s) {
		return s
	}
	s = re.ReplaceAllString(s, withheldMark)
	s = strings.ReplaceAll(s, withheldMark+" is a working day", "That day is a working day")
	s = regexp.MustCompile(`\d+ day\(s\) after the due date `+regexp.QuoteMeta(withheldMark)).ReplaceAllString(s, "after the due date "+withheldMark)
	return regexp.MustCompile(regexp.QuoteMeta(withheldMark)+`, \d+ day\(s\) ago`).ReplaceAllString(s, withheldMark)
}

func redactorOf(dates []string) *redactor {
	r := &redactor{texts: map[string]bool{}}
	for _, d := range dates {
		r.texts[d] = true
	}
	return r
}

var oracleDates = []string{"2026-06-01", "2026-03-09"}

// oracleTexts are texts in the forms the CLI writes a withheld date in:
// alone, after a weekday, with "day(s) ago" or "after the due date", glued
// to other text, at the edges. The table test runs them and the fuzz target
// starts from them.
var oracleTexts = []string{
	"", "nothing here", "due Monday 2026-06-01.", "2026-06-01", "x2026-06-01", "2026-06-01x", "2026-06-01_",
	"2026-06-01-", "Monday Monday 2026-06-01", "XMonday 2026-06-01", "Mon 2026-06-01", "2026-06-012026-03-09",
	"2026-06-01 is a working day", "done on 2026-06-10, 9 day(s) after the due date 2026-06-01; record it",
	"due by Monday 2026-06-01, 12 day(s) ago", "Sunday 2026-03-09 and Tuesday 2026-06-01 and 2026-01-01",
	"a12 day(s) after the due date 2026-06-01", ", 3 day(s) ago 2026-06-01, 3 day(s) ago", "2026-06-01, 3 day(s) ago",
	"2026-06-01, day(s) ago", "Friday 2026-06-01Friday 2026-03-09",
	"done on 2026-06-10, 9 day(s) after the due date Monday 2026-06-01; 2026-03-09, 4 day(s) ago",
	"Monday 2026-06-01", "Monday 2026-03-09, 12 day(s) ago",
	"done on 2026-03-09, 1 day(s) after the due date 2026-06-01",
	"born 2026-06-01x; 2026-06-011; 12026-03-09; Sunday2026-03-09",
	"2026-06-01 2026-03-09 2026-06-02 Tuesday 2026-03-09, 0 day(s) ago",
}

// The redactor withholds exactly what the regular expressions withheld.
func TestRedactorText_AsTheRegularExpressions(t *testing.T) {
	for _, s := range oracleTexts {
		want := oracleText(oracleDates, s)
		if got := redactorOf(oracleDates).text(s); got != want {
			t.Errorf("text(%q)\n got %q\nwant %q", s, got, want)
		}
	}
}

func FuzzRedactorText(f *testing.F) {
	for _, s := range oracleTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		defer fuzzbudget.Start(t, len(s))()
		if len(s) > 4096 {
			return
		}
		want := oracleText(oracleDates, s)
		if got := redactorOf(oracleDates).text(s); got != want {
			t.Errorf("text(%q)\n got %q\nwant %q", s, got, want)
		}
	})
}
