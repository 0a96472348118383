# The MAC address from config('mac') formatted as hex.
# seconds: 0.5
# stdout: 28:cd:c1:0a:41:42
import network

wlan = network.WLAN(network.STA_IF)
wlan.active(True)
mac = wlan.config("mac")
print(":".join("%02x" % b for b in mac))
