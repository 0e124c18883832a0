#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/targets.sh: where the files caseload writes on request go
# (export -o, backup, handover export -o, letters write), and what is
# left when caseload is stopped by a signal.
#
#   -o -            standard output
#   a device        written in place: it stays a device (as root only)
#   a FIFO          written in place: its reader gets the whole file
#   a socket        connected to and written
#   a symbolic link followed: the file it names is replaced whole, the
#                   link stays a link
#   a plain file    replaced whole (export), refused (backup, handover)
#
# Everything written is inside this test's own folder: devices are made
# there with mknod, never the machine's own.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

sqlite=${SQLITE3_BIN:-sqlite3}
root=0
[ "$(id -u)" = 0 ] && root=1

# The temporary files in a folder (not below it), of this caseload's
# naming (.NAME.caseload-tmp.XXXXXX) or an older one's (NAME.XXXXXX,
# .letter.XXXXXX), with SQLite's files beside them.
temporaries() {
	find "$@" -mindepth 1 -maxdepth 1 -regextype posix-extended \
	    \( -name '*.caseload-tmp.*' -o -name '.letter.*' \
	    -o -regex '.*/[^/]*\.[A-Za-z0-9]{6}(-journal|-wal|-shm)?' \) \
	    -print 2>/dev/null
}

# has_temporary DIR: is there one now?  Globs only, to be quick.
has_temporary() {
	for f in "$1"/.*.caseload-tmp.* "$1"/*.caseload-tmp.* "$1"/.letter.* \
	    "$1"/*.[A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9]; do
		[ -e "$f" ] && return 0
	done
	return 1
}

check_no_temporaries() {
	left=$(temporaries "$@")
	if [ -z "$left" ]; then
		ok "$it: no temporary file is left"
	else
		not_ok "$it: no temporary file is left"
		echo "$left" | sed 's/^/# left: /'
	fi
}

# The lines of a calendar without CR, DTSTAMP masked.
plain() {
	tr -d '\r' <"$1" | sed 's/^DTSTAMP:.*/DTSTAMP:(now)/'
}

# A whole calendar: begins and ends as one, with the fixture's 25 items.
whole_calendar() {
	[ "$(tr -d '\r' <"$1" | head -1)" = BEGIN:VCALENDAR ] &&
	    [ "$(tr -d '\r' <"$1" | tail -1)" = END:VCALENDAR ] &&
	    [ "$(grep -c '^UID:' "$1")" = 25 ]
}

# A sound copy of the fixture's caseload: a caseload database (marked
# "CSLD") that passes SQLite's check, with its 11 young people.
sound_backup() {
	[ "$("$sqlite" "$1" 'PRAGMA integrity_check')" = ok ] &&
	    [ "$("$sqlite" "$1" 'PRAGMA application_id')" = 1129532484 ] &&
	    [ "$("$sqlite" "$1" 'SELECT count(*) FROM people')" = 11 ]
}

# read_from FIFO FILE: a reader of the FIFO in the background (for at
# most 60 s), copying what it reads to FILE; $reader is its process.
read_from() {
	timeout 60 cat "$1" >"$2" &
	reader=$!
}

# done_reading FIFO: wait for the reader, or end it when caseload failed
# (it may never have opened the FIFO) or replaced the FIFO with a file.
done_reading() {
	[ -p "$1" ] && [ "$status" = 0 ] || kill "$reader" 2>/dev/null
	wait "$reader" 2>/dev/null
}

# ------------------------------------------------------------ export

it="export -o -"
run export -o -
check_status 0 "$it"
check_true "$it: the calendar goes to standard output" whole_calendar "$out"
check_out_lacks "Exported" "$it: with no message in it"

it="export -o DEVICE"
if [ $root = 1 ]; then
	mkdir "$TEST_DIR/dev"
	mknod "$TEST_DIR/dev/null" c 1 3
	run export -o "$TEST_DIR/dev/null"
	check_status 0 "$it"
	check_true "$it: it is still a character device" \
	    test -c "$TEST_DIR/dev/null"
	check_true "$it: of the same major and minor numbers (1, 3)" \
	    test "$(stat -c '%t %T' "$TEST_DIR/dev/null")" = "1 3"
	check_no_temporaries "$TEST_DIR/dev"
else
	skip "$it" "mknod needs root"
fi

it="export -o FIFO"
mkdir "$TEST_DIR/fifo"
mkfifo "$TEST_DIR/fifo/cal"
read_from "$TEST_DIR/fifo/cal" "$TEST_DIR/fifo.out"
status=0
timeout 60 "$CASELOAD" --db "$DB" --today "$TODAY" export \
    -o "$TEST_DIR/fifo/cal" >"$out" 2>"$err" || status=$?
done_reading "$TEST_DIR/fifo/cal"
check_status 0 "$it"
check_true "$it: its reader gets the whole calendar" \
	whole_calendar "$TEST_DIR/fifo.out"
check_true "$it: it is still a FIFO" test -p "$TEST_DIR/fifo/cal"
check_no_temporaries "$TEST_DIR/fifo"

it="export -o SOCKET"
if [ -x /usr/bin/python3 ]; then
	mkdir "$TEST_DIR/sock"
	/usr/bin/python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(60)
s.bind(sys.argv[1])
s.listen(1)
c, _ = s.accept()
with open(sys.argv[2], "wb") as f:
    while True:
        b = c.recv(65536)
        if not b:
            break
        f.write(b)
' "$TEST_DIR/sock/cal" "$TEST_DIR/sock.out" 2>/dev/null &
	listener=$!
	i=0
	while [ ! -S "$TEST_DIR/sock/cal" ] && [ $i -lt 600 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	run export -o "$TEST_DIR/sock/cal"
	[ -S "$TEST_DIR/sock/cal" ] || kill $listener 2>/dev/null
	wait $listener 2>/dev/null
	check_status 0 "$it"
	check_true "$it: the program listening gets the whole calendar" \
	    whole_calendar "$TEST_DIR/sock.out"
	check_true "$it: it is still a socket" test -S "$TEST_DIR/sock/cal"
	check_no_temporaries "$TEST_DIR/sock"
else
	skip "$it" "no /usr/bin/python3 to listen on a socket"
fi

it="export -o LINK"
mkdir "$TEST_DIR/home2" "$TEST_DIR/sync"
echo "an older calendar" >"$TEST_DIR/sync/cal.ics"
chmod 644 "$TEST_DIR/sync/cal.ics"
ln -s ../sync/cal.ics "$TEST_DIR/home2/caseload.ics"
inode=$(stat -c %i "$TEST_DIR/sync/cal.ics")
run export -o "$TEST_DIR/home2/caseload.ics"
check_status 0 "$it"
check_out "$it: says it exported to the link" <<EOF
Exported 25 items to $TEST_DIR/home2/caseload.ics.
EOF
check_true "$it: the link is still a link, to the same file" \
	test -L "$TEST_DIR/home2/caseload.ics" -a \
	    "$(readlink "$TEST_DIR/home2/caseload.ics")" = ../sync/cal.ics
check_true "$it: the file it names holds the whole calendar" \
	whole_calendar "$TEST_DIR/sync/cal.ics"
check_true "$it: that file was replaced whole (a new file), mode 0600" \
	test "$(stat -c %i "$TEST_DIR/sync/cal.ics")" != "$inode" -a \
	    "$(stat -c %a "$TEST_DIR/sync/cal.ics")" = 600
check_no_temporaries "$TEST_DIR/home2" "$TEST_DIR/sync"

it="export -o DANGLING-LINK"
ln -s ../sync/new.ics "$TEST_DIR/home2/new.ics"
run export -o "$TEST_DIR/home2/new.ics"
check_status 0 "$it"
check_true "$it: the file it names is made, mode 0600" \
	test -f "$TEST_DIR/sync/new.ics" -a \
	    "$(stat -c %a "$TEST_DIR/sync/new.ics")" = 600
check_true "$it: and the link stays a link" test -L "$TEST_DIR/home2/new.ics"
check_true "$it: the calendar is whole" whole_calendar "$TEST_DIR/sync/new.ics"

ln -s loop-b "$TEST_DIR/loop-a"
ln -s loop-a "$TEST_DIR/loop-b"
check_refused "export -o a loop of links" "symbolic links go round in a loop" \
	export -o "$TEST_DIR/loop-a"
check_true "... and the links are as they were" \
	test -L "$TEST_DIR/loop-a" -a -L "$TEST_DIR/loop-b"

# ------------------------------------------------- backup and handover

it="backup -"
run backup -
check_status 0 "$it"
check_true "$it: standard output has a sound backup" sound_backup "$out"
check_true "$it: and nothing else" test ! -s "$err"

# On a terminal the bytes of a database are no use: refused.
if command -v script >/dev/null 2>&1; then
	: >"$TEST_DIR/empty"
	for args in "backup -" "handover export 1 -o -"; do
		status=0
		script -qec "$CASELOAD --db $DB --today $TODAY $args" \
		    "$TEST_DIR/typescript" <"$TEST_DIR/empty" >"$TEST_DIR/script.out" 2>&1 ||
			status=$?
		check_status 2 "$args to a terminal is refused"
		check_true "... saying why" grep -q \
		    "standard output, which is a terminal here; give a file name" \
		    "$TEST_DIR/typescript"
	done
else
	skip "backup - to a terminal" "no script(1) to make one"
fi

it="handover export -o -"
run handover export 1 7 -o -
check_status 0 "$it"
cp "$out" "$TEST_DIR/stdout.handover"
check_err_has "Wrote the handover to standard output: 2 young people" \
	"$it: the summary goes to standard error"
status=0
"$CASELOAD" --db "$TEST_DIR/colleague.db" --today "$TODAY" handover import \
    "$TEST_DIR/stdout.handover" >"$out" 2>"$err" || status=$?
check_status 0 "$it: standard output has a handover another caseload imports"

for kind in backup handover; do
	if [ $kind = backup ]; then
		write() { run backup "$1"; }
	else
		write() { run handover export 1 7 -o "$1"; }
	fi

	it="$kind to a DEVICE"
	if [ $root = 1 ]; then
		run_dev=$TEST_DIR/dev-$kind
		mkdir "$run_dev"
		mknod "$run_dev/null" c 1 3
		write "$run_dev/null"
		check_status 0 "$it"
		check_true "$it: it is still the same character device" \
		    test -c "$run_dev/null" -a \
		    "$(stat -c '%t %T' "$run_dev/null")" = "1 3"
		check_no_temporaries "$run_dev" "$TEST_DIR"
	else
		skip "$it" "mknod needs root"
	fi

	it="$kind to a FIFO"
	mkdir "$TEST_DIR/fifo-$kind"
	mkfifo "$TEST_DIR/fifo-$kind/copy"
	read_from "$TEST_DIR/fifo-$kind/copy" "$TEST_DIR/fifo-$kind.out"
	write "$TEST_DIR/fifo-$kind/copy"
	done_reading "$TEST_DIR/fifo-$kind/copy"
	check_status 0 "$it"
	check_true "$it: it is still a FIFO" test -p "$TEST_DIR/fifo-$kind/copy"
	if [ $kind = backup ]; then
		check_true "$it: its reader gets a sound backup" \
		    sound_backup "$TEST_DIR/fifo-$kind.out"
	else
		check_true "$it: its reader gets a handover file" test \
		    "$("$sqlite" "$TEST_DIR/fifo-$kind.out" 'SELECT people FROM handover')" = 2
	fi
	check_no_temporaries "$TEST_DIR/fifo-$kind" "$TEST_DIR"

	it="$kind through a DANGLING-LINK"
	mkdir "$TEST_DIR/links-$kind" "$TEST_DIR/real-$kind"
	ln -s "../real-$kind/copy.db" "$TEST_DIR/links-$kind/copy.db"
	write "$TEST_DIR/links-$kind/copy.db"
	check_status 0 "$it"
	check_true "$it: the file it names is made, mode 0600" \
	    test -f "$TEST_DIR/real-$kind/copy.db" -a \
	    "$(stat -c %a "$TEST_DIR/real-$kind/copy.db")" = 600
	check_true "$it: and the link stays a link" \
	    test -L "$TEST_DIR/links-$kind/copy.db"
	check_no_temporaries "$TEST_DIR/links-$kind" "$TEST_DIR/real-$kind"

	sum=$(cksum <"$TEST_DIR/real-$kind/copy.db")
	if [ $kind = backup ]; then
		check_refused "$kind through a link to a file that exists" \
		    "already exists; give a new file name" \
		    backup "$TEST_DIR/links-$kind/copy.db"
	else
		check_refused "$kind through a link to a file that exists" \
		    "already exists; give a new file name" \
		    handover export 1 -o "$TEST_DIR/links-$kind/copy.db"
	fi
	check_true "... which is left as it was" test \
	    "$(cksum <"$TEST_DIR/real-$kind/copy.db")" = "$sum" -a \
	    -L "$TEST_DIR/links-$kind/copy.db"
done
check_refused "backup into a folder" "is a folder; give a file name" \
	backup "$TEST_DIR/sync"

# ------------------------------------------------ stale temporaries

# Files in the data folder (the database's folder and backups/): only
# caseload's own temporaries, plain files of this user's, unchanged for
# an hour, are removed on start.
stale=$TEST_DIR/stale
mkdir -p "$stale/backups"
cp "$DB" "$stale/caseload.db"
old() {
	: >"$1"
	touch -d '2 hours ago' "$1"
}
old "$stale/.caseload.db.caseload-tmp.Ab12Cd"
old "$stale/.caseload.db.caseload-tmp.Ab12Cd-journal"
old "$stale/.cal.ics.caseload-tmp.Zz09aB"
old "$stale/backups/.caseload-2026-11-26.db.caseload-tmp.Qw12Er"
old "$stale/backups/.caseload-2026-11-26.db.caseload-tmp.Qw12Er-wal"
# Not caseload's, or not surely stale: all stay.
: >"$stale/.caseload.db.caseload-tmp.New123"
old "$stale/.caseload.db.caseload-tmp.Ab12C"
old "$stale/caseload.db.caseload-tmp.Ab12Cd"
old "$stale/.caseload.db.caseload-tmp.Ab12Cd.txt"
old "$stale/.caseload.db.caseload-tmp.Ab-2Cd"
old "$stale/.caseload-tmp.Ab12Cd"
old "$stale/caseload.db.Ab12Cd"
old "$stale/notes.caseload-tmp"
old "$stale/backups/caseload-2026-11-26.db.Qw12Er"
old "$stale/target"
ln -s target "$stale/.link.caseload-tmp.Lnk123"
mkdir "$stale/.folder.caseload-tmp.Dir123"
keep=".caseload.db.caseload-tmp.New123 .caseload.db.caseload-tmp.Ab12C
caseload.db.caseload-tmp.Ab12Cd .caseload.db.caseload-tmp.Ab12Cd.txt
.caseload.db.caseload-tmp.Ab-2Cd .caseload-tmp.Ab12Cd caseload.db.Ab12Cd
notes.caseload-tmp backups/caseload-2026-11-26.db.Qw12Er
.link.caseload-tmp.Lnk123 .folder.caseload-tmp.Dir123"
if [ $root = 1 ]; then
	old "$stale/.someone.caseload-tmp.Else12"
	chown 65534 "$stale/.someone.caseload-tmp.Else12"
	keep="$keep .someone.caseload-tmp.Else12"
fi
status=0
"$CASELOAD" --db "$stale/caseload.db" --today "$TODAY" due >"$out" 2>"$err" ||
	status=$?
check_status 0 "a start with stale temporaries in the data folder"
for f in .caseload.db.caseload-tmp.Ab12Cd .caseload.db.caseload-tmp.Ab12Cd-journal \
    .cal.ics.caseload-tmp.Zz09aB \
    backups/.caseload-2026-11-26.db.caseload-tmp.Qw12Er \
    backups/.caseload-2026-11-26.db.caseload-tmp.Qw12Er-wal; do
	check_true "removes the stale temporary $f" test ! -e "$stale/$f"
done
for f in $keep; do
	check_true "leaves $f alone" test -e "$stale/$f" -o -L "$stale/$f"
done

# --------------------------------------------------------- signals

# A caseload big enough to stop halfway: 3,000 young people, 100 of
# them stepped down with an annual letter overdue.
big=$TEST_DIR/big
letters=100
mkdir "$big"
awk 'BEGIN {
	print "name,dob,address,allocated_on,status,stepped_down_on,last_contact"
	for (i = 1; i <= 3000; i++)
		printf "Young Person %d,%04d-%02d-%02d,\"%d Long Street\nSome Town\nAB%d %dCD\",2023-01-01,%s,%s,2024-05-%02d\n",
		    i, 2003 + i % 3, 1 + i % 12, 1 + i % 28, i, i % 99, i % 9,
		    i % 30 ? "stepped up" : "stepped down",
		    i % 30 ? "" : "2024-06-01", 1 + i % 28
}' >"$big/people.csv"
printf '[backup]\nkeep = 0\n' >"$big/no-backup.ini"
printf '[backup]\nkeep = 14\n' >"$big/backup.ini"
"$CASELOAD" --db "$big/caseload.db" --config "$big/no-backup.ini" \
    --today "$TODAY" import "$big/people.csv" >/dev/null 2>&1 ||
	echo "Bail out! cannot import the big caseload"

# alive PID: running, or stopped, but not yet a zombie.
alive() {
	state=
	read -r _ _ state _ <"/proc/$1/stat" 2>/dev/null || return 1
	[ "$state" != Z ]
}

# ready: true once a file matches the pattern $after (always, if unset).
ready() {
	[ -z "$after" ] && return 0
	for f in $after; do
		[ -e "$f" ] && return 0
	done
	return 1
}

# interrupt SIG WATCH CMD...: run CMD in the background a few
# milliseconds at a time (SIGSTOP, SIGCONT) until a temporary file is in
# the folder WATCH (and ready), then send it SIG there.  Sets $status to
# its exit status and $caught to 1 when the signal came with a temporary
# file there.
interrupt() {
	sig=$1
	watch=$2
	shift 2
	caught=0
	# A shell's background job ignores SIGINT: caseload gets the default.
	env --default-signal=HUP,INT,TERM "$@" >"$out" 2>"$err" &
	pid=$!
	kill -STOP $pid 2>/dev/null
	while alive $pid; do
		if has_temporary "$watch" && ready; then
			caught=1
			kill -"$sig" $pid
			kill -CONT $pid
			break
		fi
		kill -CONT $pid 2>/dev/null
		sleep 0.002
		kill -STOP $pid 2>/dev/null
	done
	status=0
	wait $pid || status=$?
}

# check_interrupted SIG WATCH CMD...: interrupt as above (after prepare),
# up to five times until a temporary file is caught; then check that the
# signal ended caseload and that no temporary file was left.  $it says
# what was interrupted.
check_interrupted() {
	sig=$1
	tries=0
	caught=0
	while [ $caught = 0 ] && [ $tries -lt 5 ]; do
		tries=$((tries + 1))
		prepare
		interrupt "$@"
	done
	case $sig in
	HUP) want=129 ;;
	INT) want=130 ;;
	TERM) want=143 ;;
	esac
	if [ $caught = 1 ]; then
		check_status $want "$it: SIG$sig with a temporary file there ends it by the signal"
		check_no_temporaries "$2" "$big"
	else
		not_ok "$it: SIG$sig: no temporary file was seen in $tries tries"
		diag_last_run
	fi
}

run_letters() {
	status=0
	$big_run letters write "$1" >"$out" 2>"$err" || status=$?
}

if env --default-signal=INT true 2>/dev/null; then
	big_run="$CASELOAD --db $big/caseload.db --config $big/no-backup.ini --today $TODAY"
	run_letters "$big/letters-all"
	after=
	for sig in TERM INT HUP; do
		it="export -o FILE"
		prepare() { rm -rf "$big/ics"; mkdir "$big/ics"; }
		check_interrupted $sig "$big/ics" $big_run export --days 3660 \
		    -o "$big/ics/caseload.ics"
		check_true "$it: no calendar either" test ! -e "$big/ics/caseload.ics"

		it="backup FILE"
		prepare() { rm -rf "$big/copy"; mkdir "$big/copy"; }
		check_interrupted $sig "$big/copy" $big_run backup "$big/copy/copy.db"
		check_true "$it: no backup either" test ! -e "$big/copy/copy.db"

		it="handover export"
		check_interrupted $sig "$big/copy" $big_run handover export \
		    $(seq 1 1500) -o "$big/copy/people.handover"
		check_true "$it: no handover either" \
		    test ! -e "$big/copy/people.handover"

		# The first command of the day that writes makes it, by the
		# clock (never with --today).
		it="the daily backup"
		prepare() { rm -rf "$big/backups"; }
		check_interrupted $sig "$big/backups" "$CASELOAD" \
		    --db "$big/caseload.db" --config "$big/backup.ini" \
		    contact 1 --attempted
		check_true "$it: no backup either" \
		    test ! -e "$big/backups/caseload-$(date +%Y-%m-%d).db"

		# Stopped once some letters are written, then run again.
		it="letters write"
		dir=$big/letters-$sig
		prepare() { rm -rf "$dir"; }
		after="$dir/*.txt"
		check_interrupted $sig "$dir" $big_run letters write "$dir"
		after=
		n=$(ls "$dir" | wc -l)
		check_true "$it: stopped halfway ($n of $letters letters written)" \
		    test "$n" -gt 0 -a "$n" -lt $letters
		run_letters "$dir"
		check_status 0 "$it: run again after SIG$sig, it completes the set"
		missing=$((letters - n))
		word=letters
		[ $missing = 1 ] && word=letter
		check_out_has "Wrote $missing $word to $dir:" \
		    "$it: writing the $missing that were missing"
		check_out_has "in $dir already, word for word, from an earlier run:" \
		    "$it: and saying which were there"
		check_true "$it: the set is the one a whole run writes" \
		    diff -r "$big/letters-all" "$dir"
		check_no_temporaries "$dir"
	done
else
	skip "signals" "env cannot give caseload the default action of SIGINT"
fi

done_testing
