# Wrong: treats 1 as "pressed", but with PULL_UP the button reads 1 when it is NOT pressed, so
# the sequence starts at once and repeats without anyone pressing.
from machine import Pin
import time

verde = Pin(13, Pin.OUT)
rosso = Pin(15, Pin.OUT)
pedoni = Pin("LED", Pin.OUT)
pulsante = Pin(14, Pin.IN, Pin.PULL_UP)

verde.on()
while True:
    if pulsante.value() == 1:
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
