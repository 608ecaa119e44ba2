module github.com/cpguide/cpguide

go 1.25

require github.com/rickar/cal/v2 v2.1.31
