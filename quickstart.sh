#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# wardsafe quick start for a fresh Debian 12 machine (run as root, or with sudo available).
#
#   ./quickstart.sh          install what is missing, build, start on a demo database
#   ./quickstart.sh check    install what is missing, build, run the whole test suite
#
# The demo database lives inside the build tree (demo/wardsafe-demo.db), never in
# your real data location.
set -eu

mode=${1:-run}
case "$mode" in
  run|check) ;;
  *) echo "usage: $0 [check]" >&2; exit 2 ;;
esac

top=$(cd "$(dirname "$0")" && pwd)
cd "$top"

# Debian packages needed to build and test.
packages="gcc make libc6-dev autoconf automake autopoint gettext pkg-config
libncurses-dev libsqlite3-dev libiniparser-dev libutf8proc-dev libxlsxwriter-dev sqlite3 groff-base locales time
libzip-dev libvterm-dev fonts-liberation fonts-liberation2 libpango1.0-dev libcairo2-dev poppler-utils
clang libclang-rt-14-dev datefudge po4a mandoc"
# Only for `check`: the tests open the DOCX and XLSX files in a real office
# program (LibreOffice Writer and Calc).
test_packages="libreoffice-writer-nogui libreoffice-calc-nogui"
if [ "$mode" = check ]; then packages="$packages $test_packages"; fi

missing=
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    missing="$missing $p"
  fi
done
if [ -n "$missing" ]; then
  echo "quickstart: installing missing Debian packages:$missing"
  if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
else
  echo "quickstart: all required Debian packages are installed"
fi

want_flags="--enable-werror"
if [ ! -x configure ] || [ configure.ac -nt configure ] || [ Makefile.am -nt configure ]; then
  echo "quickstart: autoreconf"
  autoreconf -fi
fi
if [ ! -f config.status ] || ! ./config.status --config | grep -q -- "$want_flags" \
   || [ configure -nt config.status ]; then
  echo "quickstart: configure $want_flags"
  ./configure $want_flags
fi
jobs=$(nproc 2>/dev/null || echo 2)
make -j"$jobs"

if [ "$mode" = check ]; then
  make -j"$jobs" check
  # and again with the clock moved to 2029 and to a year end (datefudge)
  make -j"$jobs" check-dates
  exit $?
fi

demo="$top/demo/wardsafe-demo.db"
if [ ! -f "$demo" ]; then
  mkdir -p "$top/demo"
  echo "quickstart: creating the demo database $demo"
  WARDSAFE_DATADIR="$top/data" ./src/wardsafe --db "$demo" demo
fi
# The screens on the demo ward (its figures are for 2022-2023: press p and
# type 2023-Q3 for the quarter of the article).  Without a terminal, print
# that quarter's summary instead.
export WARDSAFE_DATADIR="$top/data" WARDSAFE_LOCALEDIR="$top/po/locale"
if [ -t 0 ] && [ -t 1 ]; then
  echo "quickstart: starting wardsafe on $demo (F1: help, p: period, q: quit)"
  exec ./src/wardsafe --db "$demo"
fi
exec ./src/wardsafe --db "$demo" summary --period 2023-Q3
