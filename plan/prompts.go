package plan

import (
	"strconv"
	"strings"

	"github.com/cpguide/cpguide/guidance"
)

// A Prompt is one of the seventeen prompts to reflection on assessment and
// planning of the national guidance (see [PromptsCitation]). Prompts are
// questions for practitioners, not requirements: an unanswered prompt is
// never a breach and never appears in a [guidance.Report].
type Prompt struct {
	ID   string `json:"id"`
	Text string `json:"text"` // a short paraphrase of the question
}

// prompts paraphrase the seventeen questions of the national box in its
// order. IDs are stable: prompt.16 and prompt.17 were added when the box was
// read in the national text, where Highland's copy (the commissioning
// extract) had merged each of them into the bullet before it, so they sit
// after prompt.04 and prompt.10 in the national order.
var prompts = [...]Prompt{
	{"prompt.01", "Are the child's needs, strengths and risks central to the assessment?"},
	{"prompt.02", "Have the child's feelings, thoughts and experience been taken into account, as far as their age and stage allow?"},
	{"prompt.03", "Has the impact of structural factors such as poverty been assessed (My Wider World), and referral for income maximisation support considered?"},
	{"prompt.04", "Can the children and adults involved understand the processes of assessment and reporting?"},
	{"prompt.16", "How is their understanding and participation supported, given their emotional stage, language and culture?"},
	{"prompt.05", "Are the parents' or carers' motivations, views and understanding represented?"},
	{"prompt.06", "Are the expected steps to change set out?"},
	{"prompt.07", "Are barriers to change explored and addressed?"},
	{"prompt.08", "Has safe and effective involvement of the wider family been considered?"},
	{"prompt.09", "Has the child's need, now and later, for relationships with people important to them, including siblings, been considered?"},
	{"prompt.10", "Are resilience factors identified and promoted in the recommended plans?"},
	{"prompt.17", "Have specialist aspects of assessment and support been considered, and integrated where needed?"},
	{"prompt.11", "Have the comparative advantages of the legal options been considered?"},
	{"prompt.12", "For what reasons might formal or compulsory measures be needed?"},
	{"prompt.13", "Is the assessment and planning co-ordinated, as far as appropriate, by a lead professional?"},
	{"prompt.14", "Do the assessment and plan reflect co-operation around the child and family across all relevant child and adult services?"},
	{"prompt.15", "Are contingency plans as clear as they can be at this stage?"},
}

// Prompts returns the seventeen prompts to reflection in the national order.
// The result is a copy.
func Prompts() []Prompt { return append([]Prompt(nil), prompts[:]...) }

// PromptsCitation says where the prompts are stated: the un-numbered box
// "Assessment and planning: prompts to reflection" that closes the CPPM
// section of Part 3 of the 2021 guidance (printed page 122). Highland's 2024
// procedures copy the box with fifteen bullets, two pairs merged.
func PromptsCitation() guidance.Citation {
	return guidance.Citation{Source: guidance.G21, Edition: guidance.Edition2021,
		Paragraph: "Part 3, Assessment and planning: prompts to reflection (p.122)",
		Note:      "seventeen questions for reflection, not requirements"}
}

// promptIndex returns the position of the prompt with ID id in the national
// order, and false for an unknown ID.
func promptIndex(id string) (int, bool) {
	for i, p := range prompts {
		if p.ID == id {
			return i, true
		}
	}
	return 0, false
}

// An Answer records a practitioner's reflection on one prompt. Text and Notes
// may identify people: LogValue leaves them out.
type Answer struct {
	Prompt string `json:"prompt"`
	Answer string `json:"answer"`
	Notes  string `json:"notes,omitempty"`
}

// Reflection is the state of the prompts to reflection for one plan.
type Reflection struct {
	Answered   []Prompt `json:"answered"`
	Unanswered []Prompt `json:"unanswered"`
}

// Reflect reports which prompts have an answer (non-blank text) and which are
// unanswered, in prompt order. Answers to unknown prompt IDs are ignored;
// [Plan.Validate] rejects them. This is a checklist for reflection, not a
// compliance check: nothing here is a breach.
func Reflect(answers []Answer) Reflection {
	var seen [len(prompts)]bool
	for _, a := range answers {
		if i, ok := promptIndex(a.Prompt); ok && strings.TrimSpace(a.Answer) != "" {
			seen[i] = true
		}
	}
	r := Reflection{Answered: []Prompt{}, Unanswered: []Prompt{}}
	for i, p := range prompts {
		if seen[i] {
			r.Answered = append(r.Answered, p)
		} else {
			r.Unanswered = append(r.Unanswered, p)
		}
	}
	return r
}

// String lists the unanswered prompts, one a line.
func (r Reflection) String() string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(len(r.Answered)) + " of " + strconv.Itoa(len(prompts)) + " prompts to reflection answered")
	if len(r.Unanswered) > 0 {
		b.WriteString("; unanswered:")
		for _, p := range r.Unanswered {
			b.WriteString("\n  " + p.ID + " " + p.Text)
		}
	}
	return b.String()
}
