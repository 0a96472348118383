# DS18B20 on a onewire bus on GP22: scan, convert, read.
# seconds: 2
# scenario: {"devices": [{"type": "ds18b20", "pin": 22, "curve": 18.5}]}
# stdout: 1 sensori
# stdout: 18.5
import onewire, ds18x20, time
from machine import Pin

ds = ds18x20.DS18X20(onewire.OneWire(Pin(22)))
roms = ds.scan()
print(len(roms), "sensori")
ds.convert_temp()
time.sleep_ms(750)
for rom in roms:
    print(ds.read_temp(rom))
