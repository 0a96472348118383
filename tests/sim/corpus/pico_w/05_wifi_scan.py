# Scanning finds no networks in range.
# seconds: 3
# stdout: reti trovate: 0
import network

wlan = network.WLAN(network.STA_IF)
wlan.active(True)
print("reti trovate:", len(wlan.scan()))
