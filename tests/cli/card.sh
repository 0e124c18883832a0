#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/card.sh: the worker's intro card from the [worker] settings:
# boxed, under 60 columns, names of any script lined up.
. "${top_srcdir:-.}/tests/lib.sh"

cat >"$TEST_DIR/worker.ini" <<'INI'
[worker]
name = Zoë Ñúñez-李明
title = Personal Adviser
phone = 0113 496 0123
email = zoe.nunez@example.gov.uk
office = Leaving Care Team\nMerrion House, 110 Merrion Centre, Leeds LS2 8BB
about = I've worked with young people in Leeds for ten years and I love it.\nI support Leeds United.\nAsk me anything: I'll help, or find someone who can.
INI

run --config "$TEST_DIR/worker.ini" card
check_status 0 "card"
check_expected card.txt "the card"
check_true "every line is 56 columns wide" test "$(
	while IFS= read -r line; do
		printf '%s\n' "$line" | wc -L
	done <"$out" | sort -u)" = 56
check_true "it is boxed" test "$(grep -cv '^[|+].*[|+]$' "$out")" = 0
check_out_has "|  Zoë Ñúñez-李明" "the name, as typed"
check_out_has "|  can.  " "long lines are wrapped, not cut"
check_out_lacks "…" "nothing is cut"

cat >"$TEST_DIR/name.ini" <<'INI'
[worker]
name = Sam Taylor
INI
run --config "$TEST_DIR/name.ini" card
check_status 0 "a card with only a name"
check_err_has "says nothing about how to reach you" "warns that it has no way to reach you"
check_out_lacks "Phone" "and leaves out what is not set"
check_out_has "|  Leaving Care Worker" "the title has its default"

check_refused "a card needs the worker's name" "[worker] name is not set" card
check_refused "card takes no young person" "takes no young person" card 1

done_testing
