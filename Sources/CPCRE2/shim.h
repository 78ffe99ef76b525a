#ifndef TIDINGS_CPCRE2_SHIM_H
#define TIDINGS_CPCRE2_SHIM_H

// The 8-bit library only: every pcre2_* name below resolves to its _8 function.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

// PCRE2_UNSET and PCRE2_ZERO_TERMINATED are (~(PCRE2_SIZE)0) macros that Swift cannot import.
static inline size_t tidings_pcre2_unset(void) { return PCRE2_UNSET; }
static inline size_t tidings_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }

#endif
