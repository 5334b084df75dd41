#ifndef DOCWATCH_COPENCC_SHIM_H
#define DOCWATCH_COPENCC_SHIM_H
#include <opencc/opencc.h>
/* opencc_open returns (opencc_t)-1 on failure, not NULL. */
static inline int docwatch_opencc_failed(opencc_t handle) { return handle == (opencc_t)-1; }
#endif
