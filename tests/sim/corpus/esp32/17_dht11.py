# DHT11 on GPIO 14: whole degrees and percent.
# seconds: 1
# scenario: {"devices": [{"type": "dht11", "pin": 14, "curve": 24.4, "humidity": 40}]}
# stdout: 24 40
import dht
from machine import Pin

d = dht.DHT11(Pin(14))
d.measure()
print(d.temperature(), d.humidity())
