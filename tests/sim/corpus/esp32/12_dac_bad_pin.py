# Only GPIO 25 and 26 have a DAC.
# seconds: 0.5
# error: ValueError
from machine import DAC, Pin

DAC(Pin(4))
