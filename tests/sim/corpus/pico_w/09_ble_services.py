# Registering a GATT service returns handles; notifying with nobody connected raises OSError.
# seconds: 1
# stdout: 1
# stdout: nessuno connesso
import bluetooth

ble = bluetooth.BLE()
ble.active(True)
TEMP = (bluetooth.UUID(0x2A6E), bluetooth.FLAG_READ | bluetooth.FLAG_NOTIFY)
SERVICE = (bluetooth.UUID(0x181A), (TEMP,))
((handle,),) = ble.gatts_register_services((SERVICE,))
print(len(((handle,),)))
ble.gatts_write(handle, b"\x10\x09")
try:
    ble.gatts_notify(0, handle)
except OSError:
    print("nessuno connesso")
