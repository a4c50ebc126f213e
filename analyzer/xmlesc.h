/* xmlesc.h — turning arbitrary program output into text that XML accepts. Console
 * output in a trace may hold any bytes: quotes, markup, control characters, invalid
 * UTF-8. Both renderers put it into XML (the SVG timeline, and Graphviz HTML-like
 * labels, which Graphviz parses with an XML parser), so both escape it here:
 * & < > " ' become entities, invalid UTF-8 bytes (and surrogates, overlong forms,
 * U+FFFE/U+FFFF) become U+FFFD, a tab becomes four spaces, and the other control
 * characters, which XML 1.0 forbids even as character references, become their visible
 * Control Pictures (U+2400 + c, U+2421 for DEL). The result is always well-formed and
 * deterministic. Widths are in columns: one per code point, four per tab. */
#ifndef TICKSCOPE_XMLESC_H
#define TICKSCOPE_XMLESC_H

#include <stddef.h>

#include "common/strbuf.h"

/* Append s[0..n) to sb as XML character data (valid in text and in attribute values).
 * When max_chars > 0 and the text is wider than max_chars columns, it is cut to fit in
 * max_chars - 1 and "…" is appended. Returns the columns the reader will see. */
size_t xml_put_text(StrBuf *sb, const char *s, size_t n, size_t max_chars);

/* The columns xml_put_text would show for s[0..n) (no truncation). */
size_t xml_text_width(const char *s, size_t n);

#endif
