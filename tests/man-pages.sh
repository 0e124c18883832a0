#!/bin/sh
# SPDX-License-Identifier: MIT
# The manual pages document every command and every setting with its
# default, and render without warnings.  TAP.
. "$(dirname "$0")/lib.sh"

man1=$top_srcdir/man/caseload.1
man5=$top_srcdir/man/caseload.ini.5

# Every command in --help appears in caseload(1) as a tagged paragraph.
run_raw --help
for cmd in $(sed -n 's/^  \([a-z-]*\) .*/\1/p' "$out" | grep -v '^-'); do
	pat=$(printf '%s' "$cmd" | sed 's/-/\\\\-/g')
	if grep -q "^\\.B $pat\\b" "$man1"; then
		ok "caseload(1) documents '$cmd'"
	else
		not_ok "caseload(1) does not document '$cmd'"
	fi
done

# Every setting appears in caseload.ini(5) under its section, with its
# default as --print-config shows it.
run_raw --print-config
section=
while IFS= read -r line; do
	case $line in
	\[*\])
		section=$(printf '%s' "$line" | tr -d '[]')
		;;
	\#*|'')
		;;
	*)
		key=${line%% =*}
		value=${line#*=}
		value=${value# }
		value=$(printf '%s' "$value" | sed 's/^"//; s/"$//')
		[ -n "$value" ] || value=empty
		if awk -v s="$section" -v k="$key" -v v="$value" '
			$0 == ".SS [" s "]" { in_s = 1; next }
			/^\.SS / { in_s = 0 }
			in_s && $0 == ".BR " k " \" (" v ")\"" { found = 1 }
			END { exit !found }' "$man5"; then
			ok "caseload.ini(5) documents [$section] $key ($value)"
		else
			not_ok "caseload.ini(5) lacks [$section] $key with default ($value)"
		fi
		;;
	esac
done <"$out"

# Both pages render cleanly.
if command -v groff >/dev/null 2>&1; then
	for page in "$man1" "$man5"; do
		warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$page" 2>&1)
		if [ -z "$warnings" ]; then
			ok "$(basename "$page") renders without warnings"
		else
			not_ok "$(basename "$page") has groff warnings"
			echo "$warnings" | sed 's/^/# /'
		fi
	done
fi
done_testing
