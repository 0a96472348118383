# esp32.RMT exists on the board but not in the simulator: the error says so.
# seconds: 0.5
# error: NotImplementedError
# explains: disponibile sulla scheda vera, non nel simulatore
import esp32
from machine import Pin

r = esp32.RMT(0, pin=Pin(18), clock_div=8)
