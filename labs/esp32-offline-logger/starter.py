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
while True:
    sensore.measure()
    # 1. stampa una riga: secondi,temperatura,umidita / print one row
    # 2. ogni 10 s, se non sei connesso, riprova / every 10 s, if not connected, retry
    time.sleep(2)
