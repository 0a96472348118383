# Correct, another style: a periodic Timer toggles the LED every 250 ms; the main program has
# nothing else to do.
from machine import Pin, Timer

led = Pin("LED", Pin.OUT)


def flip(timer):
    led.toggle()


blinker = Timer(period=250, mode=Timer.PERIODIC, callback=flip)
