# A second thread on core 1 blinks GP15 while the main loop blinks GP14 (runs on a Pico).
# seconds: 2
# known-gap: _thread is not simulated (the error says it is available on the real board only)
# events-min: pin:15 value 4
import _thread
import time
from machine import Pin

def core1():
    led = Pin(15, Pin.OUT)
    while True:
        led.toggle()
        time.sleep_ms(200)

_thread.start_new_thread(core1, ())
led = Pin(14, Pin.OUT)
while True:
    led.toggle()
    time.sleep_ms(300)
