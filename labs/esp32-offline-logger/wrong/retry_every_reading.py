# Wrong: calls connect() again at every reading (every 2 s): each call restarts the attempt before
# it can finish, so the board never gets a chance to connect.
import network
import time
import dht
from machine import Pin

sensore = dht.DHT22(Pin(4))
wlan = network.WLAN(network.STA_IF)
wlan.active(True)

print("secondi,temperatura,umidita")
inizio = time.ticks_ms()
while True:
    sensore.measure()
    secondi = time.ticks_diff(time.ticks_ms(), inizio) // 1000
    print("%d,%.1f,%.1f" % (secondi, sensore.temperature(), sensore.humidity()))
    if not wlan.isconnected():
        print("# wifi: riprovo")
        wlan.connect("LAB-SCUOLA", "officina")
    time.sleep(2)
