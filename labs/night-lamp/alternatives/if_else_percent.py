# Style: converts the reading to a percentage and uses if/else with on() and off().
from machine import Pin, ADC
import time

sensor = ADC(27)
led = Pin(15, Pin.OUT)
while True:
    percent = sensor.read_u16() * 100 / 65535
    if percent < 30:
        led.on()
    else:
        led.off()
    time.sleep(0.1)
