#!/bin/sh
# SPDX-License-Identifier: MIT
# The manual pages document every command and every setting with its
# default, name the folders this build installs into, and render without
# warnings in groff and mandoc.  TAP.
. "$(dirname "$0")/lib.sh"

# The pages as built (from man/*.in, with this build's folders).
: "${top_builddir:=$top_srcdir}"
man1=$top_builddir/man/caseload.1
man5=$top_builddir/man/caseload.ini.5

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

# The build put its folders in: nothing is left to substitute, and FILES
# names the letter template and the example settings by absolute paths.
for page in "$man1" "$man5"; do
	if grep -n '@[a-zA-Z_]*@' "$page" >"$out"; then
		not_ok "$(basename "$page") has names left to substitute"
		sed 's/^/# /' "$out"
	else
		ok "$(basename "$page") has every folder filled in"
	fi
done
files=$(sed -n '/^\.SH FILES/,/^\.SH /p' "$man1")
for leaf in letter.txt caseload.ini; do
	if printf '%s\n' "$files" | grep -q "^\.IR* /.*/$leaf\b"; then
		ok "caseload(1) FILES gives the installed $leaf"
	else
		not_ok "caseload(1) FILES lacks the installed $leaf"
	fi
done

# The environment variables caseload reads are all in caseload(1).
env_section=$(sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' "$man1")
for var in TZ LANG LC_ALL TERM NO_COLOR COLUMNS CASELOAD_DATADIR \
    CASELOAD_DB CASELOAD_CONFIG CASELOAD_TODAY XDG_DATA_HOME \
    XDG_CONFIG_HOME VISUAL EDITOR TMPDIR HOME; do
	if printf '%s\n' "$env_section" | grep -q "^\.BR* .*\b$var\b"; then
		ok "caseload(1) ENVIRONMENT lists $var"
	else
		not_ok "caseload(1) ENVIRONMENT lacks $var"
	fi
done

# mandoc -Tlint, every level of message (style included), finds nothing.
if command -v mandoc >/dev/null 2>&1; then
	for page in "$man1" "$man5"; do
		warnings=$(mandoc -Tlint -Wall "$page" 2>&1)
		if [ -z "$warnings" ]; then
			ok "$(basename "$page") passes mandoc -Tlint"
		else
			not_ok "$(basename "$page") has mandoc -Tlint messages"
			echo "$warnings" | sed 's/^/# /'
		fi
	done
fi

# Both pages render cleanly in groff, every warning on.
if command -v groff >/dev/null 2>&1; then
	for page in "$man1" "$man5"; do
		warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -wall -z "$page" 2>&1)
		if [ -z "$warnings" ]; then
			ok "$(basename "$page") renders without warnings"
		else
			not_ok "$(basename "$page") has groff warnings"
			echo "$warnings" | sed 's/^/# /'
		fi
	done
fi
done_testing
