# Read a potentiometer on ADC0 (GP26) and print the value.
# seconds: 0.5
# scenario: {"devices": [{"type": "potentiometer", "pin": 26, "curve": 0.5}]}
# stdout-has: 327
from machine import ADC
import time

pot = ADC(26)
print(pot.read_u16())
