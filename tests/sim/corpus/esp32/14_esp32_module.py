# The esp32 module: the internal temperature in Fahrenheit, and NVS storage.
# seconds: 0.5
# stdout: True
# stdout: 42
import esp32

print(esp32.raw_temperature() > 0)
nvs = esp32.NVS("app")
nvs.set_i32("answer", 42)
nvs.commit()
print(nvs.get_i32("answer"))
