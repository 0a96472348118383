# Style: two functions (one per job) and ticks-based scheduling without sleep(2): the loop wakes
# every 100 ms and does each job when its time has come; retries only while status() says no
# access point was found.
import network
import time
import dht
from machine import Pin

SSID, KEY = "LAB-SCUOLA", "officina"
sensor = dht.DHT22(Pin(4))
wlan = network.WLAN(network.STA_IF)


def log_reading(start):
    sensor.measure()
    t = time.ticks_diff(time.ticks_ms(), start) / 1000
    print("{:.1f},{:.1f},{:.1f}".format(t, sensor.temperature(), sensor.humidity()))


def try_wifi():
    if wlan.isconnected():
        return
    print("# wifi status", wlan.status(), "retry")
    wlan.disconnect()
    wlan.connect(SSID, KEY)


wlan.active(True)
wlan.connect(SSID, KEY)
print("secondi,temperatura,umidita")
start = time.ticks_ms()
next_log = start
next_wifi = time.ticks_add(start, 10000)
while True:
    now = time.ticks_ms()
    if time.ticks_diff(now, next_log) >= 0:
        log_reading(start)
        next_log = time.ticks_add(next_log, 2000)
    if time.ticks_diff(now, next_wifi) >= 0:
        try_wifi()
        next_wifi = time.ticks_add(next_wifi, 10000)
    time.sleep_ms(100)
