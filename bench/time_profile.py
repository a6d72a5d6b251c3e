"""Shares of a V8 CPU profile's samples by function: own, inclusive, and under one function.

    python3 bench/time_profile.py PROFILE.cpuprofile TOP [FUNCTION]

`bench/time_profile.sh` writes the profile. Names are shown without Rust's hash suffix (`::h0123…`), so the same
function keeps its name from build to build. A function's inclusive share counts each sample once, however often
the function is on that sample's stack (a recursive call is not counted twice).
"""

import collections
import json
import re
import sys

# Rust's hash suffix of a symbol: "::h" and 16 hex digits, at the end.
HASH_SUFFIX = re.compile(r"::h[0-9a-f]{16}$")


def short_name(node):
    """The node's function name without Rust's hash suffix; V8's own entries keep theirs ("(garbage collector)")."""
    frame = node["callFrame"]
    return HASH_SUFFIX.sub("", frame["functionName"] or frame["url"].rsplit("/", 1)[-1] or "(anonymous)")


def shares(profile, under=None):
    """(own, inclusive, callees) sample counts by name; callees are the inclusive counts of the functions `under`
    calls directly, empty without `under`."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    samples = collections.Counter(profile["samples"])
    own, inclusive, callees = collections.Counter(), collections.Counter(), collections.Counter()
    # Walked without recursion: V8's call trees can be deeper than Python's recursion limit.
    stack = [(profile["nodes"][0]["id"], ())]
    while stack:
        node_id, callers = stack.pop()
        node = nodes[node_id]
        name = short_name(node)
        count = samples.get(node_id, 0)
        own[name] += count
        path = callers + (name,)
        for each in set(path):
            inclusive[each] += count
        if under is not None and under in callers:
            # The callee of `under` on this path: the name just after its innermost appearance.
            last = len(callers) - 1 - callers[::-1].index(under)
            callees[path[last + 1]] += count
        stack.extend((child, path) for child in node.get("children", []))
    return own, inclusive, callees


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    profile = json.load(open(sys.argv[1]))
    top = int(sys.argv[2])
    under = sys.argv[3] if len(sys.argv) == 4 and sys.argv[3] else None
    own, inclusive, callees = shares(profile, under)
    total = sum(own.values())
    if total == 0:
        sys.exit("time_profile: the profile holds no samples")
    for title, counter in (("own time", own), ("inclusive time", inclusive)):
        print("== " + title)
        for name, count in counter.most_common(top):
            print("%6.2f%%  %s" % (100 * count / total, name[:120]))
    if under is not None:
        print("== under %s (own %.2f%%, inclusive %.2f%%)" % (under, 100 * own[under] / total, 100 * inclusive[under] / total))
        for name, count in callees.most_common(top):
            print("%6.2f%%  %s" % (100 * count / total, name[:120]))


if __name__ == "__main__":
    main()
