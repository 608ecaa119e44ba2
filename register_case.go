package cpguide

import (
	"encoding"
	"encoding/json"
	"errors"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/register"
)

// This file puts the Child Protection Register into a Case: decoding the
// case's register events, checking that they fold into a history, and the
// findings of the register rules (RULES.md section 6), including the
// consistency a case system expects between the CPPMs and the register.

// decodeRegister decodes the case's register events, each in the register
// package's JSON form (register.MarshalEvent). Errors name the JSON path of
// the bad field, "register[3].reason", and never quote the input.
func (c *Case) decodeRegister(key string, raw json.RawMessage) error {
	var evs []json.RawMessage
	if err := strict(key, raw, &evs); err != nil {
		return err
	}
	c.Register = make([]register.Event, 0, len(evs))
	for i, ev := range evs {
		path := index(key, i)
		e, err := register.DecodeEvent(ev)
		if err != nil {
			return registerEventError(path, ev, err)
		}
		c.Register = append(c.Register, e)
	}
	return nil
}

// registerEventError turns an error of register.DecodeEvent about the event
// at path into one naming the exact JSON path. The register package names
// the field of a well-formed but invalid event; for malformed JSON it names
// only "event", so the event is walked here to find the field.
func registerEventError(path string, raw json.RawMessage, err error) error {
	var ge *guidance.Error
	if errors.As(err, &ge) && ge.Field != "event" {
		return scrubbed(prefix(path, err))
	}
	if lerr := locate(path, raw, reflect.TypeFor[register.Event]()); lerr != nil {
		return lerr
	}
	return invalid(path, "the register event could not be decoded: check it against the register event format")
}

// scrubbed drops the offending value from a *guidance.Error: a case file's
// values may be personal data and are never quoted.
func scrubbed(err error) error {
	var ge *guidance.Error
	if !errors.As(err, &ge) || ge.Value == "" {
		return err
	}
	out := *ge
	out.Value = ""
	return &out
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// locate walks raw, a JSON value meant for a value of type t, and returns
// an error naming the JSON path of the first part that does not decode
// (objects in key order, arrays in order), or nil if every part decodes.
// Values of types that decode themselves (dates, instants) are leaves.
func locate(path string, raw json.RawMessage, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if isNull(raw) {
		return nil
	}
	pt := reflect.PointerTo(t)
	leaf := pt.Implements(jsonUnmarshaler) || pt.Implements(textUnmarshaler)
	switch {
	case !leaf && t.Kind() == reflect.Struct:
		var obj map[string]json.RawMessage
		if err := strict(path, raw, &obj); err != nil {
			return err
		}
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			f, ok := jsonField(t, k)
			if !ok {
				return invalid(path+"."+safeKey(k), "unknown field: check its spelling against the register event format")
			}
			if err := locate(path+"."+safeKey(k), obj[k], f.Type); err != nil {
				return err
			}
		}
		return nil
	case !leaf && t.Kind() == reflect.Slice:
		var arr []json.RawMessage
		if err := strict(path, raw, &arr); err != nil {
			return err
		}
		for i, v := range arr {
			if err := locate(index(path, i), v, t.Elem()); err != nil {
				return err
			}
		}
		return nil
	}
	return strict(path, raw, reflect.New(t).Interface())
}

// jsonField returns the field of struct type t that encoding/json decodes
// the key into: the exact name first, then a case-insensitive match.
func jsonField(t reflect.Type, key string) (reflect.StructField, bool) {
	var fold reflect.StructField
	found := false
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-":
			continue
		case name == "":
			name = f.Name
		}
		if name == key {
			return f, true
		}
		if !found && strings.EqualFold(name, key) {
			fold, found = f, true
		}
	}
	return fold, found
}

// validateRegister checks each register event and that together they are
// one child's history: versions 1, 2, 3, ... with no gap, no second open
// registration in an authority, no ending without a registration.
func validateRegister(evs []register.Event) error {
	if len(evs) == 0 {
		return nil
	}
	for i, e := range evs {
		if err := e.Validate(); err != nil {
			return scrubbed(prefix(index("register", i), err))
		}
	}
	child := evs[0].ChildID
	if _, err := register.Fold(child, evs); err == nil {
		return nil
	}
	// Find the first event the history cannot take: failing is monotone in
	// the length of the prefix, so search for the shortest failing one.
	lo, hi := 0, len(evs)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if _, err := register.Fold(child, evs[:mid+1]); err != nil {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	j := lo
	_, ferr := register.Fold(child, evs[:j+1])
	field, hint := index("register", j)+".type", "the event contradicts the history before it (a second open registration in one authority, an ending or telling with no registration): correct the register"
	switch {
	case evs[j].ChildID != child:
		field, hint = index("register", j)+".child_id", "every register event of a case is about the same child: give the same child_id"
	case evs[j].Version != int64(j)+1:
		field, hint = index("register", j)+".version", "give the events in order with versions 1, 2, 3, ... and no gap (this one should be "+strconv.Itoa(j+1)+")"
	}
	return &guidance.Error{Kind: guidance.Invalid, Field: field, Hint: hint, Err: scrubbed(ferr)}
}

// checkRegister checks the register rules (package register) on pass p:
// the case's register events, its CPPMs and the birth of a baby
// registered before birth.
func (c Case) checkRegister(p *engine.Pass, opts Options) error {
	rc := register.Case{Events: c.Register, CPPMs: c.Meetings}
	if c.PreBirth != nil {
		rc.Born = c.PreBirth.Birth
	}
	return register.Run(p, &rc, opts.RegisterPolicy)
}
