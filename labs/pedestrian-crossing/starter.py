from machine import Pin
import time

verde = Pin(13, Pin.OUT)      # auto: verde
rosso = Pin(15, Pin.OUT)      # auto: rosso
pedoni = Pin("LED", Pin.OUT)  # pedoni: avanti
pulsante = Pin(14, Pin.IN, Pin.PULL_UP)

verde.on()
rosso.off()
pedoni.off()
while True:
    if pulsante.value() == 0:   # chiamata dei pedoni
        time.sleep(1)
        # completa la sequenza / complete the sequence
    time.sleep_ms(20)
