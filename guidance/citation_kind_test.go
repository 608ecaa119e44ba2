package guidance_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

// Every citation says whether it is national guidance or a council's local
// procedure, and a local one names the committee and the year: the
// extracts S0 and S3 are Highland's (2024) and North Lanarkshire's (2023)
// procedures, not national text.
func TestCitation_KindNationalOrLocalWithCommittee(t *testing.T) {
	for _, r := range guidance.Rules() {
		for _, p := range r.Provisions {
			for _, c := range p.Citations {
				b, err := json.Marshal(c)
				require.NoError(t, err)
				var got struct {
					Kind      string `json:"kind"`
					Committee string `json:"committee"`
					Year      int    `json:"year"`
				}
				require.NoError(t, json.Unmarshal(b, &got))
				switch c.Source {
				case guidance.G14, guidance.G21, guidance.AD23, guidance.CSWS:
					assert.Equal(t, "national", got.Kind, "%s %s", r.ID, c)
				case guidance.S0, guidance.S3:
					assert.Equal(t, "local", got.Kind, "%s %s", r.ID, c)
					assert.NotEmpty(t, got.Committee, "%s %s", r.ID, c)
					assert.NotZero(t, got.Year, "%s %s", r.ID, c)
				default:
					assert.Equal(t, "local", got.Kind, "%s %s", r.ID, c)
				}
			}
		}
	}
	assert.Equal(t, "S0 Highland Child Protection Committee 2024 procedures, CPPM (2023 edition): x",
		guidance.Citation{Source: guidance.S0, Edition: guidance.Edition2023, Paragraph: "CPPM", Note: "x", Committee: "Highland Child Protection Committee", Year: 2024}.String())
}

// TestProvisions_NationalRestOnNationalText: the catalogue is the national
// guidance. No provision cites a council's procedures (S0, S3 or another
// local source): a council's wording, figures and strengths belong to its
// procedure profile (package procedures), and a provision the national text
// does not state is not in the catalogue. Every provision cites at least one
// national source of its own edition or an earlier one carried into it.
func TestProvisions_NationalRestOnNationalText(t *testing.T) {
	for _, r := range guidance.Rules() {
		for _, p := range r.Provisions {
			require.NotEmpty(t, p.Citations, "%s (%s) cites nothing", r.ID, p.Edition)
			for _, c := range p.Citations {
				assert.True(t, c.Source.National(), "%s (%s) rests on a local source: %s", r.ID, p.Edition, c)
				assert.LessOrEqual(t, c.Edition, p.Edition, "%s (%s) cites a later edition: %s", r.ID, p.Edition, c)
			}
		}
	}
}

// TestProvisions_UnconfirmedListed pins the provisions whose national text
// was not read in the national document itself (Provision.Unconfirmed), so
// that the list changes only on purpose: testdata/unconfirmed.txt.
func TestProvisions_UnconfirmedListed(t *testing.T) {
	var b strings.Builder
	for _, r := range guidance.Rules() {
		for _, p := range r.Provisions {
			if p.Unconfirmed == "" {
				continue
			}
			require.NotEmpty(t, p.Citations, r.ID)
			fmt.Fprintf(&b, "%s %s %s %s\n", r.ID, p.Edition, p.Strength, p.Citations[0])
		}
	}
	const file = "testdata/unconfirmed.txt"
	if *updateUnconfirmed {
		require.NoError(t, os.WriteFile(file, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(file)
	require.NoError(t, err, "run go test ./guidance -update-unconfirmed to write it")
	assert.Equal(t, string(want), b.String(), "the unconfirmed provisions changed: review %s (go test ./guidance -update-unconfirmed)", file)
}

var updateUnconfirmed = flag.Bool("update-unconfirmed", false, "rewrite testdata/unconfirmed.txt")
