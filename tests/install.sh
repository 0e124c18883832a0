#!/bin/sh
# SPDX-License-Identifier: MIT
# make install puts what users look for where they look (the program,
# both manual pages, the letter template, the README, the licence and an
# example caseload.ini that caseload reads back), and make uninstall takes
# it all away again with caseload's own folders.  Runs make in the build
# folder with a DESTDIR in the test's temporary folder.  TAP.
. "$(dirname "$0")/lib.sh"

: "${top_builddir:?top_builddir must name the build folder}"
: "${MAKE:=make}"
dest=$TEST_DIR/dest

# The sub-make is not part of the harness's job server.
if ! (cd "$top_builddir" && MAKEFLAGS= MFLAGS= $MAKE -s install \
    DESTDIR="$dest") >"$out" 2>"$err"; then
	not_ok "make install DESTDIR=... failed"
	sed 's/^/# /' "$err"
	done_testing
	exit
fi
ok "make install DESTDIR=... succeeds"

# Each file once, wherever the prefix put it.
find "$dest" -type f | sed "s|^$dest||" | sort >"$out"
sed 's/^/# installed: /' "$out"
for leaf in /bin/caseload /man1/caseload.1 /man5/caseload.ini.5 \
    /caseload/letter.txt /doc/caseload/README /doc/caseload/LICENSE \
    /doc/caseload/caseload.ini; do
	if grep -q "$leaf\$" "$out"; then
		ok "installs ...$leaf"
	else
		not_ok "does not install ...$leaf"
	fi
done
bin=$dest$(grep '/bin/caseload$' "$out")
man1=$dest$(grep '/man1/caseload.1$' "$out")
example=$dest$(grep '/doc/caseload/caseload.ini$' "$out")

# The installed manual names the letter template where it was installed.
template=$(sed -n '/^\.SH FILES/,/^\.SH /s|^\.IR* \(/.*/letter\.txt\).*|\1|p' \
    "$man1")
if [ -n "$template" ] && [ -f "$dest$template" ]; then
	ok "caseload(1) names the installed template, $template"
else
	not_ok "caseload(1) names '$template', which was not installed"
fi

# The example is the defaults, commented, and caseload reads it back.
if grep -q '^# caseload.ini' "$example" && grep -q '^interval_weeks = 8$' \
    "$example"; then
	ok "the example caseload.ini is commented and shows the defaults"
else
	not_ok "the example caseload.ini is not the commented defaults"
fi
if "$bin" --config "$example" --print-config >"$out" 2>"$err" &&
    [ ! -s "$err" ] && sed '1,/^$/d' "$example" | cmp -s - "$out"; then
	ok "caseload reads the example back, to the same settings"
else
	not_ok "caseload does not read the example back"
	sed 's/^/# /' "$err"
fi

if (cd "$top_builddir" && MAKEFLAGS= MFLAGS= $MAKE -s uninstall \
    DESTDIR="$dest") >"$out" 2>"$err"; then
	ok "make uninstall DESTDIR=... succeeds"
else
	not_ok "make uninstall DESTDIR=... failed"
	sed 's/^/# /' "$err"
fi
# Any file, or a folder named for caseload that is not one of the
# prefix's own folders (make distcheck's prefix has caseload in its name).
prefix=$(sed -n 's/^prefix = //p' "$top_builddir/Makefile")
find "$dest" \( -type f -o -name '*caseload*' \) | sed "s|^$dest||" |
while IFS= read -r left; do
	case $prefix/ in
	"$left"/*) ;;
	*) printf '%s\n' "$left" ;;
	esac
done >"$out"
if [ -s "$out" ]; then
	not_ok "make uninstall leaves caseload's files or folders"
	sed 's/^/# left: /' "$out"
else
	ok "make uninstall leaves no caseload file or folder"
fi
done_testing
