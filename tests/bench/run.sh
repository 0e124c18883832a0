#!/bin/bash
# SPDX-License-Identifier: MIT
# tests/bench/run.sh: how long caseload takes, and how much memory, at
# 1,000, 10,000 and 100,000 young people with 20 contacts each, side by
# side with the floor: the sqlite3 tool running the same query on the
# same file, and "sqlite3 DB 'select 1'" for starting a process.
#
# usage: tests/bench/run.sh [SIZES...]    (run by make bench)
#
# Each figure is the median of RUNS runs (default 5) of the whole
# process (the searches: of RUNS searches inside one process, by
# tests/bench/search); memory is the peak resident set of one run
# (/usr/bin/time).
# This is not a test: nothing here passes or fails on timings.
set -euo pipefail

build=${top_builddir:-.}
src=${top_srcdir:-.}
caseload=${CASELOAD:-$build/caseload}
generate=$build/tests/bench/generate
search=$build/tests/bench/search
runs=${RUNS:-5}
today=2026-11-27
dir=${BENCH_DIR:-$build/bench-data}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
mkdir -p "$dir"
printf '[backup]\nkeep = 0\n' >"$dir/bench.ini"
export CASELOAD_CONFIG=$dir/bench.ini LC_ALL=C.UTF-8 TZ=Europe/London

now_ms() { date +%s%N; }

# median_ms CMD...: median wall time of $runs runs, in milliseconds.
median_ms() {
	local i t0 t1 times=()
	for ((i = 0; i < runs; i++)); do
		t0=$(now_ms)
		"$@" >/dev/null 2>&1
		t1=$(now_ms)
		times+=($(( (t1 - t0) / 1000 )))
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1}
		END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
		      printf "%.1f\n", m / 1000 }'
}

# peak_kib CMD...: peak resident memory of one run, in KiB.
peak_kib() {
	/usr/bin/time -f '%M' -o "$dir/time.out" "$@" >/dev/null 2>&1 || true
	tail -1 "$dir/time.out"
}

sq() { sqlite3 -batch "$@"; }
floor_sql() { # floor_sql DB FILE
	sqlite3 -batch -cmd ".parameter set @today \"'$today'\"" "$1" <"$2"
}
export -f sq floor_sql

# make_sheet N FILE: a sheet of N young people, none of them in the
# generated caseloads.
make_sheet() {
	awk -v n="$1" 'BEGIN { print "name,dob,status,stepped down on,last contact"
	for (i = 1; i <= n; i++)
		printf "Sheet Person %d,%04d-%02d-%02d,%s,%s,2026-11-%02d\n", i,
		    2002 + i % 8, 1 + i % 12, 1 + i % 28,
		    i % 7 ? "" : "stepped down", i % 7 ? "" : "2026-10-01",
		    1 + i % 20 }' >"$2"
}
sheet=$dir/sheet-1000.csv
make_sheet 1000 "$sheet"
# import_new DB: the sheet into a new caseload (removed first).
import_new() {
	rm -f "$1"
	"$caseload" --db "$1" --today "$today" import "$sheet"
}

declare -A ms kib
for n in "${sizes[@]}"; do
	db=$dir/caseload-$n.db
	if [ ! -f "$db" ]; then
		echo "generating $n young people with 20 contacts each..." >&2
		t0=$(now_ms)
		"$generate" "$db" "$n" "$today"
		echo "  made in $(( ($(now_ms) - t0) / 1000000 )) ms" >&2
	fi
	# Read the file once so every run finds it in the page cache.
	cat "$db" >/dev/null

	run_caseload() { "$caseload" --db "$db" --today "$today" "$@"; }
	ms[start,$n]=$(median_ms sqlite3 "$db" 'select 1')
	ms[due,$n]=$(median_ms "$caseload" --db "$db" --today $today due --within 14 --format csv)
	ms[due_floor,$n]=$(median_ms floor_sql "$db" "$src/tests/bench/floor-due.sql")
	ms[export,$n]=$(median_ms "$caseload" --db "$db" --today $today export -o "$dir/export-$n.ics")
	ms[export_floor,$n]=$(median_ms floor_sql "$db" "$src/tests/bench/floor-export.sql")
	ms[list,$n]=$(median_ms "$caseload" --db "$db" --today $today list --format csv)
	ms[list_floor,$n]=$(median_ms floor_sql "$db" "$src/tests/bench/floor-list.sql")
	# A search on the list (count and first page), one that finds nobody
	# (every name is read) and one that finds many; REF by name.
	if [ -x "$search" ]; then
		ms[search_none,$n]=$("$search" "$db" $today "$runs" zzz | cut -f3)
		ms[search_many,$n]=$("$search" "$db" $today "$runs" zoe | cut -f3)
	fi
	ms[show_ref,$n]=$(median_ms "$caseload" --db "$db" --today $today show zzz)
	ms[complete,$n]=$(median_ms "$caseload" __complete --db "$db" show ng)
	ms[complete_none,$n]=$(median_ms "$caseload" __complete --db "$db" show zzz)
	ms[import_dry,$n]=$(median_ms "$caseload" --db "$db" --today $today import --dry-run "$sheet")
	ms[import_new,$n]=$(median_ms import_new "$dir/import-$n.db")
	kib[due,$n]=$(peak_kib "$caseload" --db "$db" --today $today due --within 14 --format csv)
	kib[export,$n]=$(peak_kib "$caseload" --db "$db" --today $today export -o "$dir/export-$n.ics")
	kib[list,$n]=$(peak_kib "$caseload" --db "$db" --today $today list --format csv)
	kib[due_floor,$n]=$(peak_kib floor_sql "$db" "$src/tests/bench/floor-due.sql")
	if [ -x "$src/tests/bench/first-screen.sh" ] && command -v tmux >/dev/null; then
		read -r ms[screen,$n] kib[screen,$n] ms[screen_inside,$n] < <("$src/tests/bench/first-screen.sh" \
		    "$caseload" "$db" "$today" "$runs")
	fi
done

# Import at scale, once (not for each size): 100,000 rows into a new
# caseload and --dry-run of them against the largest caseload, and a
# handover of 10,000 young people into a new caseload, each beside the
# floor measured in the same run: the sqlite3 tool's own .import of the
# same CSV into a new file, and its copy of the handover file's tables.
# The runs alternate (floor, import, dry run, floor, import...) and each
# figure is the median of IMPORT_RUNS.  IMPORT_ROWS=0 leaves them out.
import_rows=${IMPORT_ROWS:-100000}
import_runs=${IMPORT_RUNS:-3}
if [ "$import_rows" -gt 0 ]; then
	big=$dir/sheet-$import_rows.csv
	[ -f "$big" ] || make_sheet "$import_rows" "$big"
	ho_n=$(( import_rows < 10000 ? import_rows : 10000 ))
	ho=$dir/handover-$ho_n.caseload
	if [ ! -f "$ho" ]; then
		echo "making a handover file of $ho_n young people..." >&2
		rm -f "$dir/handover-from.db"
		"$caseload" --db "$dir/handover-from.db" --today $today \
		    import "$big" >/dev/null 2>&1
		"$caseload" --db "$dir/handover-from.db" --today $today \
		    handover export $(seq 1 "$ho_n") -o "$ho" >/dev/null
	fi
	cat "$big" "$ho" >/dev/null
	import_big() { rm -f "$dir/import-big.db"*
		"$caseload" --db "$dir/import-big.db" --today $today import "$big"; }
	import_floor() { rm -f "$dir/import-floor.db"
		sqlite3 -batch "$dir/import-floor.db" ".import --csv $big t"; }
	handover_in() { rm -f "$dir/handover-in.db"*
		"$caseload" --db "$dir/handover-in.db" --today $today \
		    handover import "$ho"; }
	handover_floor() { rm -f "$dir/handover-floor.db"
		sqlite3 -batch "$dir/handover-floor.db" "ATTACH '$ho' AS h;
		    CREATE TABLE p AS SELECT * FROM h.people;
		    CREATE TABLE s AS SELECT * FROM h.status_changes;
		    CREATE TABLE c AS SELECT * FROM h.contacts;
		    CREATE TABLE l AS SELECT * FROM h.letters;
		    CREATE TABLE r AS SELECT * FROM h.reviews;"; }
	last_db=$dir/caseload-${sizes[${#sizes[@]} - 1]}.db
	big_dry() { "$caseload" --db "$last_db" --today $today \
	    import --dry-run "$big"; }
	# Each run of each, in turn (floor, import, floor, import...), so
	# that a busy machine slows them alike; then the median of each.
	declare -A big_times
	for ((i = 0; i < import_runs; i++)); do
		for k in big_floor:import_floor big_import:import_big \
		    big_dry:big_dry ho_floor:handover_floor ho_import:handover_in; do
			t0=$(now_ms)
			"${k#*:}" >/dev/null 2>&1
			t1=$(now_ms)
			big_times[${k%%:*}]+="$(( (t1 - t0) / 1000 )) "
		done
	done
	for k in big_floor big_import big_dry ho_floor ho_import; do
		ms[$k]=$(printf '%s\n' ${big_times[$k]} | sort -n | awk '{a[NR] = $1}
			END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
			      printf "%.1f\n", m / 1000 }')
	done
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }

echo
echo "caseload benchmark, $(date -u +%Y-%m-%d), median of $runs runs, $(nproc) CPUs"
printf '%-26s' "young people"
for n in "${sizes[@]}"; do printf '%24s' "$n"; done
echo
row() { # row LABEL KEY FLOOR_KEY
	printf '%-26s' "$1"
	for n in "${sizes[@]}"; do
		local v=${ms[$2,$n]:-}
		if [ -z "$v" ]; then printf '%24s' "-"; continue; fi
		if [ -n "$3" ]; then
			printf '%24s' "$v ms ($(ratio "$v" "${ms[$3,$n]}"))"
		else
			printf '%24s' "$v ms"
		fi
	done
	echo
}
row "process start (floor)" start ""
row "due --within 14" due due_floor
row "  sqlite3 same query" due_floor ""
row "export -o FILE" export export_floor
row "  sqlite3 same rows" export_floor ""
row "list --format csv" list list_floor
row "  sqlite3 same rows" list_floor ""
row "search /zzz (nobody)" search_none ""
row "search /zoe (many)" search_many ""
row "show REF (nobody matches)" show_ref ""
row "__complete show ng" complete ""
row "  show zzz (nobody)" complete_none ""
row "import --dry-run (1,000)" import_dry ""
row "import 1,000 into a new db" import_new ""
row "first screen" screen ""
row "  timed inside, no tmux" screen_inside ""
echo
printf '%-26s' "peak memory (MiB)"
for n in "${sizes[@]}"; do printf '%24s' ""; done
echo
for k in due export list screen due_floor; do
	label=$k
	[ "$k" = due_floor ] && label="sqlite3 due query"
	printf '%-26s' "  $label"
	for n in "${sizes[@]}"; do
		v=${kib[$k,$n]:-}
		if [ -z "$v" ]; then printf '%24s' "-"; else
			printf '%24s' "$(awk -v k="$v" 'BEGIN { printf "%.1f", k / 1024 }')"; fi
	done
	echo
done
if [ -n "${ms[big_import]:-}" ]; then
	echo
	echo "import at scale, median of $import_runs runs, ratio to the floor beside it:"
	big_row() { # big_row LABEL KEY FLOOR_KEY
		printf '  %-46s %12s  %s\n' "$1" "${ms[$2]} ms" \
		    "$( [ -n "$3" ] && ratio "${ms[$2]}" "${ms[$3]}")"
	}
	big_row "import $import_rows rows into a new db" big_import big_floor
	big_row "import --dry-run $import_rows rows (${sizes[${#sizes[@]} - 1]} here)" big_dry big_floor
	big_row "  sqlite3 .import --csv, same file, new db" big_floor ""
	big_row "handover import of $ho_n into a new db" ho_import ho_floor
	big_row "  sqlite3 copy of the handover's tables" ho_floor ""
fi
if [ ${#sizes[@]} -gt 1 ]; then
	first=${sizes[0]}
	last=${sizes[${#sizes[@]} - 1]}
	echo
	echo "growth from $first to $last young people ($(( last / first ))x as many):"
	for k in due export list screen; do
		[ -n "${ms[$k,$last]:-}" ] || continue
		printf '  %-22s %s\n' "$k" "$(ratio "${ms[$k,$last]}" "${ms[$k,$first]}")"
	done
fi
