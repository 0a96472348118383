# Wrong: gives the pedestrians the walk light at the same moment the cars get red, with no
# "all red" second in between.
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
        pedoni.on()
        time.sleep(5)
        pedoni.off()
        time.sleep(1)
        rosso.off()
        verde.on()
    time.sleep_ms(20)
