# Wrong: the threshold is half of full scale (32768, 50 %) instead of 19660 (30 %): the lamp
# also turns on in dim light.
from machine import Pin, ADC
import time
sensor = ADC(27)
led = Pin(15, Pin.OUT)
while True:
    led.value(sensor.read_u16() < 32768)
    time.sleep_ms(100)
