#!/bin/sh
# SPDX-License-Identifier: MIT
# The core is pure: no file in src/core, nor a header it includes, may
# include ncurses, SQLite, libical or iniparser; nor may src/file, which
# includes nothing above itself but the core's plain helpers.  utf8proc
# is allowed (text.c folds names with it): it is a pure library of Unicode
# tables and functions, with no I/O and no state.  TAP.
top=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
n=0
failed=0
forbidden='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](n?cursesw?\.h|ncursesw/|form\.h|menu\.h|panel\.h|sqlite3\.h|libical/|ical\.h|iniparser|dictionary\.h|csv\.h)'

check() {
	n=$((n + 1))
	bad=$(grep -nE "$forbidden" "$1" 2>/dev/null)
	if [ -n "$bad" ]; then
		echo "not ok $n - $2 includes a library header"
		echo "$bad" | sed 's/^/# /'
		failed=1
	else
		echo "ok $n - $2 ${3:-is pure}"
	fi
}

# The core's own headers: one for each file of src/core.  A core file, and
# a header it includes, includes no header of another layer.
core_headers=$(cd "$top/src/core" && ls -- *.c | sed 's/\.c$/.h/')
# core_only HEADER WHO: HEADER must be the core's.
core_only() {
	case " $(echo $core_headers) " in
	*" $1 "*) ;;
	*)
		n=$((n + 1))
		echo "not ok $n - $2 includes $1, a header of another layer"
		failed=1 ;;
	esac
}

for f in "$top"/src/core/*.c; do
	check "$f" "src/core/$(basename "$f")"
	# Every project header the core file includes must be pure too.
	for h in $(sed -n 's/^#include "\([^"]*\)"$/\1/p' "$f"); do
		[ "$h" = config.h ] && continue
		if [ -f "$top/include/$h" ]; then
			check "$top/include/$h" "include/$h (from src/core/$(basename "$f"))"
			core_only "$h" "src/core/$(basename "$f")"
			for hh in $(sed -n 's/^#include "\([^"]*\)"$/\1/p' \
			    "$top/include/$h"); do
				core_only "$hh" "include/$h"
			done
		else
			n=$((n + 1))
			echo "not ok $n - src/core/$(basename "$f") includes $h, not a header of include/"
			failed=1
		fi
	done
done

# src/file (files written on request, temporary files) sits below store
# and export, which both use it: besides being free of the libraries, it
# may include only its own headers and the core's plain helpers.
file_headers='cause.h outfile.h target.h tempfile.h text.h xmalloc.h'
for f in "$top"/src/file/*.c; do
	[ -f "$f" ] || continue
	check "$f" "src/file/$(basename "$f")" "includes no library"
	for h in $(sed -n 's/^#include "\([^"]*\)"$/\1/p' "$f"); do
		[ "$h" = config.h ] && continue
		n=$((n + 1))
		case " $file_headers " in
		*" $h "*)
			echo "ok $n - src/file/$(basename "$f") may include $h" ;;
		*)
			echo "not ok $n - src/file/$(basename "$f") includes $h, above src/file"
			failed=1 ;;
		esac
	done
done
for h in outfile.h target.h tempfile.h; do
	check "$top/include/$h" "include/$h" "includes no library"
done

# The faces stand side by side: the screens include no header of the
# command line, and the command line none of the screens' (main.c, above
# both, starts either).
# grep_rule N WHAT PATTERN FILES...: no line of FILES matches PATTERN.
grep_rule() {
	what=$1
	pattern=$2
	shift 2
	n=$((n + 1))
	bad=$(grep -nE "$pattern" "$@" 2>/dev/null | sed "s|^$top/||")
	if [ -n "$bad" ]; then
		echo "not ok $n - $what"
		echo "$bad" | sed 's/^/# /'
		failed=1
	else
		echo "ok $n - $what"
	fi
}
grep_rule "src/tui includes no header of src/cli" \
	'^[[:space:]]*#[[:space:]]*include[[:space:]]*"(cli|cli-[a-z-]*|cmd-[a-z-]*)\.h"' \
	"$top"/src/tui/*.c "$top"/src/tui/*.h "$top"/include/tui.h
grep_rule "src/cli includes no header of src/tui" \
	'^[[:space:]]*#[[:space:]]*include[[:space:]]*"tui[a-z-]*\.h"' \
	"$top"/src/cli/*.c "$top"/src/cli/*.h "$top"/include/cli.h
# Only the store speaks SQL.
files=$(find "$top/src" "$top/include" -name '*.[ch]' ! -path "$top/src/store/*")
# shellcheck disable=SC2086
grep_rule "no sqlite3_ name outside src/store" '\bsqlite3_' $files
# The export layer writes what it is given: it reads no store.
export_headers=$(sed -n 's|^#include "\([^"]*\)"$|'"$top"'/include/\1|p' \
    "$top"/src/export/*.c | sort -u | while read -r h; do
	[ -f "$h" ] && echo "$h"
done)
# shellcheck disable=SC2086
grep_rule "src/export, and each header it includes, includes no store header" \
	'^[[:space:]]*#[[:space:]]*include[[:space:]]*"(store|views|store-int|session|job)\.h"' \
	"$top"/src/export/*.c $export_headers

# Only the export layer speaks HTTP: libcurl in src/export/caldav.c alone.
files=$(find "$top/src" "$top/include" -name '*.[ch]' ! -path "$top/src/export/caldav.c")
# shellcheck disable=SC2086
grep_rule "libcurl only in src/export/caldav.c" \
	'^[[:space:]]*#[[:space:]]*include[[:space:]]*<curl/|\bcurl_[a-z_]+[[:space:]]*\(' $files

# Neither face writes to the store but through a job (src/app): the
# faces may call only the store's functions that read, listed here; a new
# store function is a write until it is listed.
store_reads='store_check store_close
store_around_each store_numbered store_contacts_each store_data_version store_flag_notes_each store_flags_each store_letters_each
store_actions_each store_notes_each store_path store_people_complete store_people_each store_people_last_id store_people_named store_person_get store_reviews_each
store_schema_version store_status_each store_accommodation_each store_living_in
store_return_standing store_returns_each'
# store_calls FILES...: each call of a store_ function not in store_reads.
store_calls() {
	grep -noE '\bstore_[a-z_]+[[:space:]]*\(' "$@" 2>/dev/null |
	    sed "s|^$top/||; s/[[:space:]]*(\$//" |
	    while IFS=: read -r file line name; do
		case " $(echo $store_reads) " in
		*" $name "*) ;;
		*) echo "$file:$line: $name" ;;
		esac
	done
}
n=$((n + 1))
bad=$(store_calls "$top"/src/cli/*.c "$top"/src/cli/*.h "$top"/src/tui/*.c \
    "$top"/src/tui/*.h "$top"/src/main.c)
if [ -n "$bad" ]; then
	echo "not ok $n - src/cli and src/tui call no store function that writes"
	echo "$bad" | sed 's/^/# /'
	failed=1
else
	echo "ok $n - src/cli and src/tui call no store function that writes"
fi

# The check itself must be able to fail.
n=$((n + 1))
probe=$(mktemp)
printf '#include <sqlite3.h>\n' >"$probe"
if grep -qE "$forbidden" "$probe"; then
	echo "ok $n - the layering check catches a forbidden include"
else
	echo "not ok $n - the layering check does not catch <sqlite3.h>"
	failed=1
fi
printf '#include "cli.h"\n' >"$probe"
n=$((n + 1))
if grep -qE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(cli|cli-[a-z-]*|cmd-[a-z-]*)\.h"' "$probe"; then
	echo "ok $n - the layering check catches a face including the other's header"
else
	echo "not ok $n - the layering check does not catch #include \"cli.h\""
	failed=1
fi
printf 'static void f(void) { store_contact_add(st, &c, &cause); }\n' >"$probe"
n=$((n + 1))
if [ -n "$(store_calls "$probe")" ]; then
	echo "ok $n - the layering check catches a face writing to the store"
else
	echo "not ok $n - the layering check does not catch store_contact_add"
	failed=1
fi
rm -f "$probe"
echo "1..$n"
exit $failed
