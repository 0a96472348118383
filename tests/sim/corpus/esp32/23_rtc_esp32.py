# RTC().init() and datetime() on the ESP32.
# seconds: 1.5
# stdout: (2024, 9, 2, 0, 8, 0, 1, 0)
from machine import RTC
import time

rtc = RTC()
rtc.init((2024, 9, 2, 0, 8, 0, 0, 0))
time.sleep(1)
print(rtc.datetime())
