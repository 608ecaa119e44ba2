package register_test

import (
	"testing"

	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/storetest"
)

func TestMemoryStoreConformance(t *testing.T) {
	storetest.Run(t, func(*testing.T) register.Store { return register.NewMemory() })
}

func TestMemoryStoreRaceRegisterTransferDeregister(t *testing.T) {
	storetest.Race(t, register.NewMemory(), 32, 200)
}

func TestMemoryStoreConcurrentEnquiriesAllRecorded(t *testing.T) {
	storetest.Enquiries(t, register.NewMemory(), 64)
}
