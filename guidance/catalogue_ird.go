package guidance

// irdRules are the rules of the inter-agency referral discussion, checked by
// package ird. The 2021 guidance's IRD section is paragraphs 3.15-3.47
// (with the trigger in 3.4 and information sharing in 1.129). The 2023
// update renumbered Part 3 and its IRD paragraphs were not read, so each
// 2023 provision cites the 2021 paragraph as carried into the update and
// says so (Unconfirmed), with Appendix D's row where it has one. The 2014
// IRD section was not read: the rules have no 2014 provision.
var irdRules = []Rule{
	{
		ID: "ird.required", Title: "An IRD for every concern of significant harm", Area: AreaIRD, Since: v010,
		Doc: "Every concern which may indicate a risk of significant harm leads to an inter-agency referral discussion. " +
			"The library checks that a case with a child protection concern records an IRD (its date, or the date of an out-of-hours discussion).",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.4", "all concerns which may indicate risk of significant harm must lead to an IRD")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.4", "carried into the 2023 update")},
				Unconfirmed: unreadIRD23},
		},
	},
	{
		ID: "ird.prompt", Title: "IRD convened as soon as reasonably practicable", Area: AreaIRD, Since: v010,
		Doc: "Where police, health or social work learn that a child may be at risk of significant harm, an IRD is convened as soon as reasonably practicable. " +
			"The guidance gives no number of days: the library reports how many days passed from the concern to the IRD and leaves the judgement to the agencies.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.15", "an IRD must be convened as soon as reasonably practicable")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{ad23("IRD: as soon as reasonably practical"), g21("3.15", "carried into the 2023 update")},
				Unconfirmed: unreadIRD23},
		},
	},
	{
		ID: "ird.follow-up", Title: "Fuller IRD after an out-of-hours IRD", Area: AreaIRD, Since: v010,
		Doc: "Outwith core hours an inter-agency referral discussion may deal only with immediate protective actions; a more comprehensive IRD continues as soon as practical, normally on the next working day. " +
			"The library times the IRD's held date against the next working day after the out-of-hours discussion.",
		Provisions: []Provision{
			{Edition: Edition2023, Strength: Should, Citations: []Citation{ad23("a more comprehensive IRD normally on the next working day")}},
		},
	},
	{
		ID: "ird.core-agencies", Title: "Police, social work and health take part in the IRD", Area: AreaIRD, Since: v010,
		Doc: "Practitioners from police, social work and health must take part in the IRD; education and early learning and childcare, and other services, as the concern needs. " +
			"The library checks the IRD's agencies include all three core agencies; whether the participants were senior enough to decide for their agencies is for them to judge.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.23", "police, social work and health must participate"), g21("3.31", "all core agencies must participate")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.23", "carried into the 2023 update"), g21("3.31", "carried into the 2023 update")},
				Unconfirmed: unreadIRD23},
		},
	},
	{
		ID: "ird.record", Title: "All aspects of the IRD recorded", Area: AreaIRD, Since: v010,
		Doc: "All aspects of the IRD are recorded: the time and reason for starting it, the professionals taking part, the information shared and the decisions. " +
			"The library checks the record holds the date, the reason, the agencies, whether information was shared, the decision on an investigation (or why none) and the decision on a CPPM.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.19", "all aspects of the IRD must be recorded: time and reason for starting it, professionals attending, information shared ...")},
				Unconfirmed: "G21 3.19's list of what the record must include was read only as far as \"the information shared\": the decisions are added from 3.32 (closure on a recorded decision) and 3.35 (the decisions to consider)."},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.19", "carried into the 2023 update")},
				Unconfirmed: unreadIRD23 + " G21 3.19's list was read only as far as \"the information shared\"."},
		},
	},
	{
		ID: "ird.information-shared", Title: "Information shared without delay, on a recorded lawful basis", Area: AreaIRD, Since: v010,
		Doc: "Where there is a child protection concern, relevant information is shared with police or social work without delay, where necessary, proportionate and lawful, and the lawful basis for sharing it is identified and recorded. " +
			"The library checks the IRD records that information was shared and its lawful basis.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("1.129", "share without delay where necessary, proportionate and lawful; record the lawful basis")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{ad23("share a concern without delay"), g21("1.129", "carried into the 2023 update")}},
		},
	},
	{
		ID: "ird.cppm-decision", Title: "The IRD's decision on a CPPM recorded with reasons", Area: AreaIRD, Since: v010,
		Doc: "The IRD makes a reasoned, recorded decision on whether a Child Protection Planning Meeting is required; where an investigation is progressed a CPPM follows within 28 days unless the IRD decided it is not required. " +
			"The library checks the decision and its reasons are recorded.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.32", "a reasoned and evidenced inter-agency decision made and recorded: a CPPM, or a decision that none is required"), g21("3.35", "the decisions participants must consider")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{ad23("a CPPM within 28 calendar days unless an IRD decision that it is not required"), g21("3.32", "carried into the 2023 update")},
				Unconfirmed: unreadIRD23},
		},
	},
	{
		ID: "ird.cppm-exception", Title: "An exception to the 28 days agreed with an Interim Safety Plan in place", Area: AreaIRD, Since: v010,
		Doc: "An exception to the 28 calendar days to the initial CPPM is agreed by the accountable senior manager of the statutory social work service, who must be satisfied that an Interim Safety Plan is in place, shared and effective up to the CPPM; the reasons are recorded. " +
			"The exception is a variation of cppm.initial (its approver, reasons and new date are required by the variation); the library checks an Interim Safety Plan is recorded with it.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.38", "exceptions agreed by the accountable senior manager, satisfied that an interim safety plan is in place, shared and effective; reasons recorded")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{ad23("variations may be approved if the alternative ensures the child's safety and best interests"), g21("3.38", "carried into the 2023 update")},
				Unconfirmed: unreadIRD23},
		},
	},
	{
		ID: "ird.interim-safety-plan", Title: "An Interim Safety Plan from the IRD", Area: AreaIRD, Since: v010,
		Doc: "Where the IRD decides on an investigation or a CPPM, agencies work to an Interim Safety Plan from the IRD until the CPPM, with a lead professional and Core Group professionals identified to work with it. " +
			"The library checks an Interim Safety Plan is recorded when the IRD decided on an investigation or a CPPM; package plan checks its contents (isp.contents).",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.39", "identify a lead professional and Core Group professionals who will work with the interim safety plan"), g21("3.110", "the interim safety plan is operational immediately, until the CPPM")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.39", "carried into the 2023 update"), g21("3.110", "carried into the 2023 update")},
				Unconfirmed: unreadIRD23},
		},
	},
	{
		ID: "ird.closure", Title: "IRD closed on a recorded, reasoned decision", Area: AreaIRD, Since: v010,
		Doc: "An IRD closes when a reasoned and evidenced inter-agency decision has been made and recorded, up to a CPPM or a decision that none is required. " +
			"The library checks a closed IRD records the decision it closed on, the reasons and who recorded the closure.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.32", "closed when a reasoned and evidenced inter-agency decision has been made and recorded")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.32", "carried into the 2023 update")},
				Unconfirmed: unreadIRD23},
		},
	},
	{
		ID: "ird.lead-professional", Title: "Lead professional named before the IRD closes", Area: AreaIRD, Since: v010,
		Doc: "A lead professional, a qualified social worker, is required within a child protection investigation; the IRD record identifies them before closure. " +
			"The library checks a closed IRD names the lead professional (an open one is reminded to).",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.40", "the IRD record should identify the lead professional before closure")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.40", "carried into the 2023 update")},
				Unconfirmed: unreadIRD23},
		},
	},
}

// unreadIRD23 is what was not read of a 2023 IRD provision.
const unreadIRD23 = "The 2023 update renumbered Part 3, and its IRD paragraphs were not read: the 2021 paragraph is taken as carried into it."
