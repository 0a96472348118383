# Hardware Timer 0 toggles the LED every 100 ms.
# seconds: 1
# events-min: pin:2 value 8
from machine import Pin, Timer

led = Pin(2, Pin.OUT)
t = Timer(0)
t.init(period=100, mode=Timer.PERIODIC, callback=lambda t: led.value(not led.value()))
