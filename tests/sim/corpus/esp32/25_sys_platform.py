# sys.platform on the ESP32.
# seconds: 0.5
# stdout: esp32
import sys
print(sys.platform)
