#!/usr/bin/env python3
"""yaml_check.py - an independent reader for tickscope traces (formats/SPEC.md).

It shares no code with formats/trace_reader.c: it parses with PyYAML's pure-Python
SafeLoader (a YAML 1.1 reader, not libyaml), so a trace it accepts is readable by a
second YAML implementation with the value types the spec promises. It checks:
  - the stream has a header mapping and at most one events document, a sequence;
  - the header names format tickscope-trace and a "MAJOR.MINOR" string version;
  - no mapping repeats a key (PyYAML alone would keep the last one silently);
  - every event is a mapping of scalars with an int seq (strictly increasing) and a
    str ev, and each event is exactly one line of the file;
  - with --hex: every log event whose method is "hex:..." has a text whose UTF-8
    encoding is that hex (tickscope's trace generator writes them, see trace_gen.h).

usage: yaml_check.py [--hex] FILE...      exit 0 when every file passes, 1 otherwise
"""
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    print("yaml_check.py: python3 yaml module missing (apt-get install python3-yaml)",
          file=sys.stderr)
    sys.exit(2)


class StrictLoader(yaml.SafeLoader):
    """SafeLoader (pure Python) that refuses duplicate keys."""


def construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, "duplicate key %r" % (key,), key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)

SCALARS = (str, int, float, bool)


def check(path, hex_check):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")  # a trace is UTF-8: this raises on anything else
    docs = list(yaml.load_all(text, Loader=StrictLoader))
    if not docs or not isinstance(docs[0], dict):
        return "the first document is not a header mapping"
    if len(docs) > 2:
        return "more than two documents"
    header = docs[0]
    if header.get("format") != "tickscope-trace":
        return "header format is %r" % (header.get("format"),)
    if not isinstance(header.get("version"), str) or not re.fullmatch(r"\d+\.\d+",
                                                                       header["version"]):
        return "header version %r is not a MAJOR.MINOR string" % (header.get("version"),)
    for key, value in header.items():
        if not isinstance(value, SCALARS):
            return "header key %r is not a scalar" % (key,)
    events = docs[1] if len(docs) == 2 else None
    if events is None:
        events = []
    if not isinstance(events, list):
        return "the events document is not a sequence"
    # one event per line: count the lines after the '---' that start an entry
    body = text.split("\n---\n", 1)[1] if "\n---\n" in text else ""
    entry_lines = [l for l in body.split("\n") if l.startswith("- ")]
    if len(entry_lines) != len(events):
        return "%d events on %d entry lines" % (len(events), len(entry_lines))
    last = 0
    for i, ev in enumerate(events):
        where = "event %d" % (i + 1)
        if not isinstance(ev, dict):
            return where + " is not a mapping"
        seq = ev.get("seq")
        if type(seq) is not int or seq <= last:
            return "%s: seq %r does not increase after %d" % (where, seq, last)
        last = seq
        if not isinstance(ev.get("ev"), str):
            return where + ": ev is not a string"
        for key, value in ev.items():
            if not isinstance(key, str) or not isinstance(value, SCALARS):
                return "%s: field %r is not a scalar" % (where, key)
        method = ev.get("method")
        if hex_check and ev["ev"] == "log" and isinstance(method, str) and method.startswith("hex:"):
            got = ev.get("text", "").encode("utf-8").hex()
            if got != method[4:]:
                return "%s (seq %d): text %r reads as %s, the writer meant %s" % (
                    where, seq, ev.get("text"), got, method[4:])
    return None, len(events)


def main(argv):
    hex_check = "--hex" in argv
    paths = [a for a in argv if a != "--hex"]
    if not paths:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    status = 0
    for path in paths:
        try:
            result = check(path, hex_check)
        except (yaml.YAMLError, UnicodeDecodeError) as e:
            result = str(e).replace("\n", " ")
        if isinstance(result, tuple):
            print("%s: ok (%d events)" % (path, result[1]))
        else:
            print("%s: FAILED: %s" % (path, result))
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
