# Pico: blink the onboard LED once a second from a periodic Timer callback (the main program ends,
# the timer keeps going).
from machine import Pin, Timer

led = Pin("LED", Pin.OUT)
tim = Timer(period=1000, mode=Timer.PERIODIC, callback=lambda t: led.toggle())
