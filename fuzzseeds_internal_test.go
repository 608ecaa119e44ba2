package cpguide

import "strings"

// hostileYAMLSeeds are the YAML inputs of the review, cut down.
func hostileYAMLSeeds() []string {
	return []string{
		"meetings: [" + strings.Repeat("1,", 50_000) + "1]\n",
		"meetings:\n" + strings.Repeat("  - {kind: review, held: 2026-03-20}\n", 2000),
		"id: \"C\\e[2J\"\nconcern: 2026-03-02\n",
		"meetings:\n  - {kind: initial, held: 9999-12-31}\n",
	}
}
