package guidance

// coregroupRules are the rules checked by package coregroup: RULES.md section
// 5. The timescales coregroup.first and coregroup.refer-change are in
// timescaleRules.
var coregroupRules = []Rule{
	{
		ID: "coregroup.coordinated-by-lead-professional", Title: "Core Group co-ordinated by the lead professional", Area: AreaCoreGroup, Since: v010,
		Doc: "The Core Group should be co-ordinated by the lead professional. The library checks that the recorded co-ordinator is a member marked as the lead professional.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.137", "co-ordinated by the lead professional")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.137", "carried into the 2023 update")}},
		},
	},
	{
		ID: "coregroup.partners", Title: "Child and parents as partners", Area: AreaCoreGroup, Since: v010,
		Doc: "The Core Group implements, monitors and reviews the plan in partnership with the child and parents. The library checks that the child and at least one parent or carer are recorded as partners, or why they are not involved.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.137", "in partnership with children and parents")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.137", "carried into the 2023 update")}},
		},
	},
	{
		ID: "coregroup.in-person", Title: "Core Group meets in person", Area: AreaCoreGroup, Since: v010,
		Doc: "The Core Group should meet in person on a regular basis. The library checks each recorded meeting was held in person.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.137", "meet in person")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.137", "carried into the 2023 update")}},
		},
	},
	{
		ID: "coregroup.regular-meetings", Title: "Core Group meets regularly", Area: AreaCoreGroup, Since: v010,
		Doc: "The Core Group should meet on a regular basis. The guidance sets no interval: the library reports the longest gap between meetings (and since the last one) against a maximum the user sets from local procedures, and is unknown without one.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.137", "meet on a regular basis")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.137", "carried into the 2023 update")}},
		},
	},
	{
		ID: "coregroup.communication", Title: "Effective communication between agencies and with the family", Area: AreaCoreGroup, Since: v010,
		Doc: "The Core Group should keep effective communication between all services and agencies involved and with the child and parents or carers. Whether communication is effective is a judgement; the library checks what the record can show: that each meeting's note or decisions were shared with all members (decisions_shared_with_members) and with the child and family (decisions_shared_with_family). Unrecorded is unknown.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.137", "effective communication between services and with the family")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.137", "carried into the 2023 update")}},
		},
	},
	{
		ID: "coregroup.contingency-activated", Title: "Contingency plans activated when progress is not made", Area: AreaCoreGroup, Since: v010,
		Doc: "The Core Group should activate contingency plans promptly when progress is not made or circumstances deteriorate (an improvement does not call for them). The library checks that each meeting recording no progress or circumstances that deteriorated is followed by a recorded activation; whether it was prompt enough is for the Core Group and Chair to judge. Highland's procedures word it \"or circumstances change\": that wording is local, not the national text.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.137", "activate contingency plans promptly when progress is not made or circumstances deteriorate")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.137", "carried into the 2023 update: when progress is not made or circumstances deteriorate")}},
		},
	},
	{
		ID: "coregroup.escalation", Title: "Response to escalating concerns", Area: AreaCoreGroup, Since: v010,
		Doc: "The Core Group should be alert to escalating concerns, triggering an immediate response, additional support and/or a review CPPM as appropriate. The library checks that each recorded escalation has a recorded response; whether the response was enough is for a person to judge.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.137", "alert to escalating concerns")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.137", "carried into the 2023 update")}},
		},
	},
	{
		ID: "coregroup.full-plan-at-first-meeting", Title: "Full plan formulated with the family at the first Core Group", Area: AreaCoreGroup, Since: v010,
		Doc: "The full Child Protection Plan is formulated with the family at the first Core Group after the CPPM; until then an early plan may be provisional. The library checks that the first meeting records the full plan as formulated and a parent, carer or the child as present.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.153", "decisions that shape the initial plan, to be developed at the first Core Group meeting"),
				g21("3.166", "an early plan may be provisional until a fuller assessment")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.153", "carried into the 2023 update: the plan is developed at the first Core Group meeting")}},
		},
	},
}
