package register

import "github.com/cpguide/cpguide/guidance"

// Check reports, for each registration in the child's state, whether the
// parents or carers were told verbally and in writing (rule
// register.parents-informed) and, for each de-registration by a review
// CPPM, whether the child and family were told (rule
// register.deregistration-told). Subjects name the authority and date,
// never the child.
func Check(s State, e guidance.Edition) []guidance.Finding {
	var out []guidance.Finding
	for _, ep := range s.Episodes {
		subject := "registration in " + ep.Authority + " from " + ep.Start.String()
		if ep.Kind != Temporary {
			st, msg := guidance.Met, "parents or carers told verbally and in writing"
			switch {
			case !ep.ParentsToldVerbally && !ep.ParentsToldInWriting:
				st, msg = guidance.Missing, "record that parents or carers were told of the registration, verbally and in writing"
			case !ep.ParentsToldVerbally:
				st, msg = guidance.Missing, "record that parents or carers were also told verbally"
			case !ep.ParentsToldInWriting:
				st, msg = guidance.Missing, "record that parents or carers were also told in writing"
			}
			f := guidance.NewFinding("register.parents-informed", e, st, msg)
			f.Subject = subject
			out = append(out, f)
		}
		if ep.Reason == RiskReduced {
			st, msg := guidance.Met, "child and family told of the de-registration"
			if !ep.FamilyToldEnded {
				st, msg = guidance.Missing, "record that the child and family were told of the de-registration"
			}
			f := guidance.NewFinding("register.deregistration-told", e, st, msg)
			f.Subject, f.Done = subject, ep.End
			out = append(out, f)
		}
	}
	return out
}
