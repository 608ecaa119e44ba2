module github.com/cpguide/cpguide

go 1.26.0

require (
	github.com/arran4/golang-ical v0.3.4
	github.com/rickar/cal/v2 v2.1.31
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/stretchr/testify v1.12.1
	go.yaml.in/yaml/v3 v3.0.6
)

require golang.org/x/text v0.14.0 // indirect
