from machine import Pin
import time
led = Pin("LED", Pin.OUT)
while True:
    for _ in range(9):
        led.on()
        time.sleep_ms(200)
        led.off()
        time.sleep_ms(200)
    time.sleep_ms(1400)
