// The libcmark (CommonMark reference parser) header Cosolicit uses.
// Only Sources/Cosolicit/Markdown imports this module.
#ifndef COSOLICIT_CCMARK_SHIM_H
#define COSOLICIT_CCMARK_SHIM_H

#include <cmark.h>

#endif
