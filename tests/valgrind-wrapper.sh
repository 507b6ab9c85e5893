#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# valgrind-wrapper.sh - runs wardsafe under valgrind for `make
# check-valgrind`; any memory error or definite leak makes the command exit
# 99, which the tests see as a wrong exit status.
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--suppressions="$(dirname "$0")/valgrind.supp" "$WARDSAFE_REAL_BIN" "$@"
