# A watchdog fed every 500 ms keeps the board running.
# seconds: 3
# outcome: time
# events-min: pin:25 value 4
from machine import WDT, Pin
import time

wdt = WDT(timeout=2000)
led = Pin(25, Pin.OUT)
while True:
    led.toggle()
    wdt.feed()
    time.sleep_ms(500)
