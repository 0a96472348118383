"""The micro:bit's 5x5 font and the frames of ``display.scroll``, as the V2 firmware draws them.

The glyphs are the "pendolino3" font of the Lancaster University micro:bit runtime (MIT licence):
95 characters from space to '~', five rows each, the low five bits of a byte per row (bit 4 is
the left column). :func:`scroll_frames` follows the firmware's scrolling iterator: the display
moves one column left per step, a proportional character takes its columns up to the rightmost
lit one in columns 2-4 (monospace ones all five) and a blank column separates characters, then
five blank columns scroll the text out.
"""

from __future__ import annotations

ROWS = bytes.fromhex(
    "000000000008080800080a0a0000000a1f0a1f0a0e190e130e19120409130c120c120d0808000000040808080408"
    "04040408000a040a0000040e0400000000040800000e0000000000080001020408100c1212120c040c04040e1c02"
    "0c101e1e0204120c060a121f021f101e011e02040e110e1f020408100e110e110e0e110e04080008000800000400"
    "04080204080402000e000e0008040204080e110600040e1115130c0c121e12121c121c121c0e1010100e1c121212"
    "1c1e101c101e1e101c10100e1013110e12121e12121c0808081c1f0202120c1214181412101010101e111b151111"
    "11191513110c1212120c1c121c10100c12120c061c121c12110e100c021c1f04040404121212120c1111110a0411"
    "11151b1112120c1212110a0404041e0408101e0e0808080e10080402010e0202020e040a000000000000001f0804"
    "000000000e12120f10101c121c000e10100e02020e120e0c121c100e06081c08080e120e020c10101c1212080008"
    "0808020002020c10141814120808080806001b151111001c121212000c12120c001c121c10000e120e02000e1010"
    "10000608041808080e0807001212120f0011110a04001111151b00120c0c1200110a0418001e04081e06040c0406"
    "080808080818080c081800000c0300")
BLANK = "00000:00000:00000:00000:00000"


def glyph_rows(ch: str) -> bytes:
    """The five row bytes of a character ('?' for one outside the font, as the firmware)."""
    code = ord(ch) if len(ch) == 1 else 63
    if not 32 <= code <= 126:
        code = 63
    i = (code - 32) * 5
    return ROWS[i:i + 5]


def glyph(ch: str) -> str:
    """A character as a frame ('09900:90090:...')."""
    return ":".join("".join("9" if row & (0x10 >> x) else "0" for x in range(5))
                    for row in glyph_rows(ch))


def _column(rows: bytes, x: int) -> list[int]:
    return [9 if row & (0x10 >> x) else 0 for row in rows]


def _rightmost(rows: bytes) -> int:
    for x in (4, 3):
        if any(_column(rows, x)):
            return x
    return 2


def scroll_frames(text: str, monospace: bool = False) -> list[str]:
    """Every frame the display shows while ``text`` scrolls (one per ``delay``)."""
    columns: list[list[int]] = []
    for k, ch in enumerate(text):
        rows = glyph_rows(ch)
        if monospace:
            first, last = 0, 4
        else:  # after the first character a blank left column is skipped
            first = 0 if k == 0 or any(_column(rows, 0)) else 1
            last = _rightmost(rows)
        if k > 0:
            columns.append([0] * 5)  # the gap between characters
        columns.extend(_column(rows, x) for x in range(first, last + 1))
    columns.extend([[0] * 5 for _ in range(5)])
    shown = [[0] * 5 for _ in range(5)]
    frames = []
    for col in columns:
        shown = shown[1:] + [col]
        frames.append(":".join("".join(str(shown[x][y]) for x in range(5)) for y in range(5)))
    return frames
