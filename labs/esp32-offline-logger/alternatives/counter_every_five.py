# Style: counts the readings; every 5th reading (10 s) retries if offline; time from the counter;
# prints with an f-string and a comment line "# offline, nuovo tentativo".
import network
import time
import dht
from machine import Pin

sensore = dht.DHT22(Pin(4))
wlan = network.WLAN(network.STA_IF)
wlan.active(True)
wlan.connect("LAB-SCUOLA", "officina")

print("secondi,temperatura,umidita")
n = 0
while True:
    sensore.measure()
    print(f"{n * 2},{sensore.temperature()},{sensore.humidity()}")
    n += 1
    if n % 5 == 0 and not wlan.isconnected():
        print("# offline, nuovo tentativo")
        wlan.connect("LAB-SCUOLA", "officina")
    time.sleep(2)
