package guidance

// planRules are the rules checked by package plan: RULES.md section 4. The
// timescale for the record of the plan (plan.record) is in timescaleRules.
//
// The eight "musts" of the Child Protection Plan, SMART objectives,
// proportionate interventions and the risks considered are G21 3.134-3.136;
// the qualified-social-worker lead professional and the plan in place while
// the risk lasts are G21 1.84-1.85. Those paragraphs were not read in the
// national document (see Provision.Unconfirmed): their wording is the one
// the councils' procedures copy from them. The library has not confirmed
// their 2014 paragraphs, so a 2014 plan is not checked against them (never
// against another edition's text).
var planRules = []Rule{
	{
		ID: "plan.collaboration", Title: "Plan developed with the child and family", Area: AreaPlan, Since: v010,
		Doc: "The Child Protection Plan must be developed in collaboration and consultation with the child and their family. The library checks that the plan records how the family and the child were involved (or why the child could not be); whether the collaboration was real is for the CPPM Chair and Core Group to judge.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.134-3.136", "developed in collaboration and consultation with the child and their family")},
				Unconfirmed: unreadPlanList},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.134-3.136", "carried into the 2023 update")},
				Unconfirmed: unreadPlanList23},
		},
	},
	{
		ID: "plan.actions-linked-to-risk", Title: "Each action linked to the risk it reduces", Area: AreaPlan, Since: v010,
		Doc: "The plan must link actions to the intended reduction or elimination of risk. The library checks that the plan has actions and that each names a recorded risk it reduces or removes.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.134-3.136", "actions linked to the intended reduction or elimination of risk")},
				Unconfirmed: unreadPlanList},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.134-3.136", "carried into the 2023 update")},
				Unconfirmed: unreadPlanList23},
		},
	},
	{
		ID: "plan.outcomes-current", Title: "Plan current, with short-, medium- and long-term outcomes", Area: AreaPlan, Since: v010,
		Doc: "The plan must be current and consider the child's short-, medium- and long-term outcomes. The library checks that an outcome is recorded for each term and, given the date of the check, that no action is past its timescale without being done.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.134-3.136", "current; the child's short-, medium- and long-term outcomes")},
				Unconfirmed: unreadPlanList},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.134-3.136", "carried into the 2023 update")},
				Unconfirmed: unreadPlanList23},
		},
	},
	{
		ID: "plan.action-responsibility", Title: "Who is responsible for each action", Area: AreaPlan, Since: v010,
		Doc: "The plan must clearly state who is responsible for each action. The library checks that each action names a responsible person and their agency.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.134-3.136", "who is responsible for each action")},
				Unconfirmed: unreadPlanList},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.134-3.136", "carried into the 2023 update")},
				Unconfirmed: unreadPlanList23},
		},
	},
	{
		ID: "plan.lead-professional", Title: "Named lead professional", Area: AreaPlan, Since: v010,
		Doc: "The plan must include a named lead professional. The library checks that a lead professional is named with their agency.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.134-3.136", "a named lead professional")},
				Unconfirmed: unreadPlanList},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.134-3.136", "carried into the 2023 update")},
				Unconfirmed: unreadPlanList23},
		},
	},
	{
		ID: "plan.lead-professional-childs-plan", Title: "Lead professional responsible for the multi-agency child's plan", Area: AreaPlan, Since: v010,
		Doc: "A lead professional is responsible for ensuring that an agreed multi-agency child's plan is produced and reviewed, and the plan integrates what the single agencies' plans hold. " +
			"The library checks that the plan records the lead professional as responsible for producing and reviewing the child's plan (lead_professional.responsible_for_childs_plan) " +
			"and that the single-agency plans are integrated into it (single_agency_plans_integrated); unrecorded is unknown. Naming the lead professional is rule plan.lead-professional.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("1.83", "a lead professional will be responsible for ensuring the production and review of an agreed multi-agency child's plan; it should integrate the single agencies' plans")},
				Unconfirmed: unreadLeadIntegrate},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("1.83", "carried into the 2023 update")},
				Unconfirmed: unreadLeadIntegrate + " The 2023 update's text was not read either."},
		},
	},
	{
		ID: "plan.lead-professional-social-worker", Title: "Lead professional is a qualified social worker", Area: AreaPlan, Since: v010,
		Doc: "In child protection cases the lead professional role is taken by a qualified social worker. The library checks the recorded qualification; if it is not recorded the finding is unknown.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("1.84-1.85", "in child protection cases a qualified social worker takes the lead professional role")},
				Unconfirmed: unreadLeadProfessional},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("1.84-1.85", "carried into the 2023 update")},
				Unconfirmed: unreadLeadProfessional23},
		},
	},
	{
		ID: "plan.core-group-named", Title: "Named key contributors (the Core Group)", Area: AreaPlan, Since: v010,
		Doc: "The plan must include the named key contributors, the Core Group. The library checks that the plan names at least one Core Group member and each member's agency.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.134-3.136", "named key contributors (the Core Group)")},
				Unconfirmed: unreadPlanList},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.134-3.136", "carried into the 2023 update")},
				Unconfirmed: unreadPlanList23},
		},
	},
	{
		ID: "plan.contingencies", Title: "Detailed contingencies", Area: AreaPlan, Since: v010,
		Doc: "The plan must include detailed contingencies for when the plan is not being fully implemented. The library checks that there is at least one contingency and that each records its trigger and the response; whether they are specific enough is for the Core Group to judge.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.134-3.136", "detailed contingencies if the plan is not being fully implemented")},
				Unconfirmed: unreadPlanList},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.134-3.136", "carried into the 2023 update")},
				Unconfirmed: unreadPlanList23},
		},
	},
	{
		ID: "plan.child-involvement", Title: "Child's involvement and views", Area: AreaPlan, Since: v010,
		Doc: "The plan must consider how the child can be sensitively and directly involved and/or their views represented. The library checks that the plan records how the child was involved or their views, or why neither was possible.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("3.134-3.136", "how the child can sensitively be involved and/or their views represented")},
				Unconfirmed: unreadPlanList},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("3.134-3.136", "carried into the 2023 update")},
				Unconfirmed: unreadPlanList23},
		},
	},
	{
		ID: "plan.objectives-smarter", Title: "Objectives SMARTER", Area: AreaPlan, Since: v010,
		Doc: "The plan's objectives should be specific, measurable, attainable, relevant and timebound, evaluated and re-evaluated (2021: SMART and regularly re-evaluated, recommended to avoid drift; 2023: SMARTER). The library checks that each objective records what it is, what is measured, the risk or outcome it serves, the date it is to be achieved by, and its evaluation and re-evaluation dates; whether it is attainable and the measure meaningful is for the Core Group to judge. Under the 2021 edition (SMART and regularly re-evaluated) the first evaluation date is not demanded, only the re-evaluation date.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.134-3.136", "objectives SMART and regularly re-evaluated, recommended to avoid drift")},
				Unconfirmed: unreadPlanText},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.134-3.136", "carried into the 2023 update, which says SMARTER")},
				Unconfirmed: unreadPlanText23 + " SMARTER (evaluated and re-evaluated) is read only in Highland's copy of the 2023 text."},
		},
	},
	{
		ID: "plan.proportionate-interventions", Title: "Interventions proportionate and linked to intended outcomes", Area: AreaPlan, Since: v010,
		Doc: "Interventions should be proportionate and linked to intended outcomes in ways understood by all involved, especially children and parents. The library checks that each action records its intended outcome; whether it is proportionate and understood is for the Core Group to judge.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.134-3.136", "interventions proportionate and linked to intended outcomes, understood by all")},
				Unconfirmed: unreadPlanText},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.134-3.136", "carried into the 2023 update")},
				Unconfirmed: unreadPlanText23},
		},
	},
	{
		ID: "plan.risks-considered", Title: "Immediate, short-term and longer-term risks considered", Area: AreaPlan, Since: v010,
		Doc: "Consideration should be given to immediate and short-term risks as well as longer-term risks. The library checks that risks are recorded, each with its horizon; whether every horizon was considered is for the CPPM to judge.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.134-3.136", "immediate and short-term risks as well as longer-term risks considered")},
				Unconfirmed: unreadPlanText},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.134-3.136", "carried into the 2023 update")},
				Unconfirmed: unreadPlanText23},
		},
	},
	{
		ID: "plan.in-place", Title: "Plan in place while there is risk of significant harm", Area: AreaPlan, Since: v010,
		Doc: "Where a child is believed to be at risk of significant harm, a Child Protection Plan should be in place while that risk remains. The library checks that a plan recorded as ended records the CPPM that decided the child is no longer at risk of significant harm; whether the risk has passed is for that CPPM to judge.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("1.85", "a Child Protection Plan in place while there is risk of significant harm")},
				Unconfirmed: unreadLeadProfessional},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("1.85", "carried into the 2023 update")},
				Unconfirmed: unreadLeadProfessional23},
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
				g21("3.153", "the initial plan is developed at the first Core Group meeting")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.166", "carried into the 2023 update"),
				g21("3.153", "carried into the 2023 update")}},
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
