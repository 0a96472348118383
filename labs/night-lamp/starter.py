from machine import Pin, ADC
import time

sensor = ADC(27)
led = Pin(15, Pin.OUT)
while True:
    light = sensor.read_u16()
    time.sleep_ms(100)
