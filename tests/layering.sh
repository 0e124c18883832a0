#!/bin/sh
# The core is pure: no file in src/core, nor a header it includes, may
# include ncurses, SQLite, libical or iniparser; nor may src/file, which
# includes nothing above itself but the core's plain helpers.  TAP.
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

for f in "$top"/src/core/*.c; do
	check "$f" "src/core/$(basename "$f")"
	# Every project header the core file includes must be pure too.
	for h in $(sed -n 's/^#include "\([^"]*\)"$/\1/p' "$f"); do
		[ "$h" = config.h ] && continue
		if [ -f "$top/include/$h" ]; then
			check "$top/include/$h" "include/$h (from src/core/$(basename "$f"))"
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
file_headers='target.h tempfile.h text.h xmalloc.h'
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
for h in target.h tempfile.h; do
	check "$top/include/$h" "include/$h" "includes no library"
done

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
rm -f "$probe"
echo "1..$n"
exit $failed
