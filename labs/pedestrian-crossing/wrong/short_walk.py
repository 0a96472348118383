# Wrong: the walk light stays on for only 2 seconds instead of 4: too short to cross.
from machine import Pin
import time

verde = Pin(13, Pin.OUT)
rosso = Pin(15, Pin.OUT)
pedoni = Pin("LED", Pin.OUT)
pulsante = Pin(14, Pin.IN, Pin.PULL_UP)

verde.on()
while True:
    if pulsante.value() == 0:
        time.sleep(1)
        verde.off()
        rosso.on()
        time.sleep(1)
        pedoni.on()
        time.sleep(2)
        pedoni.off()
        time.sleep(1)
        rosso.off()
        verde.on()
    time.sleep_ms(20)
