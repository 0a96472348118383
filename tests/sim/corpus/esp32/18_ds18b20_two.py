# Two DS18B20 on one onewire bus on GPIO 4.
# seconds: 2
# scenario: {"devices": [{"type": "ds18b20", "pin": 4, "curve": 20.0}, {"type": "ds18b20", "pin": 4, "curve": -5.5}]}
# stdout: 2
# stdout: 20.0
# stdout: -5.5
import onewire, ds18x20, time
from machine import Pin

sensors = ds18x20.DS18X20(onewire.OneWire(Pin(4)))
roms = sensors.scan()
print(len(roms))
sensors.convert_temp()
time.sleep_ms(750)
for rom in roms:
    print(sensors.read_temp(rom))
