// Package redact is the one form in which the library's types that hold
// personal data show themselves through fmt, log/slog and json.Marshal:
// their type name and a marker, never their content. Each such type calls
// [Text] from its String, GoString and LogValue methods and [JSON] from
// its MarshalJSON method; the explicit export paths that keep the data are
// cpguide.MarshalCase and register.MarshalEvent.
package redact

// Text is what fmt and log/slog show of a value of the type named name
// ("plan.Person"): "plan.Person{redacted}".
func Text(name string) string { return name + "{redacted}" }

// JSON is what json.Marshal writes of such a value.
func JSON() ([]byte, error) { return []byte(`{"personal_data":"redacted"}`), nil }
