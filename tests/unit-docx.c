/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-docx.c - the XML escaper of the DOCX report (docx.h): markup
 * characters escaped, text kept as it is, the characters XML 1.0 forbids
 * left out. */
#include "config.h"

#include <stdlib.h>

#include "tap.h"
#include "../src/docx.h"

static void is_escaped(const char *in, const char *want, const char *what)
{
	struct strbuf sb = STRBUF_INIT;
	docx_escape(&sb, in);
	is_str(sb.buf ? sb.buf : "", want, "%s", what);
	sb_free(&sb);
}

int main(void)
{
	is_escaped("Tổ dân phố 1", "Tổ dân phố 1", "Vietnamese text is kept as it is");
	is_escaped("a < b & c > d", "a &lt; b &amp; c &gt; d", "< & > are escaped");
	is_escaped("\"an toàn\"", "&quot;an toàn&quot;", "quotes are escaped (attribute values)");
	is_escaped("&amp;", "&amp;amp;", "an entity typed by the officer stays text");
	is_escaped("a\x01" "b\x1f" "c\x7f", "abc\x7f", "C0 controls are left out (XML 1.0 forbids them)");
	is_escaped("a\tb\nc\rd", "a\tb\nc\rd", "tab, LF and CR stay");
	is_escaped("", "", "the empty string");
	return done();
}
