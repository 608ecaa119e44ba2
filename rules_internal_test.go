package cpguide

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/coregroup"
	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/ird"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/plan"
	"github.com/cpguide/cpguide/register"
)

// checkedRules lists, for each package that exports check values, the
// rules its values are bound to.
func checkedRules() map[string][]string {
	return map[string][]string{
		"meeting":        engine.Rules(meeting.Checks),
		"plan":           engine.Rules(plan.Checks),
		"plan (interim)": engine.Rules(plan.InterimChecks),
		"coregroup":      engine.Rules(coregroup.Checks),
		"ird":            engine.Rules(ird.Checks),
		"register":       engine.Rules(register.Checks),
	}
}

// TestEveryRuleCheckedExactlyOnce: the check values of all packages,
// together, are bound one to one to the rules of the catalogue: every rule
// is checked, by exactly one check value, and every check value is bound
// to a rule of the catalogue.
func TestEveryRuleCheckedExactlyOnce(t *testing.T) {
	owner := map[string]string{}
	for pkg, ids := range checkedRules() {
		for _, id := range ids {
			_, err := guidance.Lookup(id)
			require.NoError(t, err, "package %s has a check value for %q, which the catalogue lacks", pkg, id)
			if prev, dup := owner[id]; dup {
				t.Errorf("rule %s has two check values: in %s and in %s", id, prev, pkg)
			}
			owner[id] = pkg
		}
	}
	var catalogue []string
	for _, r := range guidance.Rules() {
		catalogue = append(catalogue, r.ID)
		require.Contains(t, owner, r.ID, "catalogue rule %s has no check value", r.ID)
	}
	require.Len(t, owner, len(catalogue))
}

// TestRuleIDLiteralsOnlyWhereAllowed: a rule ID is written as a string
// literal only in the catalogue (package guidance), in the timescale table
// (timescale/timescale.go) and as the Rule of a check value
// (engine.Check{Rule: "..."}). Anywhere else a literal rule ID is a second
// place to keep in step with the first: a check names its rule through its
// pass, a step's owner is data. Test files are exempt: they name the rules
// they prove.
func TestRuleIDLiteralsOnlyWhereAllowed(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range guidance.Rules() {
		ids[r.ID] = true
	}
	allowedFile := func(path string) bool {
		return strings.HasPrefix(path, "guidance"+string(filepath.Separator)) || path == filepath.Join("timescale", "timescale.go")
	}
	var bad []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || allowedFile(path) {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		// The literals that are the Rule of a composite literal.
		inRule := map[*ast.BasicLit]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			if kv, ok := n.(*ast.KeyValueExpr); ok {
				if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Rule" {
					if lit, ok := kv.Value.(*ast.BasicLit); ok {
						inRule[lit] = true
					}
				}
			}
			return true
		})
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			v, err := strconv.Unquote(lit.Value)
			if err == nil && ids[v] && !inRule[lit] {
				bad = append(bad, fset.Position(lit.Pos()).String()+": "+v)
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
	slices.Sort(bad)
	require.Empty(t, bad, "rule-ID literals outside the catalogue, the timescale table and the check values")
}
