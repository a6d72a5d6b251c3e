#!/usr/bin/env python3
"""Draws the toolbar icons (icon-16/32/48/128.png): a walnut-brown rounded square holding three lines of
"text", the middle one highlighted. Standard library only (zlib + struct write the PNG); run it again after
changing the drawing: python3 extension/icons/make-icons.py"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SHELL = (138, 90, 0)
PAPER = (255, 248, 230)
INK = (120, 80, 10)
MARK = (255, 224, 102)


def inside_rounded(x, y, size, radius):
    """Whether the pixel centre (x + .5, y + .5) lies in a rounded square of `size` with corner `radius`."""
    cx, cy = x + 0.5, y + 0.5
    nx = min(max(cx, radius), size - radius)
    ny = min(max(cy, radius), size - radius)
    return (cx - nx) ** 2 + (cy - ny) ** 2 <= radius ** 2


def pixel(x, y, size):
    s = size / 16.0
    if not inside_rounded(x, y, size, 3.5 * s):
        return (0, 0, 0, 0)
    # The page: an inner rounded square.
    if not (1.5 * s <= x < size - 1.5 * s and 1.5 * s <= y < size - 1.5 * s):
        return SHELL + (255,)
    # Three lines of text; the middle one sits in a highlight.
    lines = [(4.0, 11.5), (7.0, 12.5), (10.0, 9.5)]
    for index, (top, right) in enumerate(lines):
        if top * s <= y < (top + 2.0) * s:
            if index == 1 and 3.0 * s <= x < 13.0 * s:
                if 3.5 * s <= x < right * s and (top + 0.5) * s <= y < (top + 1.5) * s:
                    return INK + (255,)
                return MARK + (255,)
            if 3.5 * s <= x < right * s and (top + 0.5) * s <= y < (top + 1.5) * s:
                return INK + (255,)
    return PAPER + (255,)


def write_png(path, size):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


for size in (16, 32, 48, 128):
    write_png(os.path.join(HERE, f"icon-{size}.png"), size)
