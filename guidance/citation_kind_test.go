package guidance_test

import (
	"encoding/json"
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
				case guidance.G14, guidance.G21, guidance.AD23:
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
	assert.Equal(t, "S0 Highland Child Protection Committee 2024, CPPM (2023 edition): x",
		guidance.Citation{Source: guidance.S0, Edition: guidance.Edition2023, Paragraph: "CPPM", Note: "x", Committee: "Highland Child Protection Committee", Year: 2024}.String())
}
