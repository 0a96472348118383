# The PIO NeoPixel driver from the rp2 documentation style: sm.put() of GRB words.
# seconds: 1
# scenario: {"devices": [{"type": "neopixel", "pin": 22, "count": 3}]}
# event: neopixel:22 write [[255, 0, 0], [0, 255, 0], [0, 0, 255]]
import array
import rp2
from machine import Pin

@rp2.asm_pio(sideset_init=rp2.PIO.OUT_LOW, out_shiftdir=rp2.PIO.SHIFT_LEFT, autopull=True,
             pull_thresh=24)
def ws2812():
    T1 = 2
    T2 = 5
    T3 = 3
    wrap_target()
    label("bitloop")
    out(x, 1)               .side(0)    [T3 - 1]
    jmp(not_x, "do_zero")   .side(1)    [T1 - 1]
    jmp("bitloop")          .side(1)    [T2 - 1]
    label("do_zero")
    nop()                   .side(0)    [T2 - 1]
    wrap()

sm = rp2.StateMachine(0, ws2812, freq=8_000_000, sideset_base=Pin(22))
sm.active(1)
pixels = array.array("I", [0, 0, 0])
colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255)]
for i, (r, g, b) in enumerate(colours):
    pixels[i] = (g << 16) | (r << 8) | b
sm.put(pixels, 8)
