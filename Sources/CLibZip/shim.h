#ifndef DOCWATCH_CLIBZIP_SHIM_H
#define DOCWATCH_CLIBZIP_SHIM_H
// libzip (Debian libzip-dev): OOXML (DOCX, XLSX) and OFD attachments are zip archives of XML parts.
#include <zip.h>
#endif
