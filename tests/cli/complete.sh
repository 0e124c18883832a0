#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/complete.sh: shell completion: the hidden "caseload __complete"
# (commands, options, their values, young people by number and name,
# quiet and read-only), every option a command accepts offered, and the
# bash script (data/completion/caseload) in a bash subshell, with and
# without bash-completion.
. "${top_srcdir:-.}/tests/lib.sh"

script=$top_srcdir/data/completion/caseload

# complete WORDS...: caseload __complete, as the shells call it.
complete() {
	run_raw __complete "$@"
}

# --- with no database: nothing, silently, and nothing made
complete show ng
check_status 0 "no database: exit 0"
check_out "no database: no young people" </dev/null
check_true "no database: nothing on standard error" test ! -s "$err"
check_true "no database: the default one is not made" \
	test ! -e "$HOME/.local/share/caseload"
complete --db "$TEST_DIR/none.db" show ""
check_out "no database at --db: nothing" </dev/null
check_true "no database at --db: none made" test ! -e "$TEST_DIR/none.db"
complete --db "$TEST_DIR/no/such/folder/x.db" show ""
check_status 0 "a database in no folder: exit 0"
check_true "... and nothing said" test ! -s "$err"
printf 'not a database\n' >"$TEST_DIR/text.db"
complete --db "$TEST_DIR/text.db" show ""
check_status 0 "a file that is not a database: exit 0"
check_true "... and nothing said" test ! -s "$err"
complete
check_status 0 "no words at all: exit 0"

# --- commands, options and their values
complete sh
check_out "a command" <<'EOF'
show
EOF
complete st
check_out "commands that start alike" <<'EOF'
strike
step-down
step-up
stats
EOF
complete --db "$DB" --today "$TODAY" --demo h
check_out "a command after the global options" <<'EOF'
handover
help
EOF
complete --d
check_out "global options" <<'EOF'
--db
--demo
EOF
complete help d
check_out "help takes a command" <<'EOF'
due
EOF
complete contact 1 --
check_out "a command's options" <<'EOF'
--date
--method
--by
--attempted
--note
--place
--seen-alone
--agreed
--who
--due
--help
EOF
complete due --format ""
check_out "--format of due" <<'EOF'
text
csv
json
EOF
complete stats --format ""
check_out "--format of stats: no csv" <<'EOF'
text
json
EOF
complete contact 1 --method ""
check_out "--method: the contact methods" <<'EOF'
visit
phone
video
text
email
letter
group
other
EOF
complete add --last-contact-method v
check_out "--last-contact-method: the contact methods" <<'EOF'
visit
video
EOF
complete contact 1 --by ""
check_out "--by" <<'EOF'
worker
young-person
EOF
complete flag 1 --kind ""
check_out "flag --kind: the kinds of safety flag" <<'EOF'
do-not-visit-alone
marac
domestic-abuse
exploitation
missing
custody
other
EOF
complete flag 1 --kind m
check_out "flag --kind m" <<'EOF'
marac
missing
EOF
complete contact 1 --place ""
check_out "contact --place: the places" <<'EOF'
home
office
college
community
online
EOF
complete contact 1 --seen-alone ""
check_out "contact --seen-alone: the answers" <<'EOF'
yes
no
unknown
EOF
complete export --privacy ""
check_out "--privacy" <<'EOF'
full
initials
EOF
complete letters ""
check_out "the parts of letters" <<'EOF'
write
sent
EOF
complete handover ""
check_out "the parts of handover" <<'EOF'
export
import
EOF
complete letters write --
check_out "the options of a part" <<'EOF'
--within
--help
EOF
complete contact 1 --note ""
check_out "free text: nothing" </dev/null
for words in "import ''" "backup ''" "restore ''" "export -o ''" \
    "export --output ''" "handover import ''" "letters write ''" \
    "handover export 1 -o ''" "--db ''" "--config ''"; do
	eval "complete $words"
	check_out "a file is the shell's to complete: $words" </dev/null
done

# --- young people
run add --name "Jo Bloggs" --dob 2005-03-01
run add --name "Nguyễn Thị Hà" --dob 2006-07-12
run add --name "Aisha Khan" --dob 2004-01-20
for i in 4 5 6 7 8 9 10 11; do
	run add --name "Person Number$i" --dob 2005-05-05
done
run archive 11 --reason "moved away"
snapshot
complete --db "$DB" show ng
check_out "a part of a name gives that person's number, named" <<'EOF'
2	Nguyễn Thị Hà
EOF
complete --db "$DB" show NGUYEN
check_out "accents and case do not matter" <<'EOF'
2	Nguyễn Thị Hà
EOF
complete --db "$DB" show 1
check_out "a number's start, archived people last" <<'EOF'
1	Jo Bloggs
10	Person Number10
11	Person Number11
EOF
complete --db="$DB" contact --method phone -- a
check_out "--db=FILE, after an option's value and --" <<'EOF'
2	Nguyễn Thị Hà
3	Aisha Khan
EOF
CASELOAD_DB=$DB
export CASELOAD_DB
complete letters sent ai
check_out "CASELOAD_DB, and REF of letters sent" <<'EOF'
3	Aisha Khan
EOF
complete handover export 1 kh
check_out "handover export takes several" <<'EOF'
3	Aisha Khan
EOF
complete strike 1 ""
check_out "strike's second operand is not a young person" </dev/null
complete show zzz
check_out "a name that matches nobody: nothing" </dev/null
unset CASELOAD_DB
check_unchanged "completing never writes to the database"
check_true "no backup is made" test ! -e "$TEST_DIR/backups"
mkdir "$TEST_DIR/tmp"
TMPDIR=$TEST_DIR/tmp run_raw __complete --demo show nguy
check_out "--demo: the demo's young people" <<'EOF'
4	Nguyễn Thị Hà
EOF
check_true "--demo leaves nothing behind" test -z "$(ls -A "$TEST_DIR/tmp")"

# --- every option a command accepts is offered, and only those
# All the long options the command line's files know, and each command
# (and part) asked about each one: "is not an option of" means no.
cat >"$TEST_DIR/print.ini" <<'EOF'
[letters]
print_command = cat
EOF
options=$(sed -n 's/.*{ "\([a-z-]*\)", *[a-z_]*_argument.*/--\1/p' \
	"$top_srcdir"/src/cli/*.c | sort -u)
# (handover takes its part first: export or import.)
keys=$("$CASELOAD" __complete "" | grep -v '^help$' | grep -v '^handover$')
keys="$keys
letters write
letters sent
handover export
handover import"
drift=
printf '%s\n' "$keys" >"$TEST_DIR/keys"
while IFS= read -r key; do
	offered=$("$CASELOAD" __complete $key - | grep -v '^--help$' | sort)
	accepted=
	for o in $options $offered; do
		# getopt_long takes the start of a name: --all for --allocated.
		case " $(echo $offered) " in
		*" $o "*) ;;
		*" $o"[a-z-]*) continue ;;
		esac
		"$CASELOAD" --db "$TEST_DIR/drift.db" --today "$TODAY" \
		    --config "$TEST_DIR/print.ini" $key "$o" \
		    >/dev/null 2>"$TEST_DIR/drift.err" </dev/null || true
		grep -q "is not an option of" "$TEST_DIR/drift.err" ||
			accepted="$accepted
$o"
	done
	accepted=$(printf '%s\n' "$accepted" | sed '/^$/d' | sort -u)
	if [ "$offered" != "$accepted" ]; then
		drift="$drift
$key: offered: $(echo $offered); accepted: $(echo $accepted)"
	fi
done <"$TEST_DIR/keys"
if [ -z "$drift" ]; then
	ok "every option each command accepts is offered, and no other"
else
	not_ok "every option each command accepts is offered, and no other"
	printf '%s\n' "$drift" | sed 's/^/# /'
fi

# --- the bash script, in a bash subshell
if ! command -v bash >/dev/null 2>&1; then
	skip "bash completion" "no bash"
	done_testing
fi
PATH=$(dirname "$CASELOAD"):$PATH
export PATH
# bash_complete [BASH_COMPLETION] WORDS...: COMPREPLY for those words.
bash_complete() {
	lib=$1
	shift
	bash -c '
		lib=$1 script=$2
		shift 2
		[ -z "$lib" ] || . "$lib"
		. "$script"
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		_caseload caseload "${COMP_WORDS[COMP_CWORD]}" \
		    "${COMP_WORDS[COMP_CWORD - 1]}"
		[ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"
		complete -p caseload >&2' bash "$lib" "$script" "$@" \
	    >"$out" 2>"$err"
	status=$?
}
libs=none
if [ -f /usr/share/bash-completion/bash_completion ]; then
	libs="$libs /usr/share/bash-completion/bash_completion"
else
	skip "bash completion with bash-completion" "bash-completion is not installed"
fi
CASELOAD_DB=$DB
export CASELOAD_DB
for lib in $libs; do
	[ "$lib" = none ] && lib= && with="on its own" ||
		with="with bash-completion"
	bash_complete "$lib" caseload sh
	check_out "bash $with: caseload sh" <<'EOF'
show
EOF
	check_err_has "complete -o bashdefault -o default -F _caseload caseload" \
	    "bash $with: files when it offers nothing"
	bash_complete "$lib" caseload show ng
	check_out "bash $with: caseload show ng gives Nguyễn's number" <<'EOF'
2
EOF
	bash_complete "$lib" caseload --db "$DB" show "Thị"
	check_out "bash $with: --db, and a part of a name with an accent" <<'EOF'
2
EOF
	cp "$DB" "$HOME/other.db"
	bash_complete "$lib" caseload --db "~/other.db" show ng
	check_out "bash $with: --db ~/FILE is in the home folder" <<'EOF'
2
EOF
	rm -f "$HOME/other.db"
	# Numbers 10 and 11 share "1": bash would put that in for "number1".
	bash_complete "$lib" caseload show number1
	check_out "bash $with: a part several names share keeps what was typed" <<'EOF'
number1
10 Person Number10
11 Person Number11
EOF
	bash_complete "$lib" caseload show 1
	check_out "bash $with: a number's start stays a list of numbers" <<'EOF'
1
10
11
EOF
	bash_complete "$lib" caseload due --format ""
	check_out "bash $with: caseload due --format" <<'EOF'
text
csv
json
EOF
	bash_complete "$lib" caseload contact 1 --method ""
	check_out "bash $with: caseload contact 1 --method" <<'EOF'
visit
phone
video
text
email
letter
group
other
EOF
	bash_complete "$lib" caseload import ""
	check_out "bash $with: a file: nothing, for bash to complete" </dev/null
done
unset CASELOAD_DB

done_testing
