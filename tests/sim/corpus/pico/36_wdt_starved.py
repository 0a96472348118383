# A watchdog that is not fed resets the board: the run ends when it bites.
# seconds: 5
# outcome: exit
# stdout: avvio
# event: wdt start 1000
# events-min: wdt reset 1
from machine import WDT
import time

print("avvio")
wdt = WDT(timeout=1000)
time.sleep(3)
print("mai")
