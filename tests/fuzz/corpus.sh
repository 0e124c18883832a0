#!/bin/sh
# SPDX-License-Identifier: MIT
# Run each libFuzzer harness once over its seed corpus (a regression
# check); skipped unless caseload was configured with --enable-fuzzing.
top=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
build=${top_builddir:-.}
n=0
failed=0
for t in "$build"/tests/fuzz/fuzz-*; do
	[ -x "$t" ] || continue
	case $t in *.c|*.o) continue ;; esac
	name=${t##*/fuzz-}
	n=$((n + 1))
	if "$t" -runs=0 "$top/tests/fuzz/corpus/$name" >"$build/fuzz-$name-corpus.log" 2>&1; then
		echo "ok $n - fuzz-$name runs its seed corpus cleanly"
	else
		echo "not ok $n - fuzz-$name fails on its seed corpus"
		tail -30 "$build/fuzz-$name-corpus.log" | sed 's/^/# /'
		failed=1
	fi
done
if [ $n -eq 0 ]; then
	echo "1..0 # SKIP not configured with --enable-fuzzing"
	exit 0
fi
echo "1..$n"
exit $failed
