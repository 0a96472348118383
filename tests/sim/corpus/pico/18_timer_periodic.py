# A periodic Timer toggles the LED 5 times a second.
# seconds: 1
# events-min: pin:25 value 4
from machine import Pin, Timer

led = Pin(25, Pin.OUT)
tim = Timer()
tim.init(freq=5, mode=Timer.PERIODIC, callback=lambda t: led.toggle())
