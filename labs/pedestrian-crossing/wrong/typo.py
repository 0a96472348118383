# Wrong: writes Pin.PULLUP instead of Pin.PULL_UP, a name Pin does not have, so the program
# stops with an AttributeError before the lights start.
from machine import Pin
import time

verde = Pin(13, Pin.OUT)
rosso = Pin(15, Pin.OUT)
pedoni = Pin("LED", Pin.OUT)
pulsante = Pin(14, Pin.IN, Pin.PULLUP)

verde.on()
while True:
    if pulsante.value() == 0:
        time.sleep(1)
        verde.off()
        rosso.on()
        time.sleep(1)
        pedoni.on()
        time.sleep(4)
        pedoni.off()
        time.sleep(1)
        rosso.off()
        verde.on()
    time.sleep_ms(20)
