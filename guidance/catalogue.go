package guidance

import (
	"slices"
	"strings"
)

// Shorthands for the catalogue below.
func ad23(note string) Citation {
	return Citation{Source: AD23, Edition: Edition2023, Paragraph: "Appendix D", Note: note}
}
func g21(para, note string) Citation {
	return Citation{Source: G21, Edition: Edition2021, Paragraph: para, Note: note}
}
func g14(note string) Citation {
	return Citation{Source: G14, Edition: Edition2014, Paragraph: "Appendix C", Note: note}
}

// csws cites the definitions of the Children's Social Work Statistics.
func csws(note string) Citation {
	return Citation{Source: CSWS, Paragraph: "background notes", Note: note}
}

// What was not read in the national text, for Provision.Unconfirmed. The
// stored copy of the 2021 guidance (flipbook pages, each read only from its
// top) leaves paragraphs at the foot of a page unread; the councils'
// procedures that copy the national text around them supply the wording.
const (
	unreadPlanText = "G21 3.134-3.136 sit at the foot of printed page 112, which was not read: the wording is the one Highland's (2024), " +
		"North Lanarkshire's and South Lanarkshire's (2023) procedures copy from them, between their verbatim copies of 3.133 and 3.137."
	unreadPlanList         = unreadPlanText + " The copies introduce the list with \"The Plan must\": the national strength was not read."
	unreadPlanText23       = unreadPlanText + " The 2023 update's Part 3 was not read either."
	unreadPlanList23       = unreadPlanList + " The 2023 update's Part 3 was not read either."
	unreadLeadProfessional = "G21 1.84-1.85, at the foot of printed page 19, were not read: the text is known from North Lanarkshire's (2023) " +
		"procedures, which copy and edit 1.83-1.85 (\"lead agency\" for the national \"lead professional\")."
	unreadDeregistration = "G21 1.91, at the foot of printed page 20, was not read: the text (removal decided through a review CPPM at which the relevant agencies, the child " +
		"and family are represented; the child and family must be informed) is Highland's (2024) copy, whose next paragraph is 1.92 verbatim, and the 2014 guidance says the same."
	unreadReferral = "The end of G21 3.133 (what a referral to the Principal Reporter holds) was read only as far as \"A ref\": the reasons, and where possible the plan and " +
		"a full assessment of risk and need, are Highland's (2024) copy of the paragraph, whose earlier sentences are verbatim."
	unreadLeadIntegrate = "G21 1.83 was read as far as \"This should integrate i\" (printed page 19): what the plan integrates (\"information from previous plans by individual agencies\") " +
		"is North Lanarkshire's (2023) copy of the paragraph."
	unreadLeadProfessional23 = unreadLeadProfessional + " The 2023 update's text was not read either."
	unreadQuorum             = "G21 3.156-3.157, at the foot of printed page 117, were not read: the wording (an inquorate CPPM should not ordinarily proceed; " +
		"an interim safety plan produced or reviewed; another CPPM within 10 working days) is Highland's (2024) copy, whose next paragraph is 3.158 verbatim. 3.158 itself was read."
	unreadQuorum23   = unreadQuorum + " The 2023 update's Part 3 was not read either."
	unreadPlanRecord = "The third bullet of G21 3.168 (printed page 121) was not read. Highland's (2024) copy of 3.168, whose first two bullets are verbatim, " +
		"says a copy of the agreed plan within five working days; North Lanarkshire's (2023) says ten working days. With the copies disagreeing, no national figure is applied."
	unreadReview = "G21 3.141, at the foot of printed page 113, was not read: the six months (then six-monthly) are in Highland's (2024) copy, which follows its verbatim copy of 3.138-3.140 " +
		"and points to the pre-birth paragraphs after it; South Lanarkshire's and North Lanarkshire's (2023) procedures give the same six months."
	unreadReview23 = unreadReview + " The 2023 Appendix D review row was read only up to \"Within 3 months of a pre-birth CPPM but the\"."
	unreadTransfer = "The 2021 transfer paragraphs (printed page 115, numbered 3.146-3.150 by their place between 3.145 and 3.151) were not read: " +
		"the text is Highland's (2024) copy (\"a maximum of 21 working days is recommended\"); South Lanarkshire's (2023) says the same maximum."
	unreadTransfer23 = unreadTransfer + " The 2023 update's text was not read either."
	unreadMoves      = "The national paragraph on children on the register who move was not found: the text is South Lanarkshire's (2023) copy " +
		"(\"The receiving local authority should immediately place the child's name on their local register\"); the paragraph number is unknown."
)

// The release that introduced the first rules.
const v010 = "v0.1.0"

// catalogue is every rule the library knows, sorted by ID (a test keeps IDs
// unique). Each area keeps its rules in its own file (catalogue_AREA.go);
// add new rules there, never rename or remove one.
var catalogue = sortedCatalogue(timescaleRules, irdRules, meetingRules, planRules, coregroupRules, registerRules)

// timescaleRules are RULES.md section 1. The amounts, units and anchors are
// data in package timescale; here is what each edition says and how firmly.
var timescaleRules = []Rule{
	{
		ID: "cppm.notice", Title: "Notice of the decision to convene a CPPM", Area: AreaTimescale, Since: v010,
		Doc: "Participants should, where possible, be given at least five days' notice of the decision to convene a Child Protection Planning Meeting.",
		Provisions: []Provision{
			{Edition: Edition2014, Strength: WherePossible, Citations: []Citation{g14("minimum of 5 calendar days' notice whenever possible")}},
			{Edition: Edition2021, Strength: WherePossible, Citations: []Citation{g21("3.131", "five days' notice, no unit stated")},
				Note: "The 2021 text gives no unit; see policy cppm.notice.unit."},
			{Edition: Edition2023, Strength: WherePossible, Citations: []Citation{ad23("5 calendar days, wherever possible")}},
		},
	},
	{
		ID: "cppm.initial", Title: "Initial CPPM", Area: AreaTimescale, Since: v010,
		Doc: "Once a child protection investigation is progressed, the initial CPPM follows within 28 calendar days (2014: initial CPCC within 21 calendar days of the notification of concern), unless the IRD decided none is needed. Exceptions need the accountable senior manager's agreement, an effective interim safety plan and recorded reasons (G21 3.38).",
		Provisions: []Provision{
			{Edition: Edition2014, Strength: Should, Citations: []Citation{g14("initial CPCC no later than 21 calendar days from the notification of concern")}},
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.38", "28 calendar day timescale; exceptions agreed by the accountable senior manager")},
				Note: "The start of the 28 days is not stated; see policy cppm.initial.anchor."},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{ad23("within 28 calendar days if an investigation was progressed, unless the IRD decided a CPPM is not required")},
				Note: "The start of the 28 days is not stated; see policy cppm.initial.anchor."},
		},
	},
	{
		ID: "cppm.pre-birth", Title: "Pre-birth (unborn child) CPPM", Area: AreaTimescale, Since: v010,
		Doc: "A pre-birth CPPM is recommended within 28 calendar days of the concern being raised and always by 28 weeks of gestation; the earlier date governs. 2014: by 28 weeks of pregnancy, or within 21 calendar days of a late notification.",
		Provisions: []Provision{
			{Edition: Edition2014, Strength: Should, Citations: []Citation{g14("no later than 28 weeks of pregnancy; after late notification within 21 calendar days")}},
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.142", "recommended within 28 calendar days of the concern and always within 28 weeks of gestation")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{ad23("within 28 calendar days of the concern being raised; within 28 weeks of gestation")}},
		},
	},
	{
		ID: "cppm.reconvene", Title: "Reconvene an inquorate CPPM", Area: AreaTimescale, Since: v010,
		Doc: "When a CPPM is inquorate the Chair must set a new date within 10 working days of the inquorate meeting.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.157", "another early CPPM set immediately, within 10 working days")},
				Unconfirmed: unreadQuorum},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{ad23("within 10 working days")}},
		},
	},
	{
		ID: "cppm.record", Title: "Record of the CPPM to participants", Area: AreaTimescale, Since: v010,
		Doc: "Participants should receive the record of the CPPM within 10 working days (2014: the minutes within 15 calendar days). The 2021 edition states no national figure.",
		Provisions: []Provision{
			{Edition: Edition2014, Strength: Should, Citations: []Citation{g14("minutes within 15 calendar days of the CPCC")}},
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.165", "the record of the CPPM: who keeps it and what it holds; no national figure for sending it read")},
				Note:        "No national 2021 figure: the last bullet of 3.165 (who receives what, and when) was not read, so there is no national deadline; a profile or a variation can set one.",
				Unconfirmed: "The last bullet of G21 3.165, at the foot of printed page 119, was not read: whether it sets a time for sending the record is unknown."},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{ad23("record of the CPPM within 10 working days")}},
		},
	},
	{
		ID: "plan.record", Title: "Record of the agreed Child Protection Plan to participants", Area: AreaTimescale, Since: v010,
		Doc: "Participants should receive a record of the agreed Child Protection Plan soon after the CPPM. 2014: a copy within 5 calendar days. 2023: no national figure has been found, so there is no national deadline; council procedures set one (Highland 2024: 5 working days; North Lanarkshire 2023: 10 working days; see the profiles).",
		Provisions: []Provision{
			{Edition: Edition2014, Strength: Should, Citations: []Citation{g14("copy of the agreed plan within 5 calendar days of the CPCC")}},
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.168", "participants receive a copy of the agreed Child Protection Plan")},
				Note:        "No national 2021 figure read, so there is no national deadline. The copies disagree: Highland's (2024) gives five working days, North Lanarkshire's (2023) ten working days.",
				Unconfirmed: unreadPlanRecord},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.168", "carried into the 2023 update"), ad23("no row for the plan among the rows read")},
				Note:        "No national 2023 figure found: no national deadline. The 10 working days are North Lanarkshire's (profile north-lanarkshire-2023), the 5 working days Highland's (profile highland-2024).",
				Unconfirmed: unreadPlanRecord},
		},
	},
	{
		ID: "coregroup.first", Title: "First Core Group meeting", Area: AreaTimescale, Since: v010,
		Doc: "The Core Group should meet for the first time soon after the CPPM. 2023: within 15 working days (Appendix D). 2021: within 15 days, no unit. 2014: within 15 calendar days. A council's procedures may set a shorter time (Highland's 2024 procedures: 14 calendar days, in profile highland-2024).",
		Provisions: []Provision{
			{Edition: Edition2014, Strength: Should, Citations: []Citation{g14("initial core group within 15 calendar days of the initial CPCC")}},
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.137", "within 15 days, no unit stated")},
				Note: "No unit; see policy coregroup.first.reading."},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{ad23("within 15 working days")},
				Note: "The national 2023 Part 3 paragraph has not been read; 14 calendar days is Highland's local figure (profile highland-2024)."},
		},
	},
	{
		ID: "coregroup.refer-change", Title: "Core Group refers a significant change in the plan", Area: AreaTimescale, Since: v010,
		Doc: "The Core Group refers the need for a significant change in the Child Protection Plan to the CPPM Chair (2023: the Chair or the lead professional) as urgently as needed and always within 3 calendar days of the change or concern being identified.",
		Provisions: []Provision{
			{Edition: Edition2014, Strength: Should, Citations: []Citation{g14("notify the CPCC chair within 3 calendar days")}},
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.137", "within 3 calendar days")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{ad23("always within 3 calendar days of the change or concern being identified")}},
		},
	},
	{
		ID: "cppm.review", Title: "First review CPPM", Area: AreaTimescale, Since: v010,
		Doc: "The first review CPPM follows the CPPM that registered the child within 6 months (2014: within 3 months), sooner if circumstances change. A pre-birth CPPM has its own review rule, cppm.review-pre-birth.",
		Provisions: []Provision{
			{Edition: Edition2014, Strength: Should, Citations: []Citation{g14("first review CPCC within 3 months of the initial CPCC")}},
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.141", "review CPPMs within six months of the CPPM")},
				Unconfirmed: unreadReview},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.141", "carried into the 2023 update"), ad23("the review row, read only as far as its pre-birth clause")},
				Unconfirmed: unreadReview23},
		},
	},
	{
		ID: "cppm.review-subsequent", Title: "Later review CPPMs", Area: AreaTimescale, Since: v010,
		Doc: "After the first review, review CPPMs take place at least every six months, or sooner if circumstances change.",
		Provisions: []Provision{
			{Edition: Edition2014, Strength: Should, Citations: []Citation{g14("thereafter reviews 6 monthly or earlier if circumstances change")}},
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.141", "thereafter six-monthly, or earlier if circumstances change")},
				Unconfirmed: unreadReview},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.141", "carried into the 2023 update"), ad23("the review row, read only as far as its pre-birth clause")},
				Unconfirmed: unreadReview23},
		},
	},
	{
		ID: "cppm.review-pre-birth", Title: "Review after a pre-birth CPPM", Area: AreaTimescale, Since: v010,
		Doc: "A review may be held within three months of a pre-birth CPPM, with latitude for professional judgement about timing after the birth.",
		Provisions: []Provision{
			{Edition: Edition2014, Strength: Should, Citations: []Citation{g14("first review CPCC within 3 months")}},
			{Edition: Edition2021, Strength: May, Citations: []Citation{g21("3.143", "a review may be held within three months of the previous CPPM")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{ad23("within 3 months of a pre-birth CPPM")}},
		},
	},
	{
		ID: "cppm.transfer", Title: "Transfer CPPM in the receiving authority", Area: AreaTimescale, Since: v010,
		Doc: "When a registered child moves permanently and risk continues, the receiving authority holds a transfer CPPM within its own timescale; at most 21 working days are recommended from notification of the move (2014: at most 21 calendar days).",
		Provisions: []Provision{
			{Edition: Edition2014, Strength: Should, Citations: []Citation{g14("no row for a transfer conference in Appendix C")},
				Unconfirmed: "The 21 calendar days are read only in a council's copy of the earlier national text (South Ayrshire's procedures: within the receiving authority's timescales, at most 21 calendar days); the 2014 paragraph was not read."},
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.146-3.150", "transfer of cases: the receiving authority convenes a transfer CPPM within its timescales, at most 21 working days recommended")},
				Unconfirmed: unreadTransfer},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.146-3.150", "carried into the 2023 update")},
				Unconfirmed: unreadTransfer23},
		},
	},
	{
		ID: "reporter.referral", Title: "Act on a decision to refer to the Principal Reporter", Area: AreaTimescale, Since: v010,
		Doc: "A decision to refer a child to the Principal Reporter should be actioned straight away.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.133", "any decision to refer is actioned straight away")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.133", "carried into the 2023 update")}},
		},
	},
	{
		ID: "birth.pre-discharge", Title: "Pre-discharge meeting for a baby registered before birth", Area: AreaTimescale, Since: v010,
		Doc: "Where a Child Protection Plan is in place before a child's birth, the baby must not be discharged from hospital until a pre-discharge meeting has been held.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.144", "not discharged until a pre-discharge meeting has been held")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.144", "carried into the 2023 update")}},
		},
	},
}

// sortedCatalogue returns the rules of every area in one slice sorted by
// ID. They are sorted through pointers, then copied once: sorting the
// rules themselves moves 104 bytes with pointers at each swap, at every
// process's start.
func sortedCatalogue(areas ...[]Rule) []Rule {
	var byID []*Rule
	for _, area := range areas {
		for i := range area {
			byID = append(byID, &area[i])
		}
	}
	slices.SortFunc(byID, func(a, b *Rule) int { return strings.Compare(a.ID, b.ID) })
	sorted := make([]Rule, len(byID))
	for i, r := range byID {
		sorted[i] = *r
	}
	return sorted
}
