import network
import time
import dht
from machine import Pin

RETE = "LAB-SCUOLA"
PASSWORD = "officina"

sensore = dht.DHT22(Pin(4))
wlan = network.WLAN(network.STA_IF)
wlan.active(True)
wlan.connect(RETE, PASSWORD)

print("secondi,temperatura,umidita")
inizio = time.ticks_ms()
ultimo_tentativo = inizio
while True:
    sensore.measure()
    secondi = time.ticks_diff(time.ticks_ms(), inizio) // 1000
    print("%d,%.1f,%.1f" % (secondi, sensore.temperature(), sensore.humidity()))
    if not wlan.isconnected() and time.ticks_diff(time.ticks_ms(), ultimo_tentativo) >= 10000:
        print("# wifi: stato", wlan.status(), "- riprovo")
        wlan.disconnect()
        wlan.connect(RETE, PASSWORD)
        ultimo_tentativo = time.ticks_ms()
    time.sleep(2)
