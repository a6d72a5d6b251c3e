"""Sums callgrind's per-instruction counts into the functions V8 compiled, named by V8's jitdump.

    python3 bench/function_counts.py CALLGRIND_OUT JITDUMP ROUNDS TOP

`bench/function_counts.sh` makes both files. Prints the total and the part outside V8's compiled code (V8 itself:
start-up, compiling, collecting garbage, its runtime calls such as `memory.copy`; the C library), then the TOP
compiled functions (the Wasm's and JavaScript's) by cost, per round: Ir, mispredicted conditional branches (Bcm), mispredicted
indirect branches (Bim), and cost = Ir + 65 × (Bcm + Bim).
"""

import bisect
import collections
import struct
import sys

# The jitdump record that says where a function's code is (perf's jitdump format, record id 0).
JIT_CODE_LOAD = 0
# What a mispredicted branch costs, in instructions (bench/counts.sh).
MISPREDICT_COST = 65


def code_ranges(path):
    """The (start, end, name) of each piece of code the jitdump names, sorted by start."""
    data = open(path, "rb").read()
    offset = struct.unpack_from("<I", data, 8)[0]  # the header's size
    ranges = []
    while offset + 16 <= len(data):
        record_id, size = struct.unpack_from("<II", data, offset)
        if size == 0:
            break
        if record_id == JIT_CODE_LOAD:
            _pid, _tid, _vma, address, code_size, _index = struct.unpack_from("<IIQQQQ", data, offset + 16)
            name_start = offset + 16 + 40
            name = data[name_start:data.index(b"\0", name_start)].decode("utf-8", "replace")
            ranges.append((address, address + code_size, name))
        offset += size
    ranges.sort()
    return ranges


def function_counts(callgrind_out, ranges):
    """Per compiled function's name (None for code outside them): [Ir, Bcm, Bim], from a callgrind file written with
    --dump-instr=yes --branch-sim=yes."""
    starts = [start for start, _, _ in ranges]

    def name_at(address):
        i = bisect.bisect_right(starts, address) - 1
        return ranges[i][2] if i >= 0 and address < ranges[i][1] else None

    counts = collections.defaultdict(lambda: [0, 0, 0])
    last = [0, 0]  # the address and line of the line before: positions may be relative to them
    skip_next = False  # the line after `calls=` is the call's inclusive cost, not the caller's own
    with open(callgrind_out) as lines:
        for line in lines:
            first = line[0]
            if first.isdigit() or first in "+-*":
                fields = line.split()
                for k, field in enumerate(fields[:2]):
                    if field != "*":
                        last[k] = last[k] + int(field, 0) if field[0] in "+-" else int(field, 0)
                if skip_next:
                    skip_next = False
                    continue
                # Events: Ir Bc Bcm Bi Bim (missing ones are 0).
                values = [int(x) for x in fields[2:]] + [0] * 5
                entry = counts[name_at(last[0])]
                entry[0] += values[0]
                entry[1] += values[2]
                entry[2] += values[4]
            elif line.startswith("calls="):
                skip_next = True
    return counts


def cost(ir, bcm, bim):
    return ir + MISPREDICT_COST * (bcm + bim)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    callgrind_out, jitdump, rounds, top = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    counts = function_counts(callgrind_out, code_ranges(jitdump))
    total = [sum(entry[k] for entry in counts.values()) / rounds for k in range(3)]
    outside = [value / rounds for value in counts.pop(None, [0, 0, 0])]
    print("total per round: Ir %d, Bcm %d, Bim %d, cost %d" % (*total, cost(*total)))
    print("outside compiled code: Ir %d, Bcm %d, Bim %d, cost %d" % (*outside, cost(*outside)))
    print("%10s %8s %6s %10s  %s" % ("Ir", "Bcm", "Bim", "cost", "function"))
    rows = sorted(counts.items(), key=lambda item: -cost(*item[1]))
    for name, entry in rows[:top]:
        ir, bcm, bim = (value / rounds for value in entry)
        print("%10d %8d %6d %10d  %s" % (ir, bcm, bim, cost(ir, bcm, bim), name[:120]))


if __name__ == "__main__":
    main()
