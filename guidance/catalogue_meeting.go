package guidance

// meetingRules are the rules checked by package meeting: RULES.md section 3,
// the Child Protection Planning Meeting. The meeting timescales (cppm.notice,
// cppm.initial, cppm.pre-birth, cppm.reconvene, cppm.record, plan.record,
// reporter.referral) are in timescaleRules; package meeting checks them too.
//
// Where a requirement is found only in the 2021 text, the 2023 provision cites
// the 2021 paragraph as carried into the 2023 update (paragraph numbers may
// have moved). The 2014 edition has a provision only where the library's
// sources support one.
var meetingRules = []Rule{
	{
		ID: "cppm.core-agencies", Title: "Core agencies represented at the CPPM", Area: AreaMeeting, Since: v010,
		Doc: "A CPPM includes representatives of the core agencies (social work, health and police) and of the other agencies working with the child and family, education among them. " +
			"The library checks the attendance recorded by agency against the three core agencies and against every agency the meeting lists as involved; no attendance list is Unknown.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.131", "representation from social work, health and police, and other agencies including education")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.131", "carried into the 2023 update")}},
		},
	},
	{
		ID: "cppm.child-family-participation", Title: "Views of the child and family sought and represented when they do not take part", Area: AreaMeeting, Since: v010,
		Doc: "Where the child or a relevant family member cannot take part in the CPPM in person, their views must be sought and represented at the meeting (inviting them is a should: cppm.child-family-invited). " +
			"The library checks that the child and each family member recorded either attended or had their views sought and represented.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.131", "where unable to participate in person, views must be sought and represented")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.131", "carried into the 2023 update: views must be sought and represented")}},
		},
	},
	{
		ID: "cppm.child-family-invited", Title: "Child and relevant family invited and supported to take part", Area: AreaMeeting, Since: v010,
		Doc: "The child and relevant family members should be invited and supported to take part in the CPPM, as appropriate in each situation. " +
			"The library checks that each one recorded as not invited has a recorded reason; whether the reason is good is for the Chair to judge.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.131", "should be invited and supported to participate, as appropriate")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.131", "carried into the 2023 update: should be invited and supported to participate")}},
		},
	},
	{
		ID: "cppm.older-child-non-attendance", Title: "Reasons for an older child's non-attendance recorded", Area: AreaMeeting, Since: v010,
		Doc: "When an older child does not attend, the reasons are recorded. The guidance sets no age: the case system says whether the child counts as older, and the library checks that a reason is recorded.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.163", "reasons for an older child's non-attendance recorded")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.163", "carried into the 2023 update")}},
		},
	},
	{
		ID: "cppm.parent-exclusion", Title: "Exclusion of a parent by the Chair", Area: AreaMeeting, Since: v010,
		Doc: "In exceptional circumstances the Chair may exclude a parent or carer. The reasons are documented, their views are still obtained, and a named person is given a timescale to tell them the outcome. " +
			"The library checks each excluded family member for the reason, views obtained, the named person and the date.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.160", "reasons documented; views obtained; named person and timescale to share the outcome")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.160", "carried into the 2023 update")}},
		},
	},
	{
		ID: "cppm.decision-risk", Title: "Decision on risk of significant harm", Area: AreaMeeting, Since: v010,
		Doc: "The CPPM must decide, and record, whether the child is at risk of significant harm. The library checks that the decision is recorded.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.132-3.133", "decide whether the child is at risk of significant harm")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.132-3.133", "carried into the 2023 update")}},
		},
	},
	{
		ID: "cppm.decision-plan-registration", Title: "Decision on a Child Protection Plan and registration", Area: AreaMeeting, Since: v010,
		Doc: "The CPPM must decide whether a co-ordinated multi-agency Child Protection Plan is required; where it is, the child's name must be added to the register. " +
			"The library checks that both decisions are recorded and agree (a plan means registration and registration means a plan), and that a child found at risk of significant harm is not left without a plan.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.132-3.133", "plan required and registration")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.132-3.133", "carried into the 2023 update")}},
		},
	},
	{
		ID: "cppm.reporter-considered", Title: "Referral to the Principal Reporter considered", Area: AreaMeeting, Since: v010,
		Doc: "Unless a referral has already been made, the CPPM must consider whether a referral to the Principal Reporter is or is not required. The library checks that the outcome is recorded, or that an earlier referral is recorded on the case.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.132-3.133", "consider whether a referral to the Principal Reporter is required")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.132-3.133", "carried into the 2023 update")}},
		},
	},
	{
		ID: "cppm.emergency-measures", Title: "Emergency measures where immediate risk is identified", Area: AreaMeeting, Since: v010,
		Doc: "Where the CPPM identifies an immediate risk of significant harm, action is taken without delay, using emergency measures. The library checks that a meeting recording immediate risk also records the emergency measures taken.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.132-3.133", "immediate risk: action without delay using emergency measures")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.132-3.133", "carried into the 2023 update")}},
		},
	},
	{
		ID: "cppm.interim-safety-plan-reviewed", Title: "Interim Safety Plan reviewed at the CPPM", Area: AreaMeeting, Since: v010,
		Doc: "Agencies work to an Interim Safety Plan from the IRD until the CPPM; the CPPM reviews it and develops the Child Protection Plan. The library checks, for initial and pre-birth meetings, that the review is recorded.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.134", "agencies work to the Interim Safety Plan from the IRD; the CPPM reviews it and develops the Child Protection Plan")},
				Unconfirmed: unreadPlanText},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.134", "carried into the 2023 update")},
				Unconfirmed: unreadPlanText23},
		},
	},
	{
		ID: "cppm.quorum-recorded", Title: "Chair's quorum decision recorded", Area: AreaMeeting, Since: v010,
		Doc: "Whether a CPPM is quorate is the Chair's judgement on who attended from which agency. The library does not judge quorum: it checks that the Chair's decision is recorded with reasons, and that a meeting recorded as quorate has children's social work present.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.156-3.158", "enough agencies for safe decisions; an inquorate CPPM should not ordinarily proceed; the reasons for proceeding noted in the record"),
				g21("3.165", "the record lists who was invited, who attended and who did not")},
				Unconfirmed: unreadQuorum},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.156-3.158", "carried into the 2023 update"), g21("3.165", "carried into the 2023 update")},
				Unconfirmed: unreadQuorum23},
		},
	},
	{
		ID: "cppm.inquorate-interim-plan", Title: "Inquorate CPPM: interim safety plan and a new date", Area: AreaMeeting, Since: v010,
		Doc: "An inquorate CPPM should not ordinarily proceed. The Chair must ensure an interim safety plan is produced or the existing plan reviewed, and set a new date (the timescale is cppm.reconvene). The library checks both are recorded.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.157-3.158", "the Chair ensures an interim safety plan is produced or the existing plan reviewed, and sets an early new date; arrangements to safeguard the child noted in the record")},
				Unconfirmed: unreadQuorum},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.157-3.158", "carried into the 2023 update"), ad23("reconvene within 10 working days")},
				Unconfirmed: unreadQuorum23},
		},
	},
	{
		ID: "cppm.inquorate-proceeded", Title: "Inquorate CPPM proceeding exceptionally", Area: AreaMeeting, Since: v010,
		Doc: "The Chair may exceptionally proceed while inquorate (no relevant contact with all agencies, as often before birth, or delay would harm the child). The reasons are recorded and an early review is arranged immediately. The library checks both.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.158", "exceptionally the Chair may proceed; an early review CPPM arranged immediately")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.158", "carried into the 2023 update")}},
		},
	},
	{
		ID: "cppm.inquorate-not-twice", Title: "No two inquorate CPPMs in a row", Area: AreaMeeting, Since: v010,
		Doc: "Two inquorate CPPMs must not be held in a row. The library compares the meeting with the latest earlier meeting of the case given in Options.Previous.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.158", "two consecutive inquorate CPPMs must not be held")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.158", "carried into the 2023 update")}},
		},
	},
	{
		ID: "cppm.inquorate-cannot-end-plan", Title: "An inquorate CPPM cannot end a plan", Area: AreaMeeting, Since: v010,
		Doc: "An inquorate CPPM cannot end a Child Protection Plan or remove the child from the register. The library checks that an inquorate meeting records neither.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.158", "an inquorate CPPM cannot end a Child Protection Plan")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.158", "carried into the 2023 update")}},
		},
	},
	{
		ID: "cppm.transfer-cannot-end-plan", Title: "A transfer CPPM cannot end a plan", Area: AreaMeeting, Since: v010,
		Doc: "Only a quorate review CPPM can end a plan and de-register; a transfer CPPM cannot. The library checks that a transfer meeting records neither.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("1.91", "de-registration is decided by a review CPPM")},
				Unconfirmed: unreadDeregistration},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("1.91", "carried into the 2023 update")},
				Unconfirmed: unreadDeregistration},
		},
	},
	{
		ID: "cppm.reporter-observer", Title: "The Children's Reporter attends only as an observer", Area: AreaMeeting, Since: v010,
		Doc: "The Children's Reporter may attend a CPPM as an observer and takes no part in its decisions. The library checks that a Reporter who attended was neither counted towards quorum nor took part in decisions.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.154", "observer only, no part in decision-making")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.154", "carried into the 2023 update")}},
		},
	},
	{
		ID: "cppm.note-taker-not-chair", Title: "The note-taker is not the Chair", Area: AreaMeeting, Since: v010,
		Doc: "The person taking the record of the CPPM should not be the Chair. The library compares the two recorded names (never showing them).",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.165", "the person taking the record should not be the meeting Chair")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.165", "carried into the 2023 update")}},
		},
	},
	{
		ID: "cppm.record-contents", Title: "Essential contents of the CPPM record", Area: AreaMeeting, Since: v010,
		Doc: "The record holds who was invited, who attended and who did not, reasons for family non-attendance, reports received, risks and protective factors, the child's and parents' views, decisions with reasons and dissent, and, where there is a plan, its outline with contingencies, the lead professional and the Core Group. " +
			"The library checks the list of contents the case system says the record holds.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.165", "essential contents of the record")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.165", "carried into the 2023 update")}},
		},
	},
	{
		ID: "cppm.reports-shared", Title: "Reports for the CPPM shared and accessible", Area: AreaMeeting, Since: v010,
		Doc: "Reports for a CPPM are shared with everyone involved, especially the child and family, in line with data protection law, and presented so that all can understand them. The library checks each report received is recorded as shared with the family and accessible.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("1.84-1.85", "reports for a CPPM shared with everyone involved, especially the child and family, and accessible to all")},
				Unconfirmed: unreadLeadProfessional},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("1.84-1.85", "carried into the 2023 update")},
				Unconfirmed: unreadLeadProfessional23},
		},
	},
	{
		ID: "cppm.pre-birth-birth-notifier", Title: "Pre-birth registration names who notifies the birth", Area: AreaMeeting, Since: v010,
		Doc: "A pre-birth CPPM may register an unborn baby; if it does, the plan must say who notifies the birth and what then happens (for example a referral to the Principal Reporter, which can only be made at birth). The library checks both are recorded.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.142", "who notifies the birth and what happens then")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.142", "carried into the 2023 update")}},
		},
	},
	{
		ID: "reporter.referral-contents", Title: "Contents of a referral to the Principal Reporter", Area: AreaMeeting, Since: v010,
		Doc: "A referral to the Principal Reporter includes relevant, proportionate information with the reasons for the referral and, where possible, the child's plan and a full assessment of risk and need. The library checks a referral sent records its reasons, and notes a missing plan or assessment.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.133", "a referral gives its reasons and, where possible, the plan and a full assessment of risk and need")},
				Unconfirmed: unreadReferral},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.133", "carried into the 2023 update")},
				Unconfirmed: unreadReferral},
		},
	},
}
