# MicroPython source (runs INSIDE the sandbox). The micro:bit `Image` class as the V2 firmware has
# it: every built-in image (ALL_CLOCKS, ALL_ARROWS as tuples), images from strings or buffers,
# read-only built-ins, crop/shift/blit/fill/invert, `+` and `*`, repr/str in the firmware's form.
# Pure computation: nothing here talks to the host (the display sends the 25 pixel values).

# name, then the 25 brightness values as a bytes constant the image uses as it is (no copy)
BUILTIN = (
    ("HEART", b'\x00\t\x00\t\x00\t\t\t\t\t\t\t\t\t\t\x00\t\t\t\x00\x00\x00\t\x00\x00'),
    ("HEART_SMALL", b'\x00\x00\x00\x00\x00\x00\t\x00\t\x00\x00\t\t\t\x00\x00\x00\t\x00\x00\x00\x00\x00\x00\x00'),
    ("HAPPY", b'\x00\x00\x00\x00\x00\x00\t\x00\t\x00\x00\x00\x00\x00\x00\t\x00\x00\x00\t\x00\t\t\t\x00'),
    ("SMILE", b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\t\x00\x00\x00\t\x00\t\t\t\x00'),
    ("SAD", b'\x00\x00\x00\x00\x00\x00\t\x00\t\x00\x00\x00\x00\x00\x00\x00\t\t\t\x00\t\x00\x00\x00\t'),
    ("CONFUSED", b'\x00\x00\x00\x00\x00\x00\t\x00\t\x00\x00\x00\x00\x00\x00\x00\t\x00\t\x00\t\x00\t\x00\t'),
    ("ANGRY", b'\t\x00\x00\x00\t\x00\t\x00\t\x00\x00\x00\x00\x00\x00\t\t\t\t\t\t\x00\t\x00\t'),
    ("ASLEEP", b'\x00\x00\x00\x00\x00\t\t\x00\t\t\x00\x00\x00\x00\x00\x00\t\t\t\x00\x00\x00\x00\x00\x00'),
    ("SURPRISED", b'\x00\t\x00\t\x00\x00\x00\x00\x00\x00\x00\x00\t\x00\x00\x00\t\x00\t\x00\x00\x00\t\x00\x00'),
    ("SILLY", b'\t\x00\x00\x00\t\x00\x00\x00\x00\x00\t\t\t\t\t\x00\x00\t\x00\t\x00\x00\t\t\t'),
    ("FABULOUS", b'\t\t\t\t\t\t\t\x00\t\t\x00\x00\x00\x00\x00\x00\t\x00\t\x00\x00\t\t\t\x00'),
    ("MEH", b'\x00\t\x00\t\x00\x00\x00\x00\x00\x00\x00\x00\x00\t\x00\x00\x00\t\x00\x00\x00\t\x00\x00\x00'),
    ("YES", b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\t\x00\x00\x00\t\x00\t\x00\t\x00\x00\x00\t\x00\x00\x00'),
    ("NO", b'\t\x00\x00\x00\t\x00\t\x00\t\x00\x00\x00\t\x00\x00\x00\t\x00\t\x00\t\x00\x00\x00\t'),
    ("CLOCK12", b'\x00\x00\t\x00\x00\x00\x00\t\x00\x00\x00\x00\t\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'),
    ("CLOCK1", b'\x00\x00\x00\t\x00\x00\x00\x00\t\x00\x00\x00\t\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'),
    ("CLOCK2", b'\x00\x00\x00\x00\x00\x00\x00\x00\t\t\x00\x00\t\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'),
    ("CLOCK3", b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\t\t\t\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'),
    ("CLOCK4", b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\t\x00\x00\x00\x00\x00\t\t\x00\x00\x00\x00\x00'),
    ("CLOCK5", b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\t\x00\x00\x00\x00\x00\t\x00\x00\x00\x00\t\x00'),
    ("CLOCK6", b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\t\x00\x00\x00\x00\t\x00\x00\x00\x00\t\x00\x00'),
    ("CLOCK7", b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\t\x00\x00\x00\t\x00\x00\x00\x00\t\x00\x00\x00'),
    ("CLOCK8", b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\t\x00\x00\t\t\x00\x00\x00\x00\x00\x00\x00\x00'),
    ("CLOCK9", b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\t\t\t\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'),
    ("CLOCK10", b'\x00\x00\x00\x00\x00\t\t\x00\x00\x00\x00\x00\t\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'),
    ("CLOCK11", b'\x00\t\x00\x00\x00\x00\t\x00\x00\x00\x00\x00\t\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'),
    ("ARROW_N", b'\x00\x00\t\x00\x00\x00\t\t\t\x00\t\x00\t\x00\t\x00\x00\t\x00\x00\x00\x00\t\x00\x00'),
    ("ARROW_NE", b'\x00\x00\t\t\t\x00\x00\x00\t\t\x00\x00\t\x00\t\x00\t\x00\x00\x00\t\x00\x00\x00\x00'),
    ("ARROW_E", b'\x00\x00\t\x00\x00\x00\x00\x00\t\x00\t\t\t\t\t\x00\x00\x00\t\x00\x00\x00\t\x00\x00'),
    ("ARROW_SE", b'\t\x00\x00\x00\x00\x00\t\x00\x00\x00\x00\x00\t\x00\t\x00\x00\x00\t\t\x00\x00\t\t\t'),
    ("ARROW_S", b'\x00\x00\t\x00\x00\x00\x00\t\x00\x00\t\x00\t\x00\t\x00\t\t\t\x00\x00\x00\t\x00\x00'),
    ("ARROW_SW", b'\x00\x00\x00\x00\t\x00\x00\x00\t\x00\t\x00\t\x00\x00\t\t\x00\x00\x00\t\t\t\x00\x00'),
    ("ARROW_W", b'\x00\x00\t\x00\x00\x00\t\x00\x00\x00\t\t\t\t\t\x00\t\x00\x00\x00\x00\x00\t\x00\x00'),
    ("ARROW_NW", b'\t\t\t\x00\x00\t\t\x00\x00\x00\t\x00\t\x00\x00\x00\x00\x00\t\x00\x00\x00\x00\x00\t'),
    ("TRIANGLE", b'\x00\x00\x00\x00\x00\x00\x00\t\x00\x00\x00\t\x00\t\x00\t\t\t\t\t\x00\x00\x00\x00\x00'),
    ("TRIANGLE_LEFT", b'\t\x00\x00\x00\x00\t\t\x00\x00\x00\t\x00\t\x00\x00\t\x00\x00\t\x00\t\t\t\t\t'),
    ("CHESSBOARD", b'\x00\t\x00\t\x00\t\x00\t\x00\t\x00\t\x00\t\x00\t\x00\t\x00\t\x00\t\x00\t\x00'),
    ("DIAMOND", b'\x00\x00\t\x00\x00\x00\t\x00\t\x00\t\x00\x00\x00\t\x00\t\x00\t\x00\x00\x00\t\x00\x00'),
    ("DIAMOND_SMALL", b'\x00\x00\x00\x00\x00\x00\x00\t\x00\x00\x00\t\x00\t\x00\x00\x00\t\x00\x00\x00\x00\x00\x00\x00'),
    ("SQUARE", b'\t\t\t\t\t\t\x00\x00\x00\t\t\x00\x00\x00\t\t\x00\x00\x00\t\t\t\t\t\t'),
    ("SQUARE_SMALL", b'\x00\x00\x00\x00\x00\x00\t\t\t\x00\x00\t\x00\t\x00\x00\t\t\t\x00\x00\x00\x00\x00\x00'),
    ("RABBIT", b'\t\x00\t\x00\x00\t\x00\t\x00\x00\t\t\t\t\x00\t\t\x00\t\x00\t\t\t\t\x00'),
    ("COW", b'\t\x00\x00\x00\t\t\x00\x00\x00\t\t\t\t\t\t\x00\t\t\t\x00\x00\x00\t\x00\x00'),
    ("MUSIC_CROTCHET", b'\x00\x00\t\x00\x00\x00\x00\t\x00\x00\x00\x00\t\x00\x00\t\t\t\x00\x00\t\t\t\x00\x00'),
    ("MUSIC_QUAVER", b'\x00\x00\t\x00\x00\x00\x00\t\t\x00\x00\x00\t\x00\t\t\t\t\x00\x00\t\t\t\x00\x00'),
    ("MUSIC_QUAVERS", b'\x00\t\t\t\t\x00\t\x00\x00\t\x00\t\x00\x00\t\t\t\x00\t\t\t\t\x00\t\t'),
    ("PITCHFORK", b'\t\x00\t\x00\t\t\x00\t\x00\t\t\t\t\t\t\x00\x00\t\x00\x00\x00\x00\t\x00\x00'),
    ("XMAS", b'\x00\x00\t\x00\x00\x00\t\t\t\x00\x00\x00\t\x00\x00\x00\t\t\t\x00\t\t\t\t\t'),
    ("PACMAN", b'\x00\t\t\t\t\t\t\x00\t\x00\t\t\t\x00\x00\t\t\t\t\x00\x00\t\t\t\t'),
    ("TARGET", b'\x00\x00\t\x00\x00\x00\t\t\t\x00\t\t\x00\t\t\x00\t\t\t\x00\x00\x00\t\x00\x00'),
    ("TSHIRT", b'\t\t\x00\t\t\t\t\t\t\t\x00\t\t\t\x00\x00\t\t\t\x00\x00\t\t\t\x00'),
    ("ROLLERSKATE", b'\x00\x00\x00\t\t\x00\x00\x00\t\t\t\t\t\t\t\t\t\t\t\t\x00\t\x00\t\x00'),
    ("DUCK", b'\x00\t\t\x00\x00\t\t\t\x00\x00\x00\t\t\t\t\x00\t\t\t\x00\x00\x00\x00\x00\x00'),
    ("HOUSE", b'\x00\x00\t\x00\x00\x00\t\t\t\x00\t\t\t\t\t\x00\t\t\t\x00\x00\t\x00\t\x00'),
    ("TORTOISE", b'\x00\x00\x00\x00\x00\x00\t\t\t\x00\t\t\t\t\t\x00\t\x00\t\x00\x00\x00\x00\x00\x00'),
    ("BUTTERFLY", b'\t\t\x00\t\t\t\t\t\t\t\x00\x00\t\x00\x00\t\t\t\t\t\t\t\x00\t\t'),
    ("STICKFIGURE", b'\x00\x00\t\x00\x00\t\t\t\t\t\x00\x00\t\x00\x00\x00\t\x00\t\x00\t\x00\x00\x00\t'),
    ("GHOST", b'\t\t\t\t\t\t\x00\t\x00\t\t\t\t\t\t\t\t\t\t\t\t\x00\t\x00\t'),
    ("SWORD", b'\x00\x00\t\x00\x00\x00\x00\t\x00\x00\x00\x00\t\x00\x00\x00\t\t\t\x00\x00\x00\t\x00\x00'),
    ("GIRAFFE", b'\t\t\x00\x00\x00\x00\t\x00\x00\x00\x00\t\x00\x00\x00\x00\t\t\t\x00\x00\t\x00\t\x00'),
    ("SKULL", b'\x00\t\t\t\x00\t\x00\t\x00\t\t\t\t\t\t\x00\t\t\t\x00\x00\t\t\t\x00'),
    ("UMBRELLA", b'\x00\t\t\t\x00\t\t\t\t\t\x00\x00\t\x00\x00\t\x00\t\x00\x00\x00\t\t\x00\x00'),
    ("SNAKE", b'\t\t\x00\x00\x00\t\t\x00\t\t\x00\t\x00\t\x00\x00\t\t\t\x00\x00\x00\x00\x00\x00'),
    ("SCISSORS", b'\t\t\x00\x00\t\t\t\x00\t\x00\x00\x00\t\x00\x00\t\t\x00\t\x00\t\t\x00\x00\t'),
)


BUILT_IN = object()


def build():
    class Image:
        _w = 5
        _h = 5

        def __init__(self, *args):
            if args and args[0] is BUILT_IN:  # pixels as they are (bytes: a read-only built-in)
                self._px = args[1]
                return
            if len(args) == 1 and isinstance(args[0], str):
                rows = args[0].replace("\n", ":")
                if rows.endswith(":"):
                    rows = rows[:-1]
                rows = rows.split(":")
                w = 0
                for r in rows:
                    for ch in r:
                        if ch not in "0123456789 ":
                            raise ValueError("unexpected character in Image definition")
                    w = max(w, len(r))
                self._w, self._h = w, len(rows)
                px = bytearray(w * len(rows))
                for y, r in enumerate(rows):
                    for x, ch in enumerate(r):
                        if ch != " ":
                            px[y * w + x] = ord(ch) - 48
                self._px = px
                return
            if len(args) > 3:
                raise TypeError("Image() takes 0 to 3 arguments")
            w = int(args[0]) if len(args) > 0 else 5
            h = int(args[1]) if len(args) > 1 else 5
            if w < 0 or h < 0:
                raise ValueError("image size cannot be negative")
            if len(args) == 1 and not isinstance(args[0], int):
                raise TypeError("Image(s) takes a string")
            self._w, self._h = w, h
            if len(args) == 3:
                buf = args[2]
                if len(buf) != w * h:
                    raise ValueError("image data is incorrect size")
                px = bytearray(w * h)
                for i in range(w * h):
                    v = int(buf[i])
                    if not 0 <= v <= 9:
                        raise ValueError("brightness out of bounds")
                    px[i] = v
                self._px = px
            else:
                self._px = bytearray(w * h)

        def width(self):
            return self._w

        def height(self):
            return self._h

        def _check(self):
            if type(self._px) is bytes:
                raise TypeError("image cannot be modified (try copying first)")

        def get_pixel(self, x, y):
            if not (0 <= x < self._w and 0 <= y < self._h):
                raise ValueError("index out of bounds")
            return self._px[y * self._w + x]

        def set_pixel(self, x, y, v):
            self._check()
            if not (0 <= x < self._w and 0 <= y < self._h):
                raise ValueError("index out of bounds")
            if not 0 <= v <= 9:
                raise ValueError("brightness out of bounds")
            self._px[y * self._w + x] = v

        def fill(self, v):
            self._check()
            if not 0 <= v <= 9:
                raise ValueError("brightness out of bounds")
            for i in range(len(self._px)):
                self._px[i] = v

        def copy(self):
            return _raw(self._w, self._h, bytearray(self._px))

        def invert(self):
            return _raw(self._w, self._h, bytearray(9 - p for p in self._px))

        def crop(self, x, y, w, h):
            # Row slices, not pixel loops: the board does this in C, so it must be cheap here.
            w, h = max(0, int(w)), max(0, int(h))
            out = bytearray(w * h)
            sw, sh, src = self._w, self._h, self._px
            i0 = max(0, -x)
            i1 = min(w, sw - x)
            if i1 > i0:
                for j in range(max(0, -y), min(h, sh - y)):
                    s0 = (y + j) * sw + x
                    out[j * w + i0:j * w + i1] = src[s0 + i0:s0 + i1]
            return _raw(w, h, out)

        def shift_left(self, n):
            return self.crop(n, 0, self._w, self._h)

        def shift_right(self, n):
            return self.crop(-n, 0, self._w, self._h)

        def shift_up(self, n):
            return self.crop(0, n, self._w, self._h)

        def shift_down(self, n):
            return self.crop(0, -n, self._w, self._h)

        def blit(self, src, x, y, w, h, xdest=0, ydest=0):
            self._check()
            if not isinstance(src, Image):
                raise TypeError("expecting an image")
            part = src.crop(x, y, w, h)
            for j in range(part._h):
                dy = ydest + j
                if 0 <= dy < self._h:
                    for i in range(part._w):
                        dx = xdest + i
                        if 0 <= dx < self._w:
                            self._px[dy * self._w + dx] = part._px[j * part._w + i]

        def __add__(self, other):
            if not isinstance(other, Image):
                raise TypeError("unsupported types for __add__: 'Image', '%s'" % type(other).__name__)
            if other._w != self._w or other._h != self._h:
                raise ValueError("images must be the same size")
            return _raw(self._w, self._h,
                        bytearray(min(9, a + b) for a, b in zip(self._px, other._px)))

        def __mul__(self, k):
            if not isinstance(k, (int, float)):
                raise TypeError("can't convert %s to float" % type(k).__name__)
            if k < 0:
                raise ValueError("brightness multiplier must not be negative")
            return _raw(self._w, self._h, bytearray(min(9, int(p * k + 0.5)) for p in self._px))

        def __truediv__(self, k):
            return self * (1 / k)

        def __eq__(self, other):
            return (isinstance(other, Image) and other._w == self._w and other._h == self._h
                    and other._px == self._px)

        def _rows(self):
            w = self._w
            return ["".join(str(v) for v in self._px[r * w:r * w + w]) for r in range(self._h)]

        def __repr__(self):
            return "Image('%s')" % "".join(r + ":" for r in self._rows())

        def __str__(self):
            return "Image(\n" + "".join("    '%s:'\n" % r for r in self._rows()) + ")"

        def _five(self):
            # The 25 values the display shows (the top-left 5x5, padded with dark pixels).
            if self._w == 5 and self._h == 5:
                return self._px
            return self.crop(0, 0, 5, 5)._px

    def _raw(w, h, px):
        im = Image(BUILT_IN, px)  # a bytearray: writable
        if w != 5 or h != 5:
            im._w = w
            im._h = h
        return im

    for name, px in BUILTIN:
        setattr(Image, name, Image(BUILT_IN, px))
    Image.ALL_CLOCKS = tuple(getattr(Image, "CLOCK%d" % n) for n in (12, 1, 2, 3, 4, 5, 6, 7, 8,
                                                                      9, 10, 11))
    Image.ALL_ARROWS = tuple(getattr(Image, "ARROW_" + d) for d in ("N", "NE", "E", "SE", "S",
                                                                     "SW", "W", "NW"))
    return Image
