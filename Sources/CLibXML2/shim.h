#ifndef DOCWATCH_CLIBXML2_SHIM_H
#define DOCWATCH_CLIBXML2_SHIM_H
/* libxml2's headers pull in the system ICU, which clashes with Foundation's copy. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

/* xmlFree is a global function pointer that Swift 6 rejects as shared mutable state. */
static inline void docwatch_xml_free(void *p) { xmlFree(p); }

/* A handler that drops libxml2's messages instead of printing them to stderr. */
static void docwatch_xml_silent(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void docwatch_xml_silent_structured(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }
static inline void docwatch_xml_silence(void) {
    xmlSetGenericErrorFunc(NULL, docwatch_xml_silent);
    xmlSetStructuredErrorFunc(NULL, docwatch_xml_silent_structured);
}

/* Entity loader that refuses every external entity and DTD: no file or network access from XML. */
static xmlParserInputPtr docwatch_xml_no_external(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}
static inline void docwatch_xml_forbid_external_entities(void) {
    xmlSetExternalEntityLoader(docwatch_xml_no_external);
}
#endif
