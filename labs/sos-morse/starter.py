from machine import Pin
import time

led = Pin("LED", Pin.OUT)

def signal(ms):
    led.on()
    time.sleep_ms(ms)
    led.off()
    time.sleep_ms(200)

# Completa: S = tre punti, O = tre linee / Complete: S = three dots, O = three dashes
while True:
    signal(200)
    time.sleep_ms(1400)
