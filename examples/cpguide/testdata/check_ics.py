"""Parse calendars with Python's icalendar, a parser independent of the Go
one, and check what a diary needs. Usage: check_ics.py FILE...

For each file print one JSON line: the file, the number of events and
journal entries, and a list of problems (empty when the calendar is good)."""
import json
import sys

import icalendar

REQUIRED_EVENT = ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION")

for name in sys.argv[1:]:
    problems = []
    with open(name, "rb") as f:
        data = f.read()
    try:
        cal = icalendar.Calendar.from_ical(data)
    except Exception as e:  # noqa: BLE001 - any failure to parse is the finding
        print(json.dumps({"file": name, "events": 0, "journals": 0, "problems": ["does not parse: %s" % e]}))
        continue
    if cal.name != "VCALENDAR":
        problems.append("top component is %s" % cal.name)
    for prop in ("VERSION", "PRODID"):
        if prop not in cal:
            problems.append("calendar has no " + prop)
    if not cal.subcomponents:
        problems.append("no component: RFC 5545 asks for at least one")
    events = [c for c in cal.subcomponents if c.name == "VEVENT"]
    journals = [c for c in cal.subcomponents if c.name == "VJOURNAL"]
    summaries = []
    for ev in events:
        for prop in REQUIRED_EVENT:
            if prop not in ev:
                problems.append("event has no " + prop)
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND")
        if type(start).__name__ != "date" or (end - start).days != 1:
            problems.append("event is not one all-day date: %r %r" % (start, end))
        alarms = [c for c in ev.subcomponents if c.name == "VALARM"]
        if len(alarms) != 1:
            problems.append("event has %d VALARM" % len(alarms))
        for a in alarms:
            for prop in ("ACTION", "TRIGGER", "DESCRIPTION"):
                if prop not in a:
                    problems.append("alarm has no " + prop)
            a.decoded("TRIGGER")  # a valid duration
        summaries.append({"start": start.isoformat(), "summary": str(ev["SUMMARY"]),
                          "trigger": a["TRIGGER"].to_ical().decode() if alarms else ""})
    for j in journals:
        for prop in ("UID", "DTSTAMP"):
            if prop not in j:
                problems.append("journal has no " + prop)
    print(json.dumps({"file": name, "events": len(events), "journals": len(journals),
                      "problems": problems, "summaries": summaries}))
