# Pico: blink the onboard LED from a periodic Timer callback (main program ends, timer keeps going).
from machine import Pin, Timer

led = Pin("LED", Pin.OUT)
tim = Timer(period=250, mode=Timer.PERIODIC, callback=lambda t: led.toggle())
