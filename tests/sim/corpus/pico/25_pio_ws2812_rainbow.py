# PIO NeoPixels cycling a colour wheel, one word per pixel with put(value, 8).
# seconds: 2
# scenario: {"devices": [{"type": "neopixel", "pin": 16, "count": 4}]}
# events-min: neopixel:16 write 10
import rp2
import time
from machine import Pin

@rp2.asm_pio(sideset_init=rp2.PIO.OUT_LOW, out_shiftdir=rp2.PIO.SHIFT_LEFT, autopull=True,
             pull_thresh=24)
def ws2812():
    wrap_target()
    label("bitloop")
    out(x, 1).side(0)[2]
    jmp(not_x, "do_zero").side(1)[1]
    jmp("bitloop").side(1)[4]
    label("do_zero")
    nop().side(0)[4]
    wrap()

sm = rp2.StateMachine(0, ws2812, freq=8000000, sideset_base=Pin(16))
sm.active(1)

def wheel(pos):
    if pos < 85:
        return (255 - pos * 3, pos * 3, 0)
    if pos < 170:
        pos -= 85
        return (0, 255 - pos * 3, pos * 3)
    pos -= 170
    return (pos * 3, 0, 255 - pos * 3)

step = 0
while True:
    for i in range(4):
        r, g, b = wheel((step + i * 64) & 255)
        sm.put((g << 16) | (r << 8) | b, 8)
    time.sleep_ms(100)
    step += 8
