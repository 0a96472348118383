# A one-shot Timer prints once after 500 ms.
# seconds: 2
# stdout: via
# stdout: scaduto
import time
from machine import Timer

def done(t):
    print("scaduto")

Timer(period=500, mode=Timer.ONE_SHOT, callback=done)
print("via")
time.sleep(1)
