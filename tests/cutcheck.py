#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""cutcheck.py - finds texts cut without "…" in screen dumps.

Usage: cutcheck.py KNOWN [--po FILE] DUMP...

KNOWN holds the full texts that can appear on the screens, one a line, each
after a letter and a tab: "V" for a stored value of the database (wardsafe
list KIND), "M" for a message (the catalog's msgid and msgstr without a %
conversion, the sentences of `wardsafe summary`); --po adds the msgid and
msgstr of every message without a % conversion of a catalog as messages,
each line of a message of several lines (a two-line header) on its own.  A dump line shows a cut
text when, for some known text T, the line holds a beginning of T of at
least 6 characters that is not the whole of T, not itself a known text, and
is followed on the line by a blank, a column separator or the end of the
line rather than by "…" (a text that only shares a beginning with T goes on
with other letters and is not a cut).  A value of several words (a name, a
note) counts as cut between its words or inside one; a code, a date and a
message only inside a word; a cut inside a word must leave a piece that is
no whole word of any known text
("Last yea", "chữa ch"), since messages share their first words with each
other ("Incident", "Incidents") and a sentence wraps at its blanks.  Prints each cut
found as DUMP: screen N line L: "shown" cut from "full"; exits 1 if any.
"""
import re
import sys

MIN = 6


def po_texts(path):
    """The lines of every msgid and msgstr of a catalog without a %."""
    texts, cur = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'(?:msgid|msgstr)(?:\[\d+\])? "(.*)"$', line)
            if m:
                if cur is not None:
                    texts.append(cur)
                cur = m.group(1)
                continue
            m = re.match(r'"(.*)"$', line)
            if m and cur is not None:
                cur += m.group(1)
                continue
            if cur is not None:
                texts.append(cur)
                cur = None
    if cur is not None:
        texts.append(cur)
    out = []
    for t in texts:
        if "%" in t:
            continue
        t = t.replace('\\"', '"')
        out += t.split("\\n")
    return out


def main():
    known, values, words = set(), set(), set()
    entries = []
    with open(sys.argv[1], encoding="utf-8") as f:
        entries += [line.rstrip("\n").partition("\t")[::2] for line in f]
    dumps = sys.argv[2:]
    if dumps[:1] == ["--po"]:
        entries += [("M", t) for t in po_texts(dumps[1])]
        dumps = dumps[2:]
    for kind, t in entries:
        t = t.strip()
        if len(t) >= MIN:
            known.add(t)
            # Codes and dates (no blank) are left to the messages' rule.
            if kind == "V" and " " in t:
                values.add(t)
        words.update(w.lower() for w in re.findall(r"\w+", t))
    # Index the known texts by their first MIN characters.
    by_head = {}
    for v in known:
        by_head.setdefault(v[:MIN], []).append(v)
    found = 0
    for path in dumps:
        screen, lineno = 0, 0
        with open(path, encoding="utf-8") as f:
            for raw in f:
                line = raw.rstrip("\n")
                m = re.match(r"-- screen (\d+) \((\d+)x(\d+)\) --$", line)
                if m:
                    screen, lineno = int(m.group(1)), 0
                    continue
                lineno += 1
                for i in range(len(line) - MIN + 1):
                    if i and (line[i - 1].isalnum() or line[i - 1] == "_"):
                        continue  # texts begin at a word
                    for v in by_head.get(line[i:i + MIN], ()):
                        k = MIN
                        while k < len(v) and i + k < len(line) and line[i + k] == v[k]:
                            k += 1
                        if k == len(v):
                            continue  # shown whole
                        after = line[i + k] if i + k < len(line) else ""
                        if after == "…" or (after and after not in " │|"):
                            continue
                        inside = v[k - 1].isalnum() and v[k].isalnum()
                        if not inside and v not in values:
                            continue  # a message between its words
                        piece = re.findall(r"\w+", v[:k])
                        if inside and piece and piece[-1].lower() in words:
                            continue  # "Incident" of "Incidents"
                        shown = v[:k].rstrip()
                        if shown in known or len(shown) < MIN:
                            continue
                        print(f'{path}: screen {screen} line {lineno}: "{shown}" cut from "{v}"')
                        found += 1
                        break
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
