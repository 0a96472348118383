# Wrong: reads the sensor only every 2 seconds, so the lamp reacts far too late.
from machine import Pin, ADC
import time
sensor = ADC(27)
led = Pin(15, Pin.OUT)
while True:
    led.value(sensor.read_u16() < 19660)
    time.sleep(2)
