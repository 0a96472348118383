# Pico: read the internal temperature sensor (ADC channel 4) once a second.
from machine import ADC
import time

sensor = ADC(4)
for _ in range(5):
    volts = sensor.read_u16() * 3.3 / 65535
    print("temperature: %.1f C" % (27 - (volts - 0.706) / 0.001721))
    time.sleep(1)
