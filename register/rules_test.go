package register_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cpguide/cpguide/guidance"
)

// provedBy names, for each rule of the register area, the tests that fail
// without it. A new register rule without an entry fails this test.
var provedBy = map[string][]string{
	"register.access":              {"TestAccess_DefaultPolicy", "TestAccess_EnquiriesAgainstTheAccessPolicy", "TestTransfer_ReceivingAuthorityRegistersOriginatingEndsTransferred"},
	"register.concerns":            {"TestRegistration_AreasOfConcernRequiredFromTheVersionedList", "TestConcernList_OlderListKeptAndExtensible"},
	"register.deregistration":      {"TestDeregistration_OnlyAQuorateReviewCPPMWithChildAndFamilyRepresented", "TestTransfer_TransferCPPMCannotDeregister"},
	"register.deregistration-told": {"TestCheck_ParentsInformedAndFamilyToldOfDeregistration"},
	"register.end-reason":          {"TestDeregistration_OtherEndingsNeedTheirReason"},
	"register.episode-length":      {"TestStatistics_FromEvents"},
	"register.history":             {"TestHistory_CorrectionAppendsAndKeepsTheOriginal", "storetest.Run", "sqlite.TestEventsCannotBeUpdatedOrDeletedInTheDatabase", "sqlite.TestCrashKeepsEveryAcknowledgedWrite"},
	"register.keep":                {"TestRegistration_UnbornBabyByPreBirthCPPMThenLinkedAtBirth", "TestRegistration_InitialCPPMThatRequiresAPlanRegisters"},
	"register.parents-informed":    {"TestCheck_ParentsInformedAndFamilyToldOfDeregistration"},
	"register.registration":        {"TestRegistration_RefusedWithoutACPPMDecisionThatAPlanIsRequired", "TestRegistration_CPPMDecisionToRegisterNeedsTheRegister", "TestRegistration_SecondOpenRegistrationInOneAuthorityIsConflict"},
	"register.temporary":           {"TestTemporary_ReceivingAuthorityRegistersWhileOriginatingOpen", "TestTemporary_EndsWhenOriginatingRegistrationEnds"},
	"register.transfer":            {"TestTransfer_ReceivingAuthorityRegistersOriginatingEndsTransferred"},
}

func TestEveryRegisterRuleIsInTheCatalogueAndProvedByATest(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range guidance.Rules() {
		if r.Area != guidance.AreaRegister {
			continue
		}
		seen[r.ID] = true
		assert.True(t, strings.HasPrefix(r.ID, "register."), r.ID)
		assert.NotEmpty(t, provedBy[r.ID], "rule %s has no test listed", r.ID)
	}
	for id := range provedBy {
		assert.True(t, seen[id], "rule %s is not in the catalogue", id)
	}
}
