# Wrong: turns the walk light on before the cars' green goes off: for a second cars and
# pedestrians both have "go".
from machine import Pin
import time

verde = Pin(13, Pin.OUT)
rosso = Pin(15, Pin.OUT)
pedoni = Pin("LED", Pin.OUT)
pulsante = Pin(14, Pin.IN, Pin.PULL_UP)

verde.on()
while True:
    if pulsante.value() == 0:
        pedoni.on()
        time.sleep(1)
        verde.off()
        rosso.on()
        time.sleep(5)
        pedoni.off()
        time.sleep(1)
        rosso.off()
        verde.on()
    time.sleep_ms(20)
