#ifndef DOCWATCH_CZSTD_SHIM_H
#define DOCWATCH_CZSTD_SHIM_H
#include <zstd.h>
#endif
