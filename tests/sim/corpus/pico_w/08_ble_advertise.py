# BLE advertising: the radio starts, no central connects, so the IRQ handler is never called.
# seconds: 3
# stdout: pubblicizzo
# outcome: time
import bluetooth, time

ble = bluetooth.BLE()
ble.active(True)
connected = False

def on_event(event, data):
    global connected
    connected = True

ble.irq(on_event)
ble.gap_advertise(100000, b"\x02\x01\x06\x05\x09Pico")
print("pubblicizzo")
while not connected:
    time.sleep_ms(500)
print("connesso")
