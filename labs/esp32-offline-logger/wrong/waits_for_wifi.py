# Wrong: waits for the network before logging (while not wlan.isconnected()); on the closed school
# network it never connects, so the node records nothing at all.
import network
import time
import dht
from machine import Pin

sensore = dht.DHT22(Pin(4))
wlan = network.WLAN(network.STA_IF)
wlan.active(True)
wlan.connect("LAB-SCUOLA", "officina")
while not wlan.isconnected():
    time.sleep(1)

print("secondi,temperatura,umidita")
inizio = time.ticks_ms()
while True:
    sensore.measure()
    secondi = time.ticks_diff(time.ticks_ms(), inizio) // 1000
    print("%d,%.1f,%.1f" % (secondi, sensore.temperature(), sensore.humidity()))
    time.sleep(2)
