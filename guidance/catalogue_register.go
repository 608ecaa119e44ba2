package guidance

// registerRules are the rules checked by package register: RULES.md section
// 6, the Child Protection Register. The 2023 provisions cite the 2021
// paragraphs as carried into the 2023 update (paragraph numbers may have
// moved). Figures and procedures found only in local procedures or in the
// national statistics' definitions cite LOCAL: they are labelled defaults.
var registerRules = []Rule{
	{
		ID: "register.access", Title: "Register access and enquiries follow the access policy", Area: AreaRegister, Since: v010,
		Doc: "The register is kept securely with appropriate 24-hour access for child protection purposes; who may enquire, and when, follows local criteria. " +
			"Package register checks an access policy (default: the authority's social work register keepers write; police, health and social work practitioners enquire) on every call; a refusal is a Refused error and is itself recorded on the register.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("1.93", "securely kept, 24-hour access for child protection purposes"), g21("1.94", "enquiries follow local criteria")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("1.93", "carried into the 2023 update"), g21("1.94", "carried into the 2023 update")}},
		},
	},
	{
		ID: "register.concerns", Title: "Areas of concern recorded at registration", Area: AreaRegister, Since: v010,
		Doc: "No category of abuse is required at registration; the areas of concern identified are recorded. " +
			"Package register requires at least one area of concern, each from a versioned code list (default: the national statistics' current list), and stores the list's version with the registration.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("1.88", "no category required; the local authority should record the areas of concern")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("1.88", "carried into the 2023 update")}},
		},
	},
	{
		ID: "register.deregistration", Title: "De-registration only by a quorate review CPPM", Area: AreaRegister, Since: v010,
		Doc: "Only a quorate review CPPM, with the agencies, the child and the family represented, may de-register a child because the risk of significant harm has reduced so that no plan is needed. Inquorate and transfer CPPMs cannot de-register. " +
			"Package register refuses any other de-registration for that reason with a Refused error citing this rule, and records the refusal.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("1.91", "de-registration decided by a review CPPM at which the agencies, the child and family are represented"), g21("3.158", "an inquorate CPPM cannot remove a Child Protection Plan")},
				Unconfirmed: unreadDeregistration},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("1.91", "carried into the 2023 update"), g21("3.158", "carried into the 2023 update")},
				Unconfirmed: unreadDeregistration},
		},
	},
	{
		ID: "register.deregistration-told", Title: "Child and family told of de-registration", Area: AreaRegister, Since: v010,
		Doc: "When a child is de-registered the child and family must be told. " +
			"Package register records that they were told; its Check reports Missing for a de-registration by a review CPPM with no such record.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("1.91", "when a child's name is removed, the child and family must be informed")},
				Unconfirmed: unreadDeregistration},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("1.91", "carried into the 2023 update")},
				Unconfirmed: unreadDeregistration},
		},
	},
	{
		ID: "register.end-reason", Title: "Every ending of a registration has its own reason", Area: AreaRegister, Since: v010,
		Doc: "Besides de-registration by a review CPPM, a registration ends for a recorded reason: the child died, reached adulthood, left the jurisdiction, or was transferred to another authority; a temporary registration ends when the temporary move ends. De-registration need not reduce services. " +
			"Package register requires one of these reasons on every ending and refuses an ending with none.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("1.92", "de-registration need not mean services are withdrawn"), csws("reasons for de-registration as the national return counts them")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("1.92", "carried into the 2023 update"), csws("reasons for de-registration as the national return counts them")}},
		},
	},
	{
		ID: "register.episode-length", Title: "Episode length measured from the latest registration", Area: AreaRegister, Since: v010,
		Doc: "For statistics, the length of a registration is measured from the latest registration, never from a review meeting; re-registration is counted within a window (12, 18 or 24 months) that the user chooses. " +
			"Package register computes lengths from the registration event of each episode and takes the window as a parameter.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{csws("time on the register runs from the most recent registration; review conferences are not registrations")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{csws("time on the register runs from the most recent registration; review conferences are not registrations")}},
		},
	},
	{
		ID: "register.history", Title: "The register's history is never lost or rewritten", Area: AreaRegister, Since: v010,
		Doc: "The register is accurate at all times; its history (who registered, de-registered and enquired, and when) is a record that must not be lost or rewritten. " +
			"Package register stores every change and every enquiry as an append-only event with optimistic versioning; nothing is updated in place or deleted, and a correction is a new event.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("1.93", "register accurate and securely kept")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("1.93", "carried into the 2023 update")}},
		},
	},
	{
		ID: "register.keep", Title: "Each local authority keeps a central register", Area: AreaRegister, Since: v010,
		Doc: "Every local authority keeps a central register of the children, unborn babies included, who are subject to an inter-agency Child Protection Plan. It is an administrative alert system, not a legal status. " +
			"Package register keeps registrations per authority, accepts unborn babies and links them to the child after birth.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("1.87", "central register, unborn babies included; not a legal status")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("1.87", "carried into the 2023 update")}},
		},
	},
	{
		ID: "register.parents-informed", Title: "Parents or carers told of the registration, verbally and in writing", Area: AreaRegister, Since: v010,
		Doc: "Parents or carers are told, verbally and in writing, what information is held on the register and who can see it. " +
			"Package register records each telling; its Check reports Missing for a registration without both a verbal and a written record.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("1.88", "the local authority should inform parents or carers verbally and in writing")}},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("1.88", "carried into the 2023 update")}},
		},
	},
	{
		ID: "register.registration", Title: "Registration follows a CPPM decision that a plan is required", Area: AreaRegister, Since: v010,
		Doc: "A child's name is added to the register when a CPPM decides that a Child Protection Plan is required. " +
			"Package register refuses a registration without an initial or pre-birth CPPM (a transfer CPPM for a move) that decided a plan is required, and refuses a second open registration in the same authority.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Must, Citations: []Citation{g21("1.88", "registered when a CPPM decides a plan is required"),
				g21("3.133, 3.138", "where a Child Protection Plan is required, the child's name must be added to the register")}},
			{Edition: Edition2023, Strength: Must, Citations: []Citation{g21("1.88", "carried into the 2023 update"),
				g21("3.133, 3.138", "carried into the 2023 update")}},
		},
	},
	{
		ID: "register.temporary", Title: "Temporary registration by the receiving authority", Area: AreaRegister, Since: v010,
		Doc: "When a registered child moves temporarily to another authority, the receiving authority registers the child temporarily and immediately; the originating authority keeps its registration and shares relevant records. " +
			"Package register records a temporary registration without a CPPM, only while another authority's registration is open.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("Part 1, children on the register who move", "the receiving authority places the child's name on its register immediately")},
				Unconfirmed: unreadMoves},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("Part 1, children on the register who move", "carried into the 2023 update")},
				Unconfirmed: unreadMoves},
		},
	},
	{
		ID: "register.transfer", Title: "Transfer on a permanent move", Area: AreaRegister, Since: v010,
		Doc: "When a registered child moves permanently and the risk continues, the receiving authority holds a transfer CPPM which registers the child; the originating authority's registration ends with reason \"transferred\". Statistics count a de-registration by the originating and a registration by the receiving authority. " +
			"Package register records both in one atomic append.",
		Provisions: []Provision{
			{Edition: Edition2021, Strength: Should, Citations: []Citation{g21("3.146-3.150", "a transfer CPPM in the receiving authority; only a review CPPM de-registers"), csws("a transfer conference de-registers the child in the originating authority and registers them in the receiving one")},
				Unconfirmed: unreadTransfer},
			{Edition: Edition2023, Strength: Should, Citations: []Citation{g21("3.146-3.150", "carried into the 2023 update"), csws("a transfer conference de-registers the child in the originating authority and registers them in the receiving one")},
				Unconfirmed: unreadTransfer23},
		},
	},
}
