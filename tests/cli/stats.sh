#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/stats.sh: caseload stats on the fixture, whose figures are
# known (see tests/cli/fixture.sh), on 27/11/2026:
#
#   stepped up 7 (1 2 3 4 8 9 11), stepped down 3 (5 6 7); 10 archived
#   by stage, stepped up: 16-18 Ben, Ellie-Mae; 18-21 Aisha, Amira;
#     21-25 Zoë, Hà, Ming; stepped down: 21-25 all three
#   overdue for contact: Aisha, Amira (weekly), Ellie-Mae (struck out):
#     4 of 7 (57%) within their interval
#   reviews overdue: Ben (10/07), Zoë (01/12/2024), Ming (2020), Amira
#     (01/09): 4; Aisha's is due 01/12/2026
#   the last 8 weeks are 03/10/2026 to today: Ben 05/10, Zoë 20/11 (by
#     the young person), Ming 01/11, Amira 18/11 = 4 contacts; Aisha's
#     attempted visit on 30/10 = 1 attempted; Ellie-Mae's 01/10 is out
#     (and struck out)
# Then a few more rows test the edges of the window and the letters.

. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

run stats
check_status 0 "stats runs"
check_expected stats.txt "stats as text"

run stats --format json
check_status 0 "stats --format json runs"
check_expected stats.json "stats as JSON"

# JSON that a program can read back, with the same figures.
if command -v python3 >/dev/null 2>&1 &&
    python3 -c 'import json' 2>/dev/null; then
	check_true "the JSON parses and adds up" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert s["stepped_up"] == 7 and s["stepped_down"] == 3, s
assert sum(x["stepped_up"] for x in s["by_stage"]) == s["stepped_up"]
assert sum(x["stepped_down"] for x in s["by_stage"]) == s["stepped_down"]
assert s["contacted_within_interval"] + s["overdue"] == s["stepped_up"]
assert s["contacted_within_interval_percent"] == 57
assert (s["contacts"], s["attempted_contacts"]) == (4, 1)
assert s["reviews_overdue"] == 4 and s["letters_sent"] == 0
' "$out"
else
	ok "# SKIP no python3 to read the JSON"
fi

# The window: 03/10/2026 counts, 02/10/2026 does not; a contact struck
# out does not count; an attempted one started by the young person
# counts as attempted only.
fixture contact Jordan --date 2026-10-03 --method phone
fixture contact Jordan --date 2026-10-02 --method phone
fixture contact Precious --date 2026-11-26 --method text --by young-person
fixture contact Grace --date 2026-11-25 --method phone --attempted \
	--by young-person
fixture contact Grace --date 2026-11-24 --method visit
fixture strike Grace 2 --reason "wrong day"
# Letters: no command records one on this branch's fixture, so the test
# writes the rows as the store would (history and summary).
# Letters of earlier step-downs too, which 'letters sent' would refuse now.
sql "INSERT INTO letters (person_id, sent_on) VALUES (5, '2025-12-31');
INSERT INTO letters (person_id, sent_on) VALUES (6, '2026-01-01');
INSERT INTO letters (person_id, sent_on) VALUES (7, '2026-11-27');
UPDATE people SET last_letter = '2025-12-31' WHERE id = 5;
UPDATE people SET last_letter = '2026-01-01' WHERE id = 6;
UPDATE people SET last_letter = '2026-11-27' WHERE id = 7;"
run stats --format json
check_out_has '"contacts": 6,' "a contact on the first day of the window counts, the day before does not"
check_out_has '"contacts_started_by_young_person": 2,' "contacts the young person started"
check_out_has '"attempted_contacts": 2,' "an attempted contact the young person started is attempted"
check_out_has '"letters_sent": 2,' "letters sent this calendar year only"

# Stepped-down young people are not overdue: the share is unchanged.
check_out_has '"contacted_within_interval_percent": 57,' "the share counts only stepped-up young people"

# Over the cap.
cat >"$TEST_DIR/small-cap.ini" <<'INI'
[caseload]
cap = 5
INI
run --config "$TEST_DIR/small-cap.ini" stats
check_out_has "7 stepped up, 2 over the cap of 5" "over the cap is shown"

# Another interval changes the window with it.
cat >"$TEST_DIR/four-weeks.ini" <<'INI'
[contact]
interval_weeks = 4
INI
run --config "$TEST_DIR/four-weeks.ini" stats
check_out_has "Last 4 weeks" "the window follows [contact] interval_weeks"
check_out_has "since 31/10/2026" "... and starts 28 days before today, inclusive"

# An empty caseload.
DB=$TEST_DIR/empty.db
run stats
check_status 0 "stats on an empty caseload"
check_out_has "nobody stepped up" "no share without anyone stepped up"
run stats --format json
check_out_has '"contacted_within_interval_percent": null' "null share in JSON"

# Usage.
check_refused "stats takes no young person" "takes no young person" stats 3
check_refused "stats has no CSV" "not offered" stats --format csv
check_refused "stats refuses an unknown option" "--days" stats --days 3

done_testing
