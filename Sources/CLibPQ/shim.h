#ifndef DOCWATCH_CLIBPQ_SHIM_H
#define DOCWATCH_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
