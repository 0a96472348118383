# A PIO blink program (set pins) assembles, but only the NeoPixel driver runs in the simulator:
# starting it says it needs the real board.
# seconds: 1
# error: NotImplementedError
# explains: disponibile sulla scheda vera, non nel simulatore
import rp2
from machine import Pin

@rp2.asm_pio(set_init=rp2.PIO.OUT_LOW)
def blink():
    wrap_target()
    set(pins, 1)   [31]
    nop()          [31]
    set(pins, 0)   [31]
    nop()          [31]
    wrap()

sm = rp2.StateMachine(0, blink, freq=2000, set_base=Pin(25))
sm.active(1)
