// The declaration in include/LibFuzzer.h is the whole module; libFuzzer itself is linked by -sanitize=fuzzer.
#include "LibFuzzer.h"
