# Status codes: connecting first, then "no access point found".
# seconds: 6
# stdout: True
# stdout: True
import network, time

wlan = network.WLAN(network.STA_IF)
wlan.active(True)
wlan.connect("x", "y")
print(wlan.status() == network.STAT_CONNECTING)
time.sleep(4)
print(wlan.status() == network.STAT_NO_AP_FOUND)
