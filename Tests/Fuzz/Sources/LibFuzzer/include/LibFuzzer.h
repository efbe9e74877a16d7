#ifndef COSOLICIT_LIBFUZZER_H
#define COSOLICIT_LIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that have their own `main`: parses the libFuzzer flags in
/// `argc`/`argv` and fuzzes `callback`. Linked in by `-sanitize=fuzzer`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
