package plan

import (
	"strconv"
	"strings"
)

// A Prompt is one of the fifteen prompts to reflection on assessment and
// planning (S0). Prompts are questions for practitioners, not requirements:
// an unanswered prompt is never a breach and never appears in a
// [guidance.Report].
type Prompt struct {
	ID   string `json:"id"`
	Text string `json:"text"` // a short paraphrase of the question
}

// prompts paraphrase the fifteen questions of S0 in their order. IDs are
// stable.
var prompts = [...]Prompt{
	{"prompt.01", "Are the child's needs, strengths and risks central to the assessment?"},
	{"prompt.02", "Have the child's feelings, thoughts and experience been taken into account, as far as their age and stage allow?"},
	{"prompt.03", "Has the impact of structural factors such as poverty been assessed (My Wider World), and referral for income maximisation support considered?"},
	{"prompt.04", "Can the children and adults involved understand the assessment and reporting, and how is their participation supported given their emotional stage, language and culture?"},
	{"prompt.05", "Are the parents' or carers' motivations, views and understanding represented?"},
	{"prompt.06", "Are the expected steps to change set out?"},
	{"prompt.07", "Are barriers to change explored and addressed?"},
	{"prompt.08", "Has safe and effective involvement of the wider family been considered?"},
	{"prompt.09", "Has the child's need, now and later, for relationships with people important to them, including siblings, been considered?"},
	{"prompt.10", "Are resilience factors identified and promoted in the plan, and specialist assessment and support considered and integrated where needed?"},
	{"prompt.11", "Have the comparative advantages of the legal options been considered?"},
	{"prompt.12", "For what reasons might formal or compulsory measures be needed?"},
	{"prompt.13", "Is the assessment and planning co-ordinated, as far as appropriate, by a lead professional?"},
	{"prompt.14", "Do the assessment and plan reflect co-operation around the child and family across all relevant child and adult services?"},
	{"prompt.15", "Are contingency plans as clear as they can be at this stage?"},
}

// Prompts returns the fifteen prompts to reflection in order. The result is
// a copy.
func Prompts() []Prompt { return append([]Prompt(nil), prompts[:]...) }

func promptIndex(id string) (int, bool) {
	var n int
	if len(id) != len("prompt.01") || !strings.HasPrefix(id, "prompt.") {
		return 0, false
	}
	for _, c := range id[len("prompt."):] {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if n < 1 || n > len(prompts) {
		return 0, false
	}
	return n - 1, true
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
