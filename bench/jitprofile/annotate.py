#!/usr/bin/env python3
"""Maps a perf profile onto the machine code that codedump.c wrote (bench/README.md, "Reading C2's code").

usage: annotate.py PERF_DATA CODEDUMP_DIR [--min-share 0.05] [--context 0]

For every dumped method version that received at least --min-share of the samples it prints its share and its
instructions (objdump) with the number of samples whose instruction pointer fell on each (perf's skid puts a sample
on or just after the instruction that stalled). Needs perf and objdump.
"""
import argparse
import collections
import os
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("perf_data")
    ap.add_argument("dump_dir")
    ap.add_argument("--min-share", type=float, default=0.05)
    args = ap.parse_args()
    ips = collections.Counter()
    out = subprocess.run(["perf", "script", "-i", args.perf_data, "-F", "ip"], capture_output=True, text=True,
                         check=True).stdout
    for line in out.split():
        ips[int(line, 16)] += 1
    total = sum(ips.values())
    if total == 0:
        sys.exit("annotate.py: no samples in " + args.perf_data)
    versions = []
    with open(os.path.join(args.dump_dir, "index.txt")) as f:
        for line in f:
            m = re.search(r"^(\S+) (\S+) (\S+) size=(\d+) addr=(0x[0-9a-f]+) file=(\S+)$", line.strip())
            if m:
                versions.append((m.group(1), m.group(2), int(m.group(4)), int(m.group(5), 16), m.group(6)))
    for cls, name, size, addr, path in versions:
        hits = sum(c for ip, c in ips.items() if addr <= ip < addr + size)
        if hits < args.min_share * total:
            continue
        print(f"== {cls} {name} at {addr:#x} ({size} bytes): {hits} of {total} samples ({100.0 * hits / total:.1f}%)")
        dis = subprocess.run(["objdump", "-D", "-b", "binary", "-m", "i386:x86-64", f"--adjust-vma={addr:#x}",
                              path], capture_output=True, text=True, check=True).stdout
        for line in dis.splitlines():
            m = re.match(r"\s*([0-9a-f]+):\s+(?:[0-9a-f]{2} )+\s*\t?(.*)$", line)
            if m and m.group(2).strip():
                a = int(m.group(1), 16)
                print(f"{ips.get(a, 0):7d}  {a:#x}  {m.group(2).strip()}")


if __name__ == "__main__":
    main()
