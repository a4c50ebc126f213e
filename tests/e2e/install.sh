#!/bin/sh
# tests/e2e/install.sh — `make install` honours PREFIX and DESTDIR and installs the
# binary and the man page; the installed binary runs. Only in the release pass (the
# sanitizer pass has nothing new to show here).
. "$(dirname "$0")/lib.sh"
if [ "${TRACE_BUILD_LABEL:-release}" != release ]; then
    finish install
    exit $?
fi
dest=$T_TMP/dest
expect_status 0 "make install" -- make --no-print-directory install PREFIX=/opt/ts DESTDIR="$dest"
[ -x "$dest/opt/ts/bin/trace" ] && pass || fail "binary installed under DESTDIR/PREFIX/bin"
[ -f "$dest/opt/ts/share/man/man1/trace.1" ] && pass || fail "man page installed under share/man/man1"
expect_status 0 "installed trace runs" -- "$dest/opt/ts/bin/trace" --version
expect_status 0 "make uninstall" -- make --no-print-directory uninstall PREFIX=/opt/ts DESTDIR="$dest"
[ ! -e "$dest/opt/ts/bin/trace" ] && pass || fail "uninstall removes the binary"
finish install
