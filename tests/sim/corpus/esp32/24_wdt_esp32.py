# A watchdog fed from a Timer keeps the board alive while the main loop sleeps.
# seconds: 3
# outcome: time
from machine import WDT, Timer
import time

wdt = WDT(timeout=1000)
Timer(0).init(period=300, mode=Timer.PERIODIC, callback=lambda t: wdt.feed())
while True:
    time.sleep(1)
