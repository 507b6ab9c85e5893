/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz.h - what every fuzz target in tests/fuzz shares: libFuzzer's entry
 * point, called by libFuzzer (make fuzz) or by run-corpus.c over a corpus
 * (make check), and a check that stops the program when a property of the
 * code under test does not hold, so that both report it as a crash. */
#ifndef WS_FUZZ_H
#define WS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: property does not hold: %s\n", __FILE__, __LINE__, #cond); \
		__builtin_trap(); \
	} \
} while (0)

#endif
