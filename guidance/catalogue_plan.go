package guidance

// planRules are the rules checked by package plan: RULES.md section 4. The
// timescale for the record of the plan (plan.record) is in timescaleRules.
//
// The eight "musts" of the Child Protection Plan, SMART objectives and the
// qualified-social-worker lead professional are stated in the 2023 update
// (S0, S3) and were already in the 2021 guidance, whose wording the S3
// extract keeps ("SMART ... regularly re-evaluated"): they carry 2021 and
// 2023 provisions. The library has not confirmed their 2014 paragraphs, so a
// 2014 plan is not checked against them (never against another edition's
// text).
var planRules = []Rule{
	{
		ID: "plan.collaboration", Title: "Plan developed with the child and family", Area: AreaPlan, Since: v010,
		Doc: "The Child Protection Plan must be developed in collaboration and consultation with the child and their family. The library checks that the plan records how the family and the child were involved (or why the child could not be); whether the collaboration was real is for the CPPM Chair and Core Group to judge.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{s3in21("Child protection plan", "developed in collaboration and consultation with the child and their family")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{
				s0("Child Protection Plan", "developed in collaboration and consultation with the child and their family"),
				s3("Child protection plan", "developed in collaboration and consultation with the child and their family")}},
		},
	},
	{
		ID: "plan.actions-linked-to-risk", Title: "Each action linked to the risk it reduces", Area: AreaPlan, Since: v010,
		Doc: "The plan must link actions to the intended reduction or elimination of risk. The library checks that the plan has actions and that each names a recorded risk it reduces or removes.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{s3in21("Child protection plan", "link actions to the intended reduction or elimination of risk")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{
				s0("Child Protection Plan", "link actions to intended reduction or elimination of risk"),
				s3("Child protection plan", "link actions to intended reduction or elimination of risk")}},
		},
	},
	{
		ID: "plan.outcomes-current", Title: "Plan current, with short-, medium- and long-term outcomes", Area: AreaPlan, Since: v010,
		Doc: "The plan must be current and consider the child's short-, medium- and long-term outcomes. The library checks that an outcome is recorded for each term and, given the date of the check, that no action is past its timescale without being done.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{s3in21("Child protection plan", "current; short, medium and long-term outcomes")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{
				s0("Child Protection Plan", "be current; short-, medium- and long-term outcomes"),
				s3("Child protection plan", "be current; short, medium and long-term outcomes")}},
		},
	},
	{
		ID: "plan.action-responsibility", Title: "Who is responsible for each action", Area: AreaPlan, Since: v010,
		Doc: "The plan must clearly state who is responsible for each action. The library checks that each action names a responsible person and their agency.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{s3in21("Child protection plan", "state who is responsible for each action")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{
				s0("Child Protection Plan", "clearly state who is responsible for each action"),
				s3("Child protection plan", "clearly state who is responsible for each action")}},
		},
	},
	{
		ID: "plan.lead-professional", Title: "Named lead professional", Area: AreaPlan, Since: v010,
		Doc: "The plan must include a named lead professional. The library checks that a lead professional is named with their agency.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{s3in21("Child protection plan", "a named lead professional")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{
				s0("Child Protection Plan", "include a named lead professional"),
				s3("Child protection plan", "include a named lead professional")}},
		},
	},
	{
		ID: "plan.lead-professional-social-worker", Title: "Lead professional is a qualified social worker", Area: AreaPlan, Since: v010,
		Doc: "In child protection cases the lead professional role is taken by a qualified social worker. The library checks the recorded qualification; if it is not recorded the finding is unknown.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{s3in21("Lead professional", "in child protection cases a qualified social worker is the lead professional")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{
				s3("Lead agency and lead professional", "in child protection cases the lead professional is a qualified social worker")}},
		},
	},
	{
		ID: "plan.core-group-named", Title: "Named key contributors (the Core Group)", Area: AreaPlan, Since: v010,
		Doc: "The plan must include the named key contributors, the Core Group. The library checks that the plan names at least one Core Group member and each member's agency.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{s3in21("Child protection plan", "named key contributors (the Core Group)")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{
				s0("Child Protection Plan", "include named key contributors (the Core Group)"),
				s3("Child protection plan", "include named key contributors (the Core Group)")}},
		},
	},
	{
		ID: "plan.contingencies", Title: "Detailed contingencies", Area: AreaPlan, Since: v010,
		Doc: "The plan must include detailed contingencies (S3: for when the plan is not being fully implemented). The library checks that there is at least one contingency and that each records its trigger and the response; whether they are specific enough is for the Core Group to judge.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{s3in21("Child protection plan", "detailed contingencies if the plan is not being fully implemented")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{
				s0("Child Protection Plan", "include detailed contingencies"),
				s3("Child protection plan", "detailed contingencies if the plan is not being fully implemented")}},
		},
	},
	{
		ID: "plan.child-involvement", Title: "Child's involvement and views", Area: AreaPlan, Since: v010,
		Doc: "The plan must consider how the child can be sensitively and directly involved and/or their views represented. The library checks that the plan records how the child was involved or their views, or why neither was possible.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{s3in21("Child protection plan", "how the child is sensitively involved and/or their views represented")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{
				s0("Child Protection Plan", "consider the sensitive direct involvement of children and/or their views"),
				s3("Child protection plan", "consider how children can be involved and/or their views represented")}},
		},
	},
	{
		ID: "plan.objectives-smarter", Title: "Objectives SMARTER", Area: AreaPlan, Since: v010,
		Doc: "The plan's objectives should be specific, measurable, attainable, relevant and timebound, evaluated and re-evaluated (S0: SMARTER, recommended; S3: SMART and regularly re-evaluated). The library checks that each objective records what it is, what is measured, the risk or outcome it serves, the date it is to be achieved by, and its evaluation and re-evaluation dates; whether it is attainable and the measure meaningful is for the Core Group to judge. Under the 2021 edition (SMART and regularly re-evaluated) the first evaluation date is not demanded, only the re-evaluation date.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{s3in21("Child protection plan", "objectives SMART and regularly re-evaluated (not SMARTER)")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{
				s0("Child Protection Plan", "objectives SMARTER, recommended to avoid drift"),
				s3("Plan's objectives and outcomes", "objectives SMART and regularly re-evaluated")}},
		},
	},
	{
		ID: "plan.proportionate-interventions", Title: "Interventions proportionate and linked to intended outcomes", Area: AreaPlan, Since: v010,
		Doc: "Interventions should be proportionate and linked to intended outcomes in ways understood by all involved, especially children and parents. The library checks that each action records its intended outcome; whether it is proportionate and understood is for the Core Group to judge.",
		Provisions: []Provision{
			{Edition: Edition2023, Strength: Should, Citations: []Citation{
				s0("Child Protection Plan", "interventions proportionate and linked to intended outcomes"),
				s3("Plan's objectives and outcomes", "interventions proportionate and linked to intended outcomes")}},
		},
	},
	{
		ID: "plan.risks-considered", Title: "Immediate, short-term and longer-term risks considered", Area: AreaPlan, Since: v010,
		Doc: "Consideration should be given to immediate and short-term risks as well as longer-term risks. The library checks that risks are recorded, each with its horizon; whether every horizon was considered is for the CPPM to judge.",
		Provisions: []Provision{
			{Edition: Edition2023, Strength: Should, Citations: []Citation{
				s0("Child Protection Plan", "immediate, short-term and longer-term risks")}},
		},
	},
	{
		ID: "plan.in-place", Title: "Plan in place while there is risk of significant harm", Area: AreaPlan, Since: v010,
		Doc: "Where a child is believed to be at risk of significant harm, a Child Protection Plan should be in place while that risk remains. The library checks that a plan recorded as ended records the CPPM that decided the child is no longer at risk of significant harm; whether the risk has passed is for that CPPM to judge.",
		Provisions: []Provision{
			{Edition: Edition2023, Strength: Should, Citations: []Citation{
				s3("Lead agency and lead professional", "a Child Protection Plan in place while there is risk of significant harm")}},
		},
	},
	{
		ID: "plan.pre-birth-birth-notifier", Title: "Pre-birth plan names who notifies the birth", Area: AreaPlan, Since: v010,
		Doc: "A plan made before a child's birth names who will notify the agencies of the birth. The library checks that a pre-birth plan names the person and their agency.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.142", "the plan must stipulate who notifies the birth and the steps then")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.142", "carried into the 2023 update")}},
		},
	},
	{
		ID: "plan.single-plan", Title: "One plan: the child's plan incorporates the Child Protection Plan", Area: AreaPlan, Since: v010,
		Doc: "One plan, one meeting structure: the child's plan should incorporate the Child Protection Plan rather than run beside it. The library checks the recorded answer to whether the child's plan incorporates the Child Protection Plan (incorporated_in_childs_plan); unrecorded is unknown.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.139-3.140", "one plan and one meeting structure: the child's plan incorporates the Child Protection Plan")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.139-3.140", "carried into the 2023 update")}},
		},
	},
	{
		ID: "plan.provisional", Title: "Provisional plan replaced by the full plan at the first Core Group", Area: AreaPlan, Since: v010,
		Doc: "An early plan may be provisional until a fuller assessment; the full plan is formulated with the family at the first Core Group after the CPPM. The library checks a plan still marked provisional against the date of the first Core Group (first_core_group, held or planned): still provisional after that date, or in a version dated after it, is missing; provisional before it is met; without the dates the finding is unknown.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.166", "an early plan may be provisional until a fuller assessment"),
				s3in21("Child protection plan", "the full plan is formulated with the family at the initial Core Group")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.166", "carried into the 2023 update"),
				s3("Child protection plan", "full plan formulated in conjunction with the family at the initial core group")}},
		},
	},
	{
		ID: "isp.contents", Title: "Contents of the Interim Safety Plan", Area: AreaPlan, Since: v010,
		Doc: "From the IRD until the CPPM an Interim Safety Plan is in force. It sets out what each participant does, how the child will be seen and heard and whom they can contact, the needs and harm it addresses, and any high-risk contexts and how they are managed, in plain language. The library checks each element is recorded; whether the language is plain is for a person to judge.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.110", "interim safety plan from the IRD: most elements must be defined and recorded; plain language should")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.110", "carried into the 2023 update")}},
		},
	},
}

// s3in21 cites the S3 extract for the 2021 edition: North Lanarkshire's
// local procedure, which keeps the 2021 wording of the plan "musts", SMART
// objectives and the lead professional. It is local text standing in for a
// national 2021 paragraph not yet read (issue "The guidance as it really
// is").
func s3in21(para, note string) Citation {
	c := s3(para, note)
	c.Edition = Edition2021
	return c
}
