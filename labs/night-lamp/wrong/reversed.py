# Wrong: the comparison is reversed, so the LED is on in the light and off in the dark.
from machine import Pin, ADC
import time
sensor = ADC(27)
led = Pin(15, Pin.OUT)
while True:
    led.value(sensor.read_u16() > 19660)
    time.sleep_ms(100)
