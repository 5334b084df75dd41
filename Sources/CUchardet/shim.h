#ifndef DOCWATCH_CUCHARDET_SHIM_H
#define DOCWATCH_CUCHARDET_SHIM_H
#include <uchardet/uchardet.h>
#endif
