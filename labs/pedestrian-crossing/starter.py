from machine import Pin
import time

verde = Pin(13, Pin.OUT)      # auto: verde / cars: green
rosso = Pin(15, Pin.OUT)      # auto: rosso / cars: red
pedoni = Pin("LED", Pin.OUT)  # pedoni: avanti / pedestrians: walk
pulsante = Pin(14, Pin.IN, Pin.PULL_UP)

verde.on()
rosso.off()
pedoni.off()
while True:
    if pulsante.value() == 0:   # chiamata dei pedoni / a pedestrian calls
        time.sleep(1)
        # completa la sequenza / complete the sequence
    time.sleep_ms(20)
