# BLE on the ESP32: scanning with no peers around finds nothing.
# seconds: 2
# stdout: scansione
# stdout: trovati 0
import bluetooth, time

found = []
ble = bluetooth.BLE()
ble.active(True)
ble.irq(lambda event, data: found.append(data))
print("scansione")
ble.gap_scan(1000, 30000, 30000)
time.sleep(1.2)
print("trovati", len(found))
