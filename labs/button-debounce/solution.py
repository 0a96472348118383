from machine import Pin
import time

button = Pin(14, Pin.IN, Pin.PULL_UP)
led = Pin(15, Pin.OUT)
last = 1
while True:
    now = button.value()
    if last == 1 and now == 0:
        led.toggle()
        time.sleep_ms(50)
        while button.value() == 0:
            time.sleep_ms(5)
        time.sleep_ms(50)
        now = 1
    last = now
    time.sleep_ms(5)
