# Wrong: drives GP16 instead of GP15, so the LED never changes.
from machine import Pin, ADC
import time
sensor = ADC(27)
led = Pin(16, Pin.OUT)
while True:
    led.value(sensor.read_u16() < 19660)
    time.sleep_ms(100)
