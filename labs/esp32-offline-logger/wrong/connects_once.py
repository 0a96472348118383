# Wrong: tries to connect only once at the start and never again, so the node stays offline for
# good even when the access point comes back.
import network
import time
import dht
from machine import Pin

sensore = dht.DHT22(Pin(4))
wlan = network.WLAN(network.STA_IF)
wlan.active(True)
wlan.connect("LAB-SCUOLA", "officina")
print("# wifi: primo tentativo")

print("secondi,temperatura,umidita")
inizio = time.ticks_ms()
while True:
    sensore.measure()
    secondi = time.ticks_diff(time.ticks_ms(), inizio) // 1000
    print("%d,%.1f,%.1f" % (secondi, sensore.temperature(), sensore.humidity()))
    time.sleep(2)
