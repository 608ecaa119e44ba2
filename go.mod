module github.com/cpguide/cpguide

go 1.25

require (
	github.com/rickar/cal/v2 v2.1.31
	github.com/stretchr/testify v1.12.1
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
