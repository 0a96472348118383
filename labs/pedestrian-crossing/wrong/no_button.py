# Wrong: never reads the button: the crossing sequence repeats on its own, even when nobody
# is waiting.
from machine import Pin
import time

verde = Pin(13, Pin.OUT)
rosso = Pin(15, Pin.OUT)
pedoni = Pin("LED", Pin.OUT)

while True:
    verde.on()
    time.sleep(3)
    verde.off()
    rosso.on()
    time.sleep(1)
    pedoni.on()
    time.sleep(4)
    pedoni.off()
    time.sleep(1)
    rosso.off()
