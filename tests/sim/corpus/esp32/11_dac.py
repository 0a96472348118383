# The DAC on GPIO 25 outputs a ramp.
# seconds: 1
# event: dac:25 value 0,64,128,192
from machine import DAC, Pin
import time

dac = DAC(Pin(25))
for v in (0, 64, 128, 192):
    dac.write(v)
    time.sleep_ms(10)
