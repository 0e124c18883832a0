#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/complete-zsh.sh: the zsh completion (data/completion/_caseload)
# run by zsh with zsh's completion functions stood in for by ones that
# print what they were given.  Skipped when zsh is not installed.
. "${top_srcdir:-.}/tests/lib.sh"

command -v zsh >/dev/null 2>&1 || { echo "1..0 # SKIP zsh is not installed"; exit 0; }

script=$top_srcdir/data/completion/_caseload
PATH=$(dirname "$CASELOAD"):$PATH
export PATH

# zsh_complete WORDS...: what _caseload asks zsh to offer for those words.
zsh_complete() {
	zsh -f -c '
		script=$1
		shift
		_describe() { print -r -- "_describe $*"; print -rl -- ${(P)4} }
		compadd() { print -r -- "compadd $*"; print -rl -- ${(P)2} }
		_files() { print -r -- _files }
		words=("$@")
		CURRENT=$#
		source $script' zsh "$script" "$@" >"$out" 2>"$err"
	status=$?
}

check_true "the script is zsh" zsh -n "$script"
check_true "it says which command it completes" \
	test "$(head -1 "$script")" = "#compdef caseload"

run add --name "Jo Bloggs" --dob 2005-03-01
run add --name "Nguyễn Thị Hà" --dob 2006-07-12
CASELOAD_DB=$DB
export CASELOAD_DB

zsh_complete caseload sh
check_out "caseload sh" <<'OUT'
compadd -a plain
show
OUT
zsh_complete caseload show ng
check_out "caseload show ng: Nguyễn's number, described by her name" <<'OUT'
_describe -t people young person people -U
2:Nguyễn Thị Hà
OUT
zsh_complete caseload due --format ""
check_out "caseload due --format" <<'OUT'
compadd -a plain
text
csv
json
OUT
zsh_complete caseload import ""
check_out "a file: zsh completes files" <<'OUT'
_files
OUT
check_true "nothing on standard error" test ! -s "$err"

done_testing
