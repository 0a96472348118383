# Wrong: reads the DHT22 every second; the sensor needs at least 2 s between two measurements.
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
    print("%d,%.1f,%.1f" % (n, sensore.temperature(), sensore.humidity()))
    n += 1
    if n % 10 == 0 and not wlan.isconnected():
        print("# wifi: riprovo")
        wlan.connect("LAB-SCUOLA", "officina")
    time.sleep(1)
