#ifndef DOCWATCH_CZLIB_SHIM_H
#define DOCWATCH_CZLIB_SHIM_H
#include <zlib.h>
#endif
