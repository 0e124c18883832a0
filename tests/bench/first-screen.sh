#!/bin/bash
# SPDX-License-Identifier: MIT
# tests/bench/first-screen.sh CASELOAD DB TODAY RUNS
#
# Time from starting the full-screen interface to its first complete
# screen (the key line at the bottom is drawn last), driven in tmux at
# 100x30.  Prints on one line: the median of RUNS starts as tmux sees it,
# in milliseconds (tmux itself adds some 25-30 ms); the peak resident
# memory of one session that goes to the end of the list and back (quit
# with q), in KiB; and the median of the same starts as caseload times
# them itself (CASELOAD_FIRST_SCREEN_FILE: from the start of main to the
# first complete screen, without tmux), in milliseconds.
set -euo pipefail
caseload=$1 db=$2 today=$3 runs=${4:-5}
dir=$(mktemp -d)
trap 'tmux -S "$dir/sock" kill-server 2>/dev/null || true; rm -rf "$dir"' EXIT

one() { # one FILE [WRAPPER...]: milliseconds to the first screen
	local t0 t1 file=$1
	shift
	tmux -S "$dir/sock" kill-server 2>/dev/null || true
	t0=$(date +%s%N)
	tmux -S "$dir/sock" -f /dev/null new-session -d -x 100 -y 30 \
	    "env LANG=C.UTF-8 TERM=screen CASELOAD_FIRST_SCREEN_FILE=$file $* $caseload --db $db --today $today; echo \$? >$dir/rc"
	until tmux -S "$dir/sock" capture-pane -p 2>/dev/null | grep -q 'q quit'; do
		sleep 0.002
		if [ $(( ($(date +%s%N) - t0) / 1000000 )) -gt 20000 ]; then
			echo "first-screen: no screen after 20 s" >&2
			return 1
		fi
	done
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000 ))
}

median() { # the median of the numbers on standard input
	sort -n | awk '{a[NR] = $1}
	    END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
	          printf "%.1f", m }'
}

times=()
for ((i = 0; i < runs; i++)); do
	times+=("$(one "$dir/inside.$i")")
	for ((k = 0; k < 100; k++)); do [ -s "$dir/inside.$i" ] && break; sleep 0.01; done
	tmux -S "$dir/sock" send-keys q
	sleep 0.2
done
outside=$(printf '%s\n' "${times[@]}" | awk '{ print $1 / 1000 }' | median)
inside=-
if ls "$dir"/inside.* >/dev/null 2>&1; then
	inside=$(cat "$dir"/inside.* | median)
fi

# Peak memory of a session that scrolls to the end and back, then quits.
one "$dir/mem.inside" /usr/bin/time -f %M -o "$dir/mem" >/dev/null
tmux -S "$dir/sock" send-keys End
sleep 0.3
tmux -S "$dir/sock" send-keys Home
sleep 0.3
tmux -S "$dir/sock" send-keys q
for ((i = 0; i < 100; i++)); do [ -s "$dir/mem" ] && break; sleep 0.05; done
echo "$outside $(tail -1 "$dir/mem" 2>/dev/null || echo -) $inside"
