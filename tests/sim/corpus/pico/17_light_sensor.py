# A light sensor (LDR divider) on GP27: print dark or light.
# seconds: 2
# scenario: {"devices": [{"type": "light_sensor", "pin": 27, "curve": [[0, 0.1], [900, 0.1], [1000, 0.9]]}]}
# stdout: buio
# stdout-has: luce
from machine import ADC
import time

ldr = ADC(27)
while True:
    print("buio" if ldr.read_u16() < 30000 else "luce")
    time.sleep(0.5)
