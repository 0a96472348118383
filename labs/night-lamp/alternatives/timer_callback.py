# Style: a Timer callback checks the light 10 times a second; the main program does nothing.
from machine import Pin, ADC, Timer

sensor = ADC(Pin(27))
led = Pin(15, Pin.OUT)
DARK = 19660


def check(timer):
    led.value(1 if sensor.read_u16() < DARK else 0)


Timer(period=100, mode=Timer.PERIODIC, callback=check)
