package plan

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cpguide/cpguide/guidance"
)

// G21 1.83: the lead professional is responsible for producing and
// reviewing the child's plan, which integrates the single agencies' plans.
// Every combination of the two facts (recorded yes, recorded no, not
// recorded) gives one finding whose words name what to do.
func TestLeadChildsPlan_G21_1_83_EveryCombination(t *testing.T) {
	yes, no := true, false
	const (
		makeLP    = "make the lead professional responsible for producing and reviewing the agreed multi-agency child's plan"
		integrate = "integrate the single agencies' plans into the multi-agency plan"
	)
	for _, tc := range []struct {
		name       string
		lp         *LeadProfessional
		integrated *bool
		status     guidance.Status
		message    string
	}{
		{"both done", &LeadProfessional{ResponsibleForChildsPlan: &yes}, &yes, guidance.Met,
			"the lead professional is responsible for producing and reviewing the child's plan, which integrates the single agencies' plans"},
		{"neither done", &LeadProfessional{ResponsibleForChildsPlan: &no}, &no, guidance.Missing, makeLP + "; " + integrate},
		{"not responsible", &LeadProfessional{ResponsibleForChildsPlan: &no}, &yes, guidance.Missing, makeLP},
		{"not integrated", &LeadProfessional{ResponsibleForChildsPlan: &yes}, &no, guidance.Missing, integrate},
		{"not integrated, no lead professional", nil, &no, guidance.Missing,
			integrate + "; also record a lead professional responsible for producing and reviewing the child's plan (lead_professional)"},
		{"not integrated, responsibility not recorded", &LeadProfessional{}, &no, guidance.Missing,
			integrate + "; also record lead_professional.responsible_for_childs_plan"},
		{"not responsible, integration not recorded", &LeadProfessional{ResponsibleForChildsPlan: &no}, nil, guidance.Missing,
			makeLP + "; also record single_agency_plans_integrated"},
		{"responsible, integration not recorded", &LeadProfessional{ResponsibleForChildsPlan: &yes}, nil, guidance.Unknown,
			"record single_agency_plans_integrated"},
		{"nothing recorded", nil, nil, guidance.Unknown,
			"record a lead professional responsible for producing and reviewing the child's plan (lead_professional), single_agency_plans_integrated"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pl := load(t, "2023/good.json")
			pl.LeadProfessional, pl.SingleAgencyPlansIntegrated = tc.lp, tc.integrated
			f := find(t, check(t, pl, Options{}), "plan.lead-professional-childs-plan")
			assert.Equal(t, tc.status, f.Status)
			assert.Equal(t, tc.message, f.Message)
		})
	}
}
