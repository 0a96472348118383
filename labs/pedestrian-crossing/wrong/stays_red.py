# Wrong: forgets to give the cars green again at the end, so after the first call the crossing
# stays red for ever.
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
        time.sleep(4)
        pedoni.off()
        time.sleep(1)
    time.sleep_ms(20)
