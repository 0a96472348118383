# Wrong: calls led.blink(), which Pin does not have, so the program stops with an error.
from machine import Pin, ADC
import time
sensor = ADC(27)
led = Pin(15, Pin.OUT)
while True:
    led.value(sensor.read_u16() < 19660)
    time.sleep(0.1)
    led.blink()
