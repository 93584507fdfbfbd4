#!/usr/bin/env python3
"""Independent reference for org.attnlab.internal.RandomStreams (spec/random.md), stdlib only.

Written from the specification, not from the Java code's output: SplitMix64 seeding, xoshiro256++
(Blackman and Vigna 2019), uniforms from the top 53 bits, one Box-Muller normal from two uniforms.
Run `python3 test-data/random/reference_streams.py` from the repository root to regenerate
test-data/random/streams.csv. Python's math.log / math.cos may differ from Java's StrictMath by an ulp,
so the Java test compares doubles with a relative tolerance of 1e-12 and raw 64-bit outputs exactly.
"""
import math
import os
import sys

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
MIX_INDEX = 0xD1B54A32D192ED03
PURPOSES = ["TOKENS", "NOISE", "TRUTH", "ESTIMATOR", "EVALUATION", "BOOTSTRAP", "FEATURES", "EXPERIMENT"]


def to_signed(x):
    """A 64-bit pattern as a Java long."""
    x &= MASK
    return x - (1 << 64) if x >= (1 << 63) else x


def splitmix64(z):
    z &= MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Stream:
    """stream(seed, purpose, index) of spec/random.md."""

    def __init__(self, seed, purpose, index):
        ordinal = PURPOSES.index(purpose)
        s = (seed & MASK) ^ (((ordinal + 1) * GOLDEN) & MASK) ^ (((index & MASK) * MIX_INDEX) & MASK)
        state = []
        for _ in range(4):
            s = (s + GOLDEN) & MASK
            state.append(splitmix64(s))
        self.s = state

    def next_long(self):
        """The next raw 64-bit output as an unsigned integer (xoshiro256++)."""
        s0, s1, s2, s3 = self.s
        result = (rotl((s0 + s3) & MASK, 23) + s0) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        self.s = [s0, s1, s2, s3]
        return result

    def uniform(self):
        return (self.next_long() >> 11) * 2.0 ** -53

    def uniform_ab(self, a, b):
        return a + (b - a) * self.uniform()

    def normal(self):
        u1 = self.uniform()
        u2 = self.uniform()
        return math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)


CASES = [
    (0, "TOKENS", 0),
    (42, "NOISE", 7),
    (-1, "TRUTH", 123456789),
    (20261123, "EVALUATION", 1 << 40),
    (-9223372036854775808, "EXPERIMENT", -3),
]
COUNT = 6


def main():
    root = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(root, "streams.csv")
    lines = [
        "# First outputs of RandomStreams.stream(seed, purpose, index), produced by",
        "# test-data/random/reference_streams.py (stdlib-only Python, written from spec/random.md).",
        "# kind: long = raw nextLong() as a signed Java long (compare exactly); uniform = uniform() on a fresh",
        "# stream; normal = normal() on a fresh stream (compare within 1e-12 relative: libm vs StrictMath).",
        "seed,purpose,index,kind,position,value",
    ]
    for seed, purpose, index in CASES:
        st = Stream(seed, purpose, index)
        for p in range(COUNT):
            lines.append(f"{seed},{purpose},{index},long,{p},{to_signed(st.next_long())}")
        st = Stream(seed, purpose, index)
        for p in range(COUNT):
            lines.append(f"{seed},{purpose},{index},uniform,{p},{st.uniform()!r}")
        st = Stream(seed, purpose, index)
        for p in range(COUNT):
            lines.append(f"{seed},{purpose},{index},normal,{p},{st.normal()!r}")
    with open(out, "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", out, file=sys.stderr)


if __name__ == "__main__":
    main()
