package cpguide_test

import (
	"strings"
)

// hostileSeeds are the inputs of issue 15's review, cut to a size that
// keeps the seed corpus quick: each fuzz target that reads a case starts
// from them.
func hostileSeeds() [][]byte {
	return [][]byte{
		repeat(`{"id":"C1","meetings":[`, `{"kind":"review","held":"2026-03-20"}`, ",", `]}`, 2000),
		repeat(`{"meetings":[`, `{}`, ",", `]}`, 20000),
		repeat(`{"id":"C1","meetings":[`, `{"kind":"review","held":"2026-03-20","ref":"`+strings.Repeat("A", 100_000)+`"}`, ",", `]}`, 3),
		[]byte(`{"id":"C1","variations":[{"rule":"Jane Doe 2015-03-17","subject":"Jane Doe","new_date":"2026-04-01","approver":"x","reason":"y","recorded":"2026-03-01"}]}`),
		[]byte(`{"id":"C1","variations":[{"rule":"cppm.transfer","subject":"Jane Doe 2015-03-17","new_date":"2026-04-30","approver":"Ann","reason":"ill","recorded":"2026-03-01"}]}`),
		[]byte(`{"id":"C\u001b[2J\u001b[31mFAKE: 0 breaches\u001b[0m\r","concern":"2026-03-02"}`),
		[]byte(`{"id":"C\u0000","concern":"2026-03-02"}`),
		[]byte(`{"id":"C1","meetings":[{"kind":"initial","held":"9999-12-31"}]}`),
		[]byte(`{"id":"C1","concern":"2199-12-01","ird":"2199-12-02","meetings":[{"ref":"M-1","kind":"initial","convened":"2199-12-10","held":"2199-12-20","decisions":{"plan_required":true,"risk_of_significant_harm":true}}]}`),
	}
}
