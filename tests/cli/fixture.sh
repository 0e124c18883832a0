# SPDX-License-Identifier: MIT
# tests/cli/fixture.sh: a small caseload with known answers, built with
# caseload's own commands on $DB, seen from today = 2026-11-27 (a Friday).
# Source it after tests/lib.sh.  What each young person is for:
#
#  1 Aisha Khan (Ash)  last contact 02/09/2026, then an attempted visit
#                      that does not count: overdue by 30 days; a pathway
#                      plan review on 01/06/2026, so the next is 01/12/2026
#  2 Ben Carter        contact 05/10/2026: due 30/11/2026 (due soon);
#                      18 on 01/12/2026
#  3 Zoë Ñúñez         born 29/02/2004; contact 20/11/2026: ok
#  4 Nguyễn Thị Hà     allocated a week ago (20/11/2026), no contact yet:
#                      due today ([contact] first_contact_days)
#  5 Jordan Lee        stepped down 01/11/2025: letter overdue 26 days
#  6 Precious Mensah   25 on 01/03/2027, stepped down 01/04/2026: no letter
#  7 Grace Okoye       stepped down 29/02/2024, up 01/06/2025, down again
#                      28/02/2026: letter due 28/02/2027
#  8 李明 (Ming)        25 on 10/12/2026 (still stepped up)
#  9 Amira Haddad      weekly contact, last 18/11/2026: overdue by 2 days
# 10 Oliver Wright     archived
# 11 Ellie-Mae "Ells" O'Connor, Jr.  a contact struck out: due a week
#                      after allocation (01/09/2026), 08/09/2026, overdue
#                      by 80 days

fixture() {
	"$CASELOAD" --db "$DB" --today "$TODAY" "$@" >/dev/null 2>&1 || {
		echo "Bail out! fixture: caseload $* failed"
		exit 1
	}
}

fixture add --name "Aisha Khan" --preferred Ash --dob 2007-03-14 \
	--allocated 2025-02-01 --phone "07700 900101" \
	--address "12 Station Road
Leeds LS1 4AB"
fixture contact 1 --date 02/09/2026 --method phone \
	--note "Talked about college; wants help with the bursary form."
fixture contact Aisha --date 2026-10-30 --method visit --attempted \
	--note "Not in."
fixture review 1 --date 2026-06-01
fixture add --name "Ben Carter" --dob 2008-12-01 --allocated 2026-01-10
fixture contact 2 --date 2026-10-05 --method visit
fixture add --name "Zoë Ñúñez" --dob 29/02/2004 --allocated 2024-06-01
fixture contact 3 --date 2026-11-20 --method text --by young-person
fixture add --name "Nguyễn Thị Hà" --preferred "Hà" --dob 2005-07-15 \
	--allocated 2026-11-20
fixture add --name "Jordan Lee" --dob 2003-05-05 --allocated 2023-01-01
fixture contact 5 --date 2025-10-20 --method visit
fixture step-down 5 --date 2025-11-01 --reason "full-time work"
fixture add --name "Precious Mensah" --dob 2002-03-01 --allocated 2021-09-01
fixture step-down 6 --date 2026-04-01
fixture add --name "Grace Okoye" --dob 2004-01-20 --allocated 2022-09-01
fixture step-down 7 --date 2024-02-29 --reason "moved in with a partner"
fixture step-up 7 --date 2025-06-01 --reason "tenancy problem"
fixture step-down 7 --date 2026-02-28 --reason "tenancy sorted"
fixture add --name "李明" --preferred Ming --dob 2001-12-10 --allocated 2020-01-01
fixture contact 8 --date 2026-11-01 --method video
fixture add --name "Amira Haddad" --dob 2006-12-07 --allocated 2026-03-01 \
	--interval-weeks 1
fixture contact 9 --date 2026-11-18
fixture add --name "Oliver Wright" --dob 2005-01-01 --allocated 2023-05-01
fixture archive 10 --reason "moved away"
fixture add --name "Ellie-Mae \"Ells\" O'Connor, Jr." --dob 2009-06-30 \
	--allocated 2026-09-01
fixture contact 11 --date 2026-10-01 --method visit
fixture strike 11 1 --reason "logged for the wrong young person"
