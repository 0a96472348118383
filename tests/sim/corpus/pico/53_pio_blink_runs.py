# A PIO program blinking the LED at 1 Hz by itself (runs on a Pico).
# seconds: 3
# known-gap: only the WS2812 PIO program is modelled; other PIO programs do not execute
# events-min: pin:25 value 2
import rp2
import time
from machine import Pin

@rp2.asm_pio(set_init=rp2.PIO.OUT_LOW)
def blink_1hz():
    irq(rel(0))
    set(pins, 1)
    set(x, 31)                  [5]
    label("delay_high")
    nop()                       [29]
    jmp(x_dec, "delay_high")
    set(pins, 0)
    set(x, 31)                  [6]
    label("delay_low")
    nop()                       [29]
    jmp(x_dec, "delay_low")

sm = rp2.StateMachine(0, blink_1hz, freq=2000, set_base=Pin(25))
sm.active(1)
time.sleep(3)
