#!/bin/sh
# SPDX-License-Identifier: MIT
# Print "N passed, N failed" from the test-suite log of a build folder, and
# fail when any test failed or when no test ran at all.
dir=${1:-.}
log=$dir/test-suite.log
if [ ! -f "$log" ]; then
	echo "tests/summary.sh: no $log: the tests did not run" >&2
	echo "0 passed, 0 failed"
	exit 1
fi
awk '
/^# (PASS|FAIL|ERROR|XPASS|SKIP|XFAIL):/ { n[$2] = $3 }
END {
	failed = n["FAIL:"] + n["ERROR:"] + n["XPASS:"]
	printf "%d passed, %d failed\n", n["PASS:"], failed
	exit (failed > 0 || n["PASS:"] == 0) ? 1 : 0
}' "$log"
