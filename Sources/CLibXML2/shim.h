#ifndef DOCWATCH_CLIBXML2_SHIM_H
#define DOCWATCH_CLIBXML2_SHIM_H
/* libxml2's headers pull in the system ICU, which clashes with Foundation's copy. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/SAX2.h>
#include <libxml/globals.h>
#include <libxml/parserInternals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <string.h>

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

/* The SAX callbacks that build docwatch's HTML tree, in place of libxml2's tree builder. */
typedef struct {
    startElementSAXFunc start_element;
    endElementSAXFunc end_element;
    charactersSAXFunc characters;
    cdataBlockSAXFunc cdata_block;
    commentSAXFunc comment;
    processingInstructionSAXFunc processing_instruction;
} docwatch_html_events;

/* htmlReadMemory(buffer, size, NULL, "UTF-8", options) step for step (libxml2 2.9's htmlReadMemory
   and htmlDoRead), with `events` in place of the tree builder's element, text, comment and PI
   callbacks and `user` in ctxt->_private. libxml2's own document (xmlSAX2StartDocument) only ever
   holds the DOCTYPE, which its parser reads back (areBlanks); it is freed here, as is the context.
   Returns -1 when no parser context could be made (an empty buffer). */
static inline int docwatch_html_parse(const char *buffer, int size, int options,
                                      const docwatch_html_events *events, void *user) {
    xmlParserCtxtPtr ctxt;
    xmlCharEncodingHandlerPtr utf8;

    xmlInitParser();
    ctxt = xmlCreateMemoryParserCtxt(buffer, size);
    if (ctxt == NULL) return -1;
    htmlDefaultSAXHandlerInit();
    if (ctxt->sax != NULL) {
        memcpy(ctxt->sax, &htmlDefaultSAXHandler, sizeof(xmlSAXHandlerV1));
        ctxt->sax->startElement = events->start_element;
        ctxt->sax->endElement = events->end_element;
        ctxt->sax->characters = events->characters;
        ctxt->sax->cdataBlock = events->cdata_block;
        ctxt->sax->comment = events->comment;
        ctxt->sax->processingInstruction = events->processing_instruction;
    }
    ctxt->_private = user;
    htmlCtxtUseOptions(ctxt, options);
    ctxt->html = 1;
    utf8 = xmlFindCharEncodingHandler("UTF-8");
    if (utf8 != NULL) {
        xmlSwitchToEncoding(ctxt, utf8);
        if (ctxt->input->encoding != NULL) xmlFree((xmlChar *) ctxt->input->encoding);
        ctxt->input->encoding = xmlStrdup(BAD_CAST "UTF-8");
    }
    htmlParseDocument(ctxt);
    if (ctxt->myDoc != NULL) xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = NULL;
    ctxt->node = NULL;
    xmlFreeParserCtxt(ctxt);
    return 0;
}
#endif
