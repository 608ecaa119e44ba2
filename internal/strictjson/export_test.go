package strictjson

// OracleDecode is the token decoder the scanner replaced (oracle_test.go),
// under the default limits, for the differential tests of package
// strictjson_test, which decode into the library's own types.
func OracleDecode(data []byte, v any) error { return oracleDecode(data, v, &Default) }
