package coregroup

import "testing"

// BenchmarkCheckCoreGroup checks a typical Core Group record: three members,
// two partners, two meetings, a referral, an activation and an escalation.
func BenchmarkCheckCoreGroup(b *testing.B) {
	g := load(b, "2023/good.json")
	b.ReportAllocs()
	for b.Loop() {
		r, err := Check(g, goodOpts)
		if err != nil || r.Len() == 0 {
			b.Fatal(err)
		}
	}
}

func BenchmarkDeadlines(b *testing.B) {
	g := load(b, "2023/new.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Deadlines(g, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeCoreGroup(b *testing.B) {
	data := readFixture(b, "2023/good.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}
