package guidance

import (
	"cmp"
	"strconv"
	"sync"
	"time"
	_ "time/tzdata" // Europe/London must not depend on the host's zone files
)

// A Date is a civil date: a year, month and day with no time of day and no
// time zone. Statutory timescales count days, so every rule works in Dates.
//
// The zero value (year 0) means "no date"; [Date.IsZero] reports it and it
// encodes as empty text. Dates are comparable with ==. Their text and JSON
// form is "2006-01-02".
//
// Package timescale re-exports Date as timescale.Date.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// london is Europe/London from the embedded zone database, loaded on first
// use: most checks are given their date and never need it.
var london = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		// time/tzdata is imported above, so this cannot fail unless the
		// binary was built without it; dates would then be wrong.
		panic("guidance: Europe/London zone data missing: " + err.Error())
	}
	return loc
})

// London returns the Europe/London location used to turn instants into
// dates. It is loaded from zone data embedded in the binary, so results never
// depend on the host.
func London() *time.Location { return london() }

// DateOf returns the date in Scotland (Europe/London) at the instant t.
// 23:30 UTC on 30 June is already 1 July in Scotland.
func DateOf(t time.Time) Date {
	y, m, d := t.In(london()).Date()
	return Date{y, m, d}
}

// DateFor returns the date in the location of t, as the caller sees it,
// without converting to Europe/London.
func DateFor(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// MinYear and MaxYear bound the supported range of dates: the years the
// working-day calendar is precomputed for (timescale), from 1900-01-01 to
// 2199-12-31. ParseDate, and so every decoder, refuses a date outside it,
// and no deadline is computed beyond it (timescale.Due reports "beyond the
// supported range" instead).
const (
	MinYear = 1900
	MaxYear = 2199
)

// Supported reports whether d is a valid date within the supported range,
// MinYear to MaxYear.
func (d Date) Supported() bool {
	return d.Year >= MinYear && d.Year <= MaxYear && d.Valid()
}

// ParseDate parses a date in the form "2006-01-02": a four-digit year from
// 1900 to 2199 (the supported range, [MinYear] to [MaxYear]), a two-digit
// month and a two-digit day that exists in that month. Anything else is an
// error of kind [Invalid] that names the problem and never quotes the text.
func ParseDate(s string) (Date, error) {
	bad := func(hint string) (Date, error) {
		return Date{}, &Error{Kind: Invalid, Field: "date", Hint: hint}
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return bad("write the date as YYYY-MM-DD, for example 2026-03-02")
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return bad("write the date as YYYY-MM-DD using digits only")
	}
	if y < MinYear || y > MaxYear {
		return bad("the year must be between 1900 and 2199, the supported range")
	}
	if m < 1 || m > 12 {
		return bad("the month must be between 01 and 12")
	}
	if d < 1 || d > daysIn(y, time.Month(m)) {
		return bad("that day does not exist in that month")
	}
	return Date{y, time.Month(m), d}, nil
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// IsZero reports whether d is the zero Date (no date).
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d is a real calendar date with a year from 1 to 9999.
func (d Date) Valid() bool {
	return d.Year >= 1 && d.Year <= 9999 && d.Month >= time.January && d.Month <= time.December &&
		d.Day >= 1 && (d.Day <= 28 || d.Day <= daysIn(d.Year, d.Month))
}

// String returns the date as "2006-01-02". The zero Date is "0000-00-00".
// Years outside 0..9999 are written in full with a sign where negative.
func (d Date) String() string {
	b := make([]byte, 0, 10)
	return string(d.appendTo(b))
}

// AppendString appends what [Date.String] returns to b.
func (d Date) AppendString(b []byte) []byte { return d.appendTo(b) }

func (d Date) appendTo(b []byte) []byte {
	y := d.Year
	if y < 0 {
		b = append(b, '-')
		y = -y
	}
	b = appendPad(b, y, 4)
	b = append(b, '-')
	b = appendPad(b, int(d.Month), 2)
	b = append(b, '-')
	return appendPad(b, d.Day, 2)
}

func appendPad(b []byte, n, width int) []byte {
	if n < 0 {
		n = 0
	}
	digits := 1
	for m := n; m >= 10; m /= 10 {
		digits++
	}
	for ; digits < width; digits++ {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// MarshalText encodes d as "2006-01-02"; the zero Date encodes as empty text.
// A date that is neither zero nor valid is an error.
func (d Date) MarshalText() ([]byte, error) {
	return d.AppendText(make([]byte, 0, 10))
}

// AppendText appends what [Date.MarshalText] returns to b
// (encoding.TextAppender).
func (d Date) AppendText(b []byte) ([]byte, error) {
	if d.IsZero() {
		return b, nil
	}
	if !d.Valid() {
		return nil, &Error{Kind: Invalid, Field: "date",
			Hint: "the date does not exist in the calendar"}
	}
	return d.appendTo(b), nil
}

// UnmarshalText decodes "2006-01-02"; empty text decodes as the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 1970-01-01 was a Thursday.
	return time.Weekday(mod(d.Days()+4, 7))
}

// Days returns the number of days from 1970-01-01 to d (negative before it).
// It is a serial day number: d.AddDays(n).Days() == d.Days()+n.
func (d Date) Days() int {
	if d.Year >= 1 && d.Year <= 9999 && d.Month >= time.January && d.Month <= time.December &&
		d.Day >= 1 && d.Day <= 31 {
		return fastDays(uint32(d.Year), uint32(d.Month), uint32(d.Day))
	}
	// Howard Hinnant's days_from_civil, on a proleptic Gregorian calendar,
	// for any year.
	y := d.Year
	m := int(d.Month)
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// Day numbers of years 1 to 9999 are computed without a division (Neri
// and Schneider, "Euclidean affine functions and their application to
// calendar algorithms", 2022): the date is counted from 1 March of year
// 0, so that a leap day ends its year, in unsigned 32-bit arithmetic
// whose divisions by constants the compiler turns into multiplications.
// The fast paths agree with the time package's count on every day of those
// years (TestDays_FastPathAgreesWithTheTimePackage).
const (
	firstFastDay = -719162 // Date{1, January, 1}.Days()
	lastFastDay  = 2932896 // Date{9999, December, 31}.Days()
	fromYearZero = 719468  // days from 0000-03-01 to 1970-01-01
)

func fastDays(y, m, d uint32) int {
	if m <= 2 { // January and February end the previous year
		y--
		m += 12
	}
	c := y / 100
	years := 1461*y/4 - c + c/4   // days before 1 March of year y
	months := (979*m - 2919) / 32 // days from 1 March to the 1st of month m
	return int(years+months+d-1) - fromYearZero
}

// DateFromDays returns the date n days after 1970-01-01; it inverts
// [Date.Days].
func DateFromDays(n int) Date {
	if n >= firstFastDay && n <= lastFastDay {
		return fastDate(uint32(n + fromYearZero))
	}
	z := n + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return Date{y, time.Month(m), d}
}

// fastDate is the date z days after 0000-03-01 (Neri and Schneider).
func fastDate(z uint32) Date {
	n1 := 4*z + 3
	c := n1 / 146097              // centuries
	nc := n1 % 146097 / 4         // day of the century
	p := 2939745 * uint64(4*nc+3) // year of the century, and the day of it
	y := 100*c + uint32(p>>32)
	doy := uint32(p) / 2939745 / 4 // day of the year from 1 March
	n3 := 2141*doy + 197913
	m := n3 >> 16
	d := n3&0xffff/2141 + 1
	if doy >= 306 { // January or February: of the next calendar year
		y++
		m -= 12
	}
	return Date{int(y), time.Month(m), int(d)}
}

// AddDays returns the date n calendar days after d (before it when n is
// negative). The arithmetic is exact; it never goes through time.Duration.
func (d Date) AddDays(n int) Date { return DateFromDays(d.Days() + n) }

// AddMonths returns the same day of the month n months after d, clamped to
// the last day of the target month: 2026-08-31 plus 6 months is 2027-02-28,
// never 2027-03-03.
func (d Date) AddMonths(n int) Date {
	total := d.Year*12 + int(d.Month) - 1 + n
	y := floorDiv(total, 12)
	m := time.Month(total - y*12 + 1)
	day := min(d.Day, daysIn(y, m))
	return Date{y, m, day}
}

// Sub returns the number of days from e to d: d.Sub(e) == d.Days()-e.Days().
func (d Date) Sub(e Date) int { return d.Days() - e.Days() }

// Compare returns -1 if d is before e, 0 if they are equal, +1 if d is after e.
func (d Date) Compare(e Date) int {
	if c := cmp.Compare(d.Year, e.Year); c != 0 {
		return c
	}
	if c := cmp.Compare(d.Month, e.Month); c != 0 {
		return c
	}
	return cmp.Compare(d.Day, e.Day)
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Date returns the year, month and day, like [time.Time.Date].
func (d Date) Date() (year int, month time.Month, day int) { return d.Year, d.Month, d.Day }

// In returns midnight at the start of d in loc (the first instant of the day
// where midnight does not exist).
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// IsLeapYear reports whether year is a leap year in the Gregorian calendar.
func IsLeapYear(year int) bool { return year%4 == 0 && (year%100 != 0 || year%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if IsLeapYear(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// DaysIn returns the number of days in month m of year y.
func DaysIn(y int, m time.Month) int { return daysIn(y, m) }

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func mod(a, b int) int {
	r := a % b
	if r < 0 {
		r += b
	}
	return r
}
