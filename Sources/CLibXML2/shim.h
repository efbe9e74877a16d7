// The libxml2 headers Cosolicit uses, plus small C helpers Swift cannot express.
// Only Sources/Cosolicit/XML imports this module.
#ifndef COSOLICIT_CLIBXML2_SHIM_H
#define COSOLICIT_CLIBXML2_SHIM_H

// Trap: Debian builds libxml2 with ICU, so <libxml/encoding.h> includes <unicode/ucnv.h>. Its `UErrorCode`
// then clashes with Foundation's private copy of ICU (`_FoundationICU`), but only in a clean build.
// Read the feature switches first and turn ICU off before any other libxml2 header sees it. Nothing here
// touches the ICU-only fields of `xmlCharEncodingHandler`, so the struct layout does not matter to us.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>

/// Frees memory that libxml2 allocated (`xmlFree` is a global function pointer Swift 6 rejects).
static inline void cosolicit_xml_free(void *pointer) {
  if (pointer != NULL) {
    xmlFree(pointer);
  }
}

/// The runtime libxml2 version as digits, such as "20914" (`xmlParserVersion` is a macro).
static inline const char *cosolicit_xml_parser_version(void) {
  return xmlParserVersion;
}

/// A generic (printf-style) error handler that drops every message instead of printing it to stderr.
static inline void cosolicit_xml_quiet_generic_error(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}

/// Silences libxml2's generic error channel on the calling thread and on threads created from now on.
static inline void cosolicit_xml_silence_generic_errors(void) {
  xmlThrDefSetGenericErrorFunc(NULL, cosolicit_xml_quiet_generic_error);
  xmlSetGenericErrorFunc(NULL, cosolicit_xml_quiet_generic_error);
}

/// Silences libxml2's generic error channel on the calling thread only.
static inline void cosolicit_xml_silence_generic_errors_on_this_thread(void) {
  xmlSetGenericErrorFunc(NULL, cosolicit_xml_quiet_generic_error);
}

#endif
