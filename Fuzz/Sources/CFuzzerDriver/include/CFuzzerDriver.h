// libFuzzer's driver, called from each harness's main.swift: SwiftPM links an executable target with
// its own entry point (main → <Module>_main), so libFuzzer's main is not used; this runs the same loop.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
